package io.kafkacontracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the test registry finds a Java 21+ runtime, and when it must fall back to Apicurio 2.6. */
class ApicurioRegistryTest {

  @TempDir
  Path jvms;

  private Path jdk(String name, String version) throws IOException {
    Path home = jvms.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  @Test
  void aJdk21UnderTheJvmDirectoryIsFoundWhenThisJvmIsOlder() throws IOException {
    Path seventeen = jdk("java-17-openjdk-amd64", "17.0.15");
    Path twentyFive = jdk("temurin-25-jdk-amd64", "25.0.3");

    assertThat(ApicurioRegistry.java21(null, seventeen, Optional.empty(), jvms))
        .contains(twentyFive.resolve("bin/java").toString());
  }

  @Test
  void theExplicitExecutableWinsThenThisJvmThenJavaHome() throws IOException {
    Path twentyOne = jdk("jdk-21", "21.0.2");
    Path twentyFive = jdk("jdk-25", "25");

    assertThat(ApicurioRegistry.java21("/opt/java/bin/java", twentyOne, Optional.empty(), jvms))
        .contains("/opt/java/bin/java");
    assertThat(ApicurioRegistry.java21(null, twentyOne, Optional.of(twentyFive), jvms))
        .contains(twentyOne.resolve("bin/java").toString());
    assertThat(ApicurioRegistry.java21(null, jdk("old", "17"), Optional.of(twentyOne), jvms))
        .contains(twentyOne.resolve("bin/java").toString());
  }

  @Test
  void withoutAnyJava21TheLegacyRegistryIsTheFallback() throws IOException {
    Path seventeen = jdk("java-17-openjdk-amd64", "17.0.15");
    jdk("broken", "not a version");

    assertThat(ApicurioRegistry.java21(null, seventeen, Optional.of(seventeen), jvms)).isEmpty();
    assertThat(ApicurioRegistry.java21(null, seventeen, Optional.empty(), jvms.resolve("missing"))).isEmpty();
  }
}
