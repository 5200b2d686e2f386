package io.kafkacontracts.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * This build's artifacts as CI publishes them: {@code mvn deploy} of a copy of this repository
 * (the contract jar and everything it and the plugin need) to a file repository given by a
 * property, as publish.sh does. Once per test JVM, before the first class that needs it; the
 * repository is deleted when the JVM's tests are done.
 *
 * <p>Builds under test resolve this build's plugin and libraries from here, never from the outer
 * local repository: nothing in {@code mvn verify} installs them there, so they would be missing
 * on a fresh machine, or stale from an earlier run. The deploy reads the outer local repository
 * and writes nothing into it (install skipped), so builds running beside it read it safely.
 */
public final class PublishedArtifacts implements BeforeAllCallback {

  private static Deployed deployed;

  private record Deployed(Path work, Path repository, String log) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws IOException {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** The file repository the artifacts were deployed to. */
  static synchronized Path repository() {
    return started().repository;
  }

  /** What the deploy printed. */
  static synchronized String deployLog() {
    return started().log;
  }

  /** Maven settings that resolve from the published repository, then the outer local repository. */
  static String settings() {
    return RepositoryCopy.settings(repository(), RepositoryCopy.outerRepository());
  }

  private static Deployed started() {
    if (deployed == null) {
      throw new IllegalStateException("annotate the test class with @ExtendWith(PublishedArtifacts.class)");
    }
    return deployed;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (PublishedArtifacts.class) {
      if (deployed == null) {
        deployed = deploy();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PublishedArtifacts.class, deployed);
      }
    }
  }

  private static Deployed deploy() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("published-it-");
    Path source = work.resolve("source");
    RepositoryCopy.copyTo(source);
    Path repository = work.resolve("repository");
    // Not offline: Maven refuses to deploy in offline mode (everything resolves from the local repository).
    List<String> command = new ArrayList<>(List.of(RepositoryCopy.mvn(), "-B", "-f", source.resolve("pom.xml").toString(),
        "-Dmaven.repo.local=" + RepositoryCopy.outerRepository(), "-Dmaven.install.skip=true", "-DskipTests",
        "-DaltDeploymentRepository=published::" + repository.toUri(), "-pl", "codegen", "-am", "deploy"));
    String log = RepositoryCopy.run(source, Map.of(), command);
    return new Deployed(work, repository, log);
  }
}
