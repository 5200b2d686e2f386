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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apicurio Registry for the tests, started once per test JVM and distribution as a child
 * process from what the build unpacked, bound to 127.0.0.1 on free ports (its management port too,
 * which otherwise listens on every interface), with global compatibility BACKWARD as Confluent's
 * default. Stopped when the test JVM's tests are done, also on failure.
 *
 * <p>Two distributions: {@link Distribution#CURRENT} (3.3, {@code apicurio.home}) needs Java 21+,
 * found as the first of {@code apicurio.java} (a java executable), this JVM if it is 21+,
 * {@code JAVA_HOME}, then any 21+ JDK under {@code /usr/lib/jvm}; {@link Distribution#LEGACY}
 * (2.6, {@code apicurio.legacy.home}) runs on this JVM. {@code @ExtendWith(ApicurioRegistry.class)}
 * gives the current one and falls back to the legacy one where no Java 21+ exists;
 * {@link Current} and {@link Legacy} ask for one of them (Current skips where it cannot run).
 */
public class ApicurioRegistry implements BeforeAllCallback {

  /** Apicurio versions the tests can start. */
  public enum Distribution {
    CURRENT("Apicurio Registry 3.3"),
    LEGACY("Apicurio Registry 2.6");

    private final String title;

    Distribution(String title) {
      this.title = title;
    }

    @Override
    public String toString() {
      return title;
    }
  }

  /** Always the 3.3 registry; the test class is skipped where no Java 21+ runtime exists. */
  public static final class Current extends ApicurioRegistry {
    @Override
    Distribution wanted() throws IOException {
      Assumptions.assumeTrue(java21().isPresent(),
          "Apicurio Registry 3.3 needs Java 21+ and none was found (this JVM, JAVA_HOME, /usr/lib/jvm/*)");
      return Distribution.CURRENT;
    }
  }

  /** Always the 2.6 registry, on this JVM. */
  public static final class Legacy extends ApicurioRegistry {
    @Override
    Distribution wanted() {
      return Distribution.LEGACY;
    }
  }

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Map<Distribution, Server> RUNNING = new EnumMap<>(Distribution.class);
  private static Distribution fallbackChoice;

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

    private void putGlobalCompatibility(String level) throws IOException, InterruptedException {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/config"))
          .header("Content-Type", "application/vnd.schemaregistry.v1+json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("could not set the global level: HTTP " + answer.statusCode() + " " + answer.body());
      }
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


  /**
   * The Confluent-compatible API's base URL of the registry {@code @ExtendWith(ApicurioRegistry.class)}
   * started, e.g. http://127.0.0.1:41234/apis/ccompat/v7.
   */
  public static synchronized String url() {
    if (fallbackChoice == null) {
      throw new IllegalStateException("annotate the test class with @ExtendWith(ApicurioRegistry.class)");
    }
    return url(fallbackChoice);
  }

  /** The base URL of one distribution, started by its extension. */
  public static synchronized String url(Distribution distribution) {
    Server server = RUNNING.get(distribution);
    if (server == null) {
      throw new IllegalStateException(distribution + " was not started: annotate the test class with its extension");
    }
    return server.url;
  }

  /** Which distribution {@link #url()} answers: the current one, or the legacy one as fallback. */
  public static synchronized Distribution distribution() {
    return Objects.requireNonNull(fallbackChoice, "no registry started by ApicurioRegistry yet");
  }

  /** The current distribution where Java 21+ exists, else the legacy one. */
  Distribution wanted() throws IOException {
    if (java21().isPresent()) {
      return Distribution.CURRENT;
    }
    System.err.println("[ApicurioRegistry] no Java 21+ runtime found: falling back to " + Distribution.LEGACY);
    return Distribution.LEGACY;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Distribution distribution = wanted();
    synchronized (ApicurioRegistry.class) {
      if (getClass() == ApicurioRegistry.class) {
        fallbackChoice = distribution;
      }
      if (!RUNNING.containsKey(distribution)) {
        Server server = start(distribution);
        RUNNING.put(distribution, server);
        // The root store closes its resources when every test of the JVM has run.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(distribution, server);
      }
    }
  }

  private static Server start(Distribution distribution) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    Path home;
    if (distribution == Distribution.CURRENT) {
      home = Path.of(System.getProperty("apicurio.home", "target/apicurio"));
      command.add(java21().orElseThrow(() -> new IllegalStateException(distribution + " needs Java 21+ and none "
          + "was found (this JVM, JAVA_HOME, /usr/lib/jvm/*); install one or point -Dapicurio.java at its java")));
    } else {
      home = Path.of(System.getProperty("apicurio.legacy.home", "target/apicurio-legacy"));
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
    Path jar = distribution == Distribution.CURRENT ? home.resolve("quarkus-run.jar") : legacyRunner(home);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + distribution + " distribution at " + home + "; the build unpacks it "
          + "in generate-test-resources (run the tests through Maven)");
    }
    int httpPort = freePort();
    int managementPort = freePort();
    Path log = Files.createTempFile("apicurio-", ".log");
    // A test registry lives for minutes: the quick compiler and one GC thread start it in ~2/3 of the CPU.
    command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
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
    if (distribution == Distribution.LEGACY) {
      // 2.6 answers NONE on GET /config whatever rule it was started with: store the level through the API.
      registry.putGlobalCompatibility("BACKWARD");
    }
    return registry;
  }

  /** 2.6 ships a Quarkus uber-jar named after its version. */
  private static Path legacyRunner(Path home) {
    String version = System.getProperty("apicurio.legacy.version", "2.6.13.Final");
    return home.resolve("apicurio-registry-app-" + version + "-runner.jar");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Optional<String> java21() throws IOException {
    return java21(System.getProperty("apicurio.java"), Path.of(System.getProperty("java.home")),
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of), Path.of("/usr/lib/jvm"));
  }

  /** The first Java 21+ executable of: the explicit one, this JVM, JAVA_HOME, the JDKs under jvmDirectory. */
  static Optional<String> java21(String explicit, Path thisJavaHome, Optional<Path> javaHome, Path jvmDirectory)
      throws IOException {
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(explicit);
    }
    List<Path> homes = new ArrayList<>();
    homes.add(thisJavaHome);
    javaHome.ifPresent(homes::add);
    if (Files.isDirectory(jvmDirectory)) {
      try (Stream<Path> list = Files.list(jvmDirectory)) {
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
