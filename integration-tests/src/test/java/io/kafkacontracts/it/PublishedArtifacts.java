package io.kafkacontracts.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This build's own artifacts in a repository's layout (the plugin, the libraries, their poms and
 * the parent pom, as the reactor built them), written by the build before the tests run
 * ({@code copy-dependencies} in this module's pom). Nested builds under test resolve this build's
 * plugin and libraries from here, never from the outer local repository: nothing in
 * {@code mvn verify} installs them there, so they would be missing on a fresh machine, or stale
 * from an earlier run.
 */
final class PublishedArtifacts {

  private PublishedArtifacts() {}

  /** The repository, checked to hold the plugin. */
  static Path repository() {
    Path repository = Path.of(System.getProperty("contracts.published.repository", "target/published-repository"))
        .toAbsolutePath();
    Path plugin = repository.resolve("io/kafkacontracts/contracts-maven-plugin");
    if (!Files.isDirectory(plugin)) {
      throw new IllegalStateException("no contracts-maven-plugin under " + repository + ": the build writes this "
          + "repository in generate-test-resources (run the tests through Maven)");
    }
    return repository;
  }

  /** Maven settings that resolve from this repository, then the outer local repository. */
  static String settings() {
    return RepositoryCopy.settings(repository(), RepositoryCopy.outerRepository());
  }
}
