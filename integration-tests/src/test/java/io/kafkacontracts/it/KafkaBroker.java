package io.kafkacontracts.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one node), started in the test JVM
 * from Apache Kafka's own jars: the storage is formatted with {@code StorageTool}, then a
 * {@code KafkaRaftServer} starts on 127.0.0.1 with free ports. Once per test JVM; shut down and its
 * logs deleted when the JVM's tests are done, also on failure.
 */
public final class KafkaBroker implements BeforeAllCallback {

  /**
   * A lock for test classes that make the seed catalogue's topics (each takes the ones missing):
   * two at once would race to create the same topic.
   */
  public static final String SEED_TOPICS = "the seed catalogue's topics on the shared broker";

  private static Running running;

  private record Running(KafkaRaftServer server, Path logs, String bootstrapServers)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws IOException {
      server.shutdown();
      server.awaitShutdown();
      try (Stream<Path> files = Files.walk(logs)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** host:port of the broker's client listener. */
  public static synchronized String bootstrapServers() {
    if (running == null) {
      throw new IllegalStateException("annotate the test class with @ExtendWith(KafkaBroker.class)");
    }
    return running.bootstrapServers;
  }

  /** An admin client of the broker; the caller closes it. */
  public static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (KafkaBroker.class) {
      if (running == null) {
        running = start();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(KafkaBroker.class, running);
      }
    }
  }

  private static Running start() throws IOException {
    int brokerPort = freePort();
    int controllerPort = freePort();
    Path logs = Files.createTempDirectory("kafka-it-");
    Properties properties = new Properties();
    properties.put("process.roles", "broker,controller");
    properties.put("node.id", "1");
    properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    properties.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    properties.put("controller.listener.names", "CONTROLLER");
    properties.put("inter.broker.listener.name", "PLAINTEXT");
    properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    properties.put("log.dirs", logs.resolve("data").toString());
    properties.put("auto.create.topics.enable", "false");
    properties.put("offsets.topic.replication.factor", "1");
    properties.put("offsets.topic.num.partitions", "1");
    properties.put("transaction.state.log.replication.factor", "1");
    properties.put("transaction.state.log.min.isr", "1");
    properties.put("group.initial.rebalance.delay.ms", "0");
    properties.put("share.coordinator.state.topic.replication.factor", "1");
    properties.put("share.coordinator.state.topic.min.isr", "1");
    Path config = logs.resolve("server.properties");
    try (var out = Files.newBufferedWriter(config)) {
      properties.store(out, "integration-test broker");
    }

    ByteArrayOutputStream formatOutput = new ByteArrayOutputStream();
    int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
        config.toString()}, new PrintStream(formatOutput, true, StandardCharsets.UTF_8));
    if (formatted != 0) {
      throw new IllegalStateException("formatting the broker's storage failed: " + formatOutput);
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
    server.startup();
    return new Running(server, logs, "127.0.0.1:" + brokerPort);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
