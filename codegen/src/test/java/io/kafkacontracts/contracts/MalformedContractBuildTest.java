package io.kafkacontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Maven build of this module over a copy of the contracts with one malformed file: the
 * build must fail before code generation, naming the file, line and column.
 */
class MalformedContractBuildTest {

  @TempDir
  Path contracts;

  @Test
  void aMalformedAvscFailsTheBuildNamingFileAndLine() throws Exception {
    copyContracts();
    Path broken = contracts.resolve("avro/common/EventSource.avsc");
    List<String> lines = Files.readAllLines(broken);
    // Drop the comma after the first field: line 7 now runs into line 8.
    lines.set(6, lines.get(6).replace("},", "}"));
    Files.write(broken, lines);

    Path repository = Contracts.DIRECTORY.toAbsolutePath().normalize().getParent();
    Path log = contracts.resolve("build.log");
    Process build = new ProcessBuilder(
            mavenExecutable(), "-B", "-o", "-f", repository.resolve("pom.xml").toString(),
            // The same local repository as the outer build, which holds every plugin already.
            "-Dmaven.repo.local=" + System.getProperty("contracts.test.localRepository"),
            "-pl", "codegen", "-am", "compile", "-Dcontracts.directory=" + contracts)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertThat(build.waitFor(5, TimeUnit.MINUTES)).as("the build finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(build.exitValue()).as(output).isNotZero();
    assertThat(output)
        .contains("1 problem in the contracts under " + contracts + "; fix them and build again:")
        .contains(broken + ":8:5: invalid JSON: Unexpected character ('{' (code 123)): was expecting comma "
            + "to separate Array entries [SYNTAX_ERROR]")
        .doesNotContain("avro-maven-plugin");
  }

  private void copyContracts() throws IOException {
    Path source = Contracts.DIRECTORY;
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = source.relativize(file);
        if (relative.startsWith("avro") || relative.toString().equals("contracts.yaml")) {
          Path target = contracts.resolve(relative);
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }
  }

  private static String mavenExecutable() {
    String home = System.getProperty("maven.home");
    assertThat(home).as("the build passes maven.home to the tests").isNotBlank();
    return Path.of(home, "bin", "mvn").toString();
  }
}
