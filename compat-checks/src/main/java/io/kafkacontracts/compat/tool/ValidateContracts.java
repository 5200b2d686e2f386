package io.kafkacontracts.compat.tool;

import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Command-line entry point the build calls before generating code: validates a contracts
 * directory and fails with every problem, each as {@code file:line:column: message [RULE]}.
 *
 * <p>Usage: {@code ValidateContracts <contracts directory>}. Throws instead of calling
 * {@code System.exit} so it can run inside the Maven JVM (exec-maven-plugin's {@code java} goal).
 */
public final class ValidateContracts {

  private ValidateContracts() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ValidateContracts <contracts directory>");
    }
    ContractsDirectory contracts = ContractsDirectory.load(Path.of(args[0]), relativeToWorkingDirectory());
    if (contracts.hasProblems()) {
      throw new ContractProblemsException(describe(contracts));
    }
    System.out.printf("kafka-contracts: %d schema files, %d named types and %d topics are valid%n",
        contracts.schemas().files().size(), contracts.schemas().types().size(),
        contracts.catalogue().topics().size());
  }

  static String describe(ContractsDirectory contracts) {
    int count = contracts.problems().size();
    return count + (count == 1 ? " problem" : " problems") + " in the contracts under " + contracts.root()
        + "; fix them and build again:\n"
        + contracts.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  /** Files print relative to where the build runs, as compilers print them, when they lie under it. */
  static Function<Path, Path> relativeToWorkingDirectory() {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return path -> {
      Path absolute = path.toAbsolutePath().normalize();
      return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    };
  }

  /** The contracts have problems; the message lists them all. */
  public static final class ContractProblemsException extends RuntimeException {
    public ContractProblemsException(String message) {
      super(message);
    }
  }
}
