package io.kafkacontracts.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of this repository holding what is published (the contract jar, its libraries and the
 * plugin) and the ci/ scripts, so builds under test never touch the outer build's own folders;
 * and a way to run Maven on it with the outer local repository as a read-only source.
 */
final class RepositoryCopy {

  private static final Set<String> PUBLISHED = Set.of("pom.xml", ".mvn", "schemas", "compat-checks", "registry-client",
      "serdes", "operations", "codegen", "maven-plugin", "archetype", "ci");
  /** The contracts and their gate: what a pull request's pipeline checks. */
  private static final Set<String> CONTRACTS = Set.of("pom.xml", ".mvn", "schemas", "ci");
  private static final Pattern MODULE = Pattern.compile("\\s*<module>([^<]+)</module>");

  private RepositoryCopy() {}

  static Path outerRepository() {
    return Path.of(System.getProperty("contracts.test.localRepository"));
  }

  /** The published modules, the ci/ scripts and the root pom listing those modules. */
  static void copyTo(Path target) throws IOException {
    copy(target, PUBLISHED);
  }

  /**
   * The contracts module ({@code schemas}), the ci/ scripts and the root pom listing that module
   * alone: its gate takes the plugin from a repository, as a team's does, instead of building the
   * libraries again (the outer build and {@link #copyTo} copies build them).
   */
  static void copyContractsTo(Path target) throws IOException {
    copy(target, CONTRACTS);
  }

  private static void copy(Path target, Set<String> parts) throws IOException {
    Path root = Path.of(System.getProperty("contracts.repository.root")).toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = root.relativize(file);
        if (!parts.contains(relative.getName(0).toString()) || relative.toString().contains("/target/")
            || relative.startsWith("maven-plugin/src/it") || relative.startsWith("archetype/src/it")) {
          continue;
        }
        Path copy = target.resolve(relative);
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
        copy.toFile().setExecutable(file.toFile().canExecute());
      }
    }
    // The root pom lists every module; the copy holds only some.
    Path pom = target.resolve("pom.xml");
    Matcher module = MODULE.matcher(Files.readString(pom, StandardCharsets.UTF_8));
    StringBuilder text = new StringBuilder();
    while (module.find()) {
      module.appendReplacement(text, parts.contains(module.group(1)) ? Matcher.quoteReplacement(module.group()) : "");
    }
    module.appendTail(text);
    Files.writeString(pom, text.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Maven settings that resolve from the given file repositories (each {@code id=path}) before
   * Central, checksums not required (a local repository holds none).
   */
  static String settings(Path... repositories) {
    StringBuilder repos = new StringBuilder();
    StringBuilder pluginRepos = new StringBuilder();
    int n = 0;
    for (Path repository : repositories) {
      String id = n++ == 0 && repositories.length > 1 ? "published" : "outer" + n;
      String policy = "<releases><checksumPolicy>ignore</checksumPolicy></releases>"
          + "<snapshots><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></snapshots>";
      repos.append("<repository><id>").append(id).append("</id><url>").append(repository.toUri()).append("</url>")
          .append(policy).append("</repository>");
      pluginRepos.append("<pluginRepository><id>").append(id).append("</id><url>").append(repository.toUri())
          .append("</url>").append(policy).append("</pluginRepository>");
    }
    return "<settings><profiles><profile><id>test-repositories</id>"
        + "<activation><activeByDefault>true</activeByDefault></activation>"
        + "<repositories>" + repos + "</repositories><pluginRepositories>" + pluginRepos + "</pluginRepositories>"
        + "</profile></profiles></settings>";
  }

  /** Runs a command in a folder with extra environment; fails the test unless it succeeds. */
  static String run(Path folder, java.util.Map<String, String> environment, List<String> command)
      throws IOException, InterruptedException {
    Outcome outcome = attempt(folder, environment, command);
    if (outcome.exitCode() != 0) {
      throw new AssertionError(command + " failed with " + outcome.exitCode() + ":\n" + outcome.output());
    }
    return outcome.output();
  }

  /** How a command ended: its exit code and its output (stdout and stderr together). */
  record Outcome(int exitCode, String output) {}

  /** Runs a command in a folder with extra environment, and returns however it ended. */
  static Outcome attempt(Path folder, java.util.Map<String, String> environment, List<String> command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(folder.getParent(), "run-", ".log");
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(folder.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in 10 minutes");
    }
    return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  static String mvn() {
    return Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
  }
}
