package io.kafkacontracts.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apicurio Registry for the tests, started once per test JVM as a child process from the
 * distribution the build unpacked ({@code apicurio.home}), bound to 127.0.0.1 on free ports (its
 * management port too, which otherwise listens on every interface), with global compatibility
 * BACKWARD as Confluent's default. Stopped when the test JVM's tests are done, also on failure.
 *
 * <p>Apicurio 3.3 needs Java 21+: the JVM is the first of {@code apicurio.java} (a java
 * executable), this JVM if it is 21+, {@code JAVA_HOME}, then any 21+ JDK under
 * {@code /usr/lib/jvm}.
 */
public final class ApicurioRegistry implements BeforeAllCallback {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static Server running;

  /** The registry process; closed by JUnit's root store after the last test. */
  private static final class Server implements AutoCloseable {
    private final Process process;
    private final String url;
    private final Path log;

    Server(Process process, String url, Path log) {
      this.process = process;
      this.url = url;
      this.log = log;
    }

    private void awaitReady() throws IOException, InterruptedException {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long deadline = System.nanoTime() + STARTUP.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Apicurio exited with " + process.exitValue() + "; its log:\n" + tail());
        }
        try {
          HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/subjects"))
              .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(250);
      }
      stop();
      throw new IllegalStateException("Apicurio did not answer within " + STARTUP + "; its log:\n" + tail());
    }

    private String tail() throws IOException {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private void stop() {
      if (process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void close() throws IOException {
      stop();
      Files.deleteIfExists(log); // kept only when start-up failed, for its message
    }
  }


  /** The Confluent-compatible API's base URL, e.g. http://127.0.0.1:41234/apis/ccompat/v7. */
  public static String url() {
    if (running == null) {
      throw new IllegalStateException("annotate the test class with @ExtendWith(ApicurioRegistry.class)");
    }
    return running.url;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (ApicurioRegistry.class) {
      if (running == null) {
        running = start();
        // The root store closes its resources when every test of the JVM has run.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(ApicurioRegistry.class, running);
      }
    }
  }

  private static Server start() throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("apicurio.home", "target/apicurio"));
    Path jar = home.resolve("quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no Apicurio distribution at " + home + "; the build unpacks it in "
          + "generate-test-resources (run the tests through Maven)");
    }
    String java = java21().orElseThrow(() -> new IllegalStateException(
        "Apicurio Registry 3.3 needs Java 21+ and none was found (this JVM, JAVA_HOME, /usr/lib/jvm/*); "
            + "install one or point -Dapicurio.java at its java executable"));
    int httpPort = freePort();
    int managementPort = freePort();
    Path log = Files.createTempFile("apicurio-", ".log");
    List<String> command = new ArrayList<>(List.of(java,
        "-Xmx384m",
        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
        "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
        "-Dapicurio.rules.global.compatibility=BACKWARD",
        "-jar", jar.toString()));
    Process process = new ProcessBuilder(command).directory(home.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String base = "http://127.0.0.1:" + httpPort + "/apis/ccompat/v7";
    Server registry = new Server(process, base, log);
    Runtime.getRuntime().addShutdownHook(new Thread(registry::stop));
    registry.awaitReady();
    return registry;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Optional<String> java21() throws IOException {
    String explicit = System.getProperty("apicurio.java");
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(explicit);
    }
    if (Runtime.version().feature() >= 21) {
      return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
    List<Path> homes = new ArrayList<>();
    Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> list = Files.list(jvms)) {
        list.sorted(Comparator.reverseOrder()).forEach(homes::add);
      }
    }
    for (Path home : homes) {
      Path java = home.resolve("bin/java");
      if (Files.isExecutable(java) && featureVersion(home) >= 21) {
        return Optional.of(java.toString());
      }
    }
    return Optional.empty();
  }

  /** The major Java version of a JDK home, read from its {@code release} file; 0 if unknown. */
  private static int featureVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return 0;
    }
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(release)) {
      properties.load(in);
    } catch (IOException e) {
      return 0;
    }
    String version = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
    try {
      return Integer.parseInt(version.split("[.+-]")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
