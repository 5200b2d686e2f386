package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import io.kafkacontracts.operations.DesiredTopic;
import io.kafkacontracts.operations.Import;
import io.kafkacontracts.operations.KafkaSettings;
import io.kafkacontracts.operations.Registration;
import io.kafkacontracts.operations.RegistryBaseline;
import io.kafkacontracts.operations.TopicAction;
import io.kafkacontracts.operations.TopicPlan;
import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaReference;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team adopting the toolkit on a platform that already runs: a registry holding a history
 * (several versions, a reference, four levels, an Avro-framed primitive key, a RecordNameStrategy
 * subject, a hand-named subject) and a broker holding the topics and their records, written as
 * producers write them. {@code import} writes the repository; the round trip is the proof: the
 * repository is valid, the gate passes against the registry's history, registration (dry run)
 * finds every subject unchanged at its level, the topic plan changes nothing, and a second import
 * writes nothing. On Apicurio 3.3 and 2.6, each with names of its own on the shared registry and
 * broker.
 */
@ExtendWith(KafkaBroker.class)
class ImportTest {

  @TempDir
  Path repository;

  @Nested
  @ExtendWith(ApicurioRegistry.Current.class)
  class OnApicurio3 {
    @Test
    void importedRepositoryRoundTrips() throws Exception {
      importAndRoundTrip(ApicurioRegistry.url(ApicurioRegistry.Distribution.CURRENT));
    }
  }

  @Nested
  @ExtendWith(ApicurioRegistry.Legacy.class)
  class OnApicurio2 {
    @Test
    void importedRepositoryRoundTrips() throws Exception {
      importAndRoundTrip(ApicurioRegistry.url(ApicurioRegistry.Distribution.LEGACY));
    }

    @Test
    void importedWithMavenAsATeamRunsIt() throws Exception {
      importWithMaven(ApicurioRegistry.url(ApicurioRegistry.Distribution.LEGACY));
    }
  }

  /**
   * The same as a team runs it: the goal in an empty folder (no pom), then the imported repository's
   * own build judged against the registry, a dry-run registration and the topic plan in one run, then
   * the goal again. On Apicurio 2.6 (its own check's difference recorded).
   */
  private void importWithMaven(String url) throws Exception {
    String p = "m" + UUID.randomUUID().toString().substring(0, 8);
    KafkaSettings cluster = KafkaSettings.resolve(KafkaBroker.bootstrapServers(), null, Map.of()).orElseThrow();
    try (SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(url).build();
        Admin admin = cluster.admin()) {
      new Platform(p, "com.acme." + p, registry, url).seed(admin);
    }
    Path team = Files.createDirectories(repository.resolve("team"));
    Path settings = Files.writeString(repository.resolve("settings.xml"), PublishedArtifacts.settings());
    List<String> maven = List.of(RepositoryCopy.mvn(), "-B", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repository.resolve("local-repository"), "-Dcontracts.registry.url=" + url,
        "-Dcontracts.kafka.bootstrapServers=" + KafkaBroker.bootstrapServers());
    List<String> importGoal = new java.util.ArrayList<>(maven);
    importGoal.addAll(List.of("io.kafkacontracts:contracts-maven-plugin:0.1.0-SNAPSHOT:import",
        "-Dcontracts.import.subjects=.*" + p + ".*", "-Dcontracts.import.topics=" + p + "[.].*",
        "-Dcontracts.import.groupId=com.acme.contracts"));

    String imported = RepositoryCopy.run(team, Map.of(), importGoal);
    assertThat(imported).contains("[INFO]   " + p + ".orders: value com.acme." + p + ".Order (subject '" + p
        + ".orders-value', 2 versions), key in subject '" + p + ".orders-key', FULL\n",
        "[WARNING]   to decide: Topic '" + p + ".empty': no key subject and no record to read",
        "things to decide in import-report.md");
    assertThat(imported).containsPattern("kafka-contracts: imported 5 topics into \\.: 1[0-9] files created, 0 "
        + "replaced, 0 unchanged; 3 things to decide");
    assertThat(team.resolve("ci/scripts/publish.sh")).isExecutable();
    assertThat(team.resolve("pom.xml")).content().contains("<artifactId>team</artifactId>",
        "<contracts.register.references>true</contracts.register.references>");

    List<String> build = new java.util.ArrayList<>(maven);
    build.addAll(List.of("verify", "contracts:register", "-Dcontracts.dryRun=true", "contracts:topics-plan"));
    String verified = RepositoryCopy.run(team, Map.of(), build);
    assertThat(verified).contains("0 violations from 0 causes in 0 of 6 subjects, 0 warnings, 0 problems (baseline: "
        + "registry " + url + ")", "0 new versions would be registered, 7 unchanged, 0 refused, 0 levels would change",
        "BUILD SUCCESS");
    assertThat(verified).contains("kafka-contracts: 0 to create, 0 partition increases, 0 config changes, 0 refused, 6 "
        + "unchanged, 0 drifted configs left alone");
    assertThat(team.resolve("target/classes/com/acme/contracts/Topics.class")).isRegularFile();
    // Apicurio 2.6's difference: its own compatibility check cannot read a version that refers to another
    // (Confluent's can); a warning beside the gate's verdict, which stands.
    assertThat(verified).contains("[WARNING] kafka-contracts: " + p + ".payments-value: the registry's own "
        + "compatibility check did not answer: POST /compatibility/subjects/" + p + ".payments-value/versions?verbose="
        + "true failed with HTTP 422, error code 42201: Could not execute compatibility rule on invalid Avro schema");

    assertThat(RepositoryCopy.run(team, Map.of(), importGoal)).containsPattern("imported 5 topics into \\.: 0 files "
        + "created, 0 replaced, 1[0-9] unchanged; 3 things to decide");
  }

  private void importAndRoundTrip(String url) throws Exception {
    String p = "i" + UUID.randomUUID().toString().substring(0, 8);
    String ns = "com.acme." + p;
    KafkaSettings cluster = KafkaSettings.resolve(KafkaBroker.bootstrapServers(), null, Map.of()).orElseThrow();
    try (SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(url).build();
        Admin admin = cluster.admin()) {
      Platform platform = new Platform(p, ns, registry, url);
      platform.seed(admin);

      Import.Request request = new Import.Request(Pattern.compile(".*" + p + ".*"), Pattern.compile(p + "\\..*"), 100,
          java.time.Duration.ofSeconds(10));
      Import.Result result = Import.read(registry, Optional.of(cluster), request);

      assertThat(text(result, "contracts.yaml")).isEqualTo("""
          # The topics and their contracts, imported from the registry and the cluster by kafka-contracts' import.
          # What it could not decide is in import-report.md.
          defaults:
            compatibility: %2$s   # the registry's global level
            deadLetterRetention: 14d
          # Schema lint: MINIMAL, as the registry's schemas were written; STANDARD adds naming, layout and
          # docs conventions (compat-checks/README.md).
          lint:
            use: [MINIMAL]
          topics:
            - name: %1$s.empty
              value: com.acme.%1$s.Note
              # key: not decided (no key subject, no record read); see import-report.md
              compatibility: BACKWARD
              partitions: 1
              replication: 1
              retention: 1d
            - name: %1$s.legacy
              value: com.acme.%1$s.Event
              # key: plain text in 3 of 3 records read
              key: {type: string}
              valueSubject: %1$s_legacy_events
              compatibility: BACKWARD
              partitions: 1
              replication: 1
              retention: 3d
            - name: %1$s.orders
              value: com.acme.%1$s.Order
              key: {type: string, format: avro}
              compatibility: FULL
              partitions: 3
              replication: 1
              retention: 7d
              deadLetter: true
              config: {compression.type: lz4}
            - name: %1$s.payments
              value: com.acme.%1$s.Payment
              # key: plain text in 2 of 2 records read
              key: {type: string}
              compatibility: BACKWARD_TRANSITIVE
              partitions: 2
              replication: 1
              retention: 30d
            - name: %1$s.shipments
              value: com.acme.%1$s.Shipment
              # no key: none of 2 records read had one
              subjectNameStrategy: RecordNameStrategy
              compatibility: FORWARD
              partitions: 1
              replication: 1
              retention: infinite
          """.formatted(p, registry.globalCompatibility())
          // A topic at the global level does not repeat it.
          .replace("    compatibility: BACKWARD\n", registry.globalCompatibility().equals("BACKWARD") ? ""
              : "    compatibility: BACKWARD\n"));
      assertThat(result.files()).extracting(f -> f.path().toString()).contains("avro/com/acme/" + p + "/Order.avsc",
          "avro/com/acme/" + p + "/Money.avsc", "avro/com/acme/" + p + "/Payment.avsc",
          "avro/com/acme/" + p + "/Shipment.avsc", "avro/com/acme/" + p + "/Event.avsc", "accepted-breaks.yaml",
          Import.REPORT_FILE);
      // Payment refers to Money by name (in its namespace, the short one): one file per named type.
      assertThat(text(result, "avro/com/acme/" + p + "/Payment.avsc")).contains("\"type\" : \"Money\"")
          .doesNotContain("cents");
      assertThat(result.references()).isTrue();
      assertThat(result.undecided()).anySatisfy(line -> assertThat(line).startsWith("Topic '" + p + ".empty': no key "
          + "subject and no record to read"));
      assertThat(result.undecided()).anySatisfy(line -> assertThat(line).isEqualTo("Topic '" + p + ".raw' has no "
          + "subject " + p + ".raw-value and no record framed with a schema id of the subjects imported: left out (a "
          + "topic without an Avro value, or one whose subject was filtered out)."));
      assertThat(result.undecided()).anySatisfy(line -> assertThat(line).isEqualTo("Subject '" + p + ".ghost-value' "
          + "names topic '" + p + ".ghost', which the cluster does not have: left out (create the topic, or delete "
          + "the subject if it is gone for good)."));
      assertThat(result.undecided()).hasSize(3);

      Import.Written first = Import.write(result.files(), repository, false);
      assertThat(first.created()).hasSize(result.files().size());

      // The round trip: valid, judged green against the registry's history, registered unchanged.
      ContractsDirectory contracts = ContractsDirectory.load(repository, Function.identity());
      assertThat(contracts.problems()).isEmpty();
      GateReport gate = RegistryBaseline.judge(registry, "the registry", contracts, AcceptedBreaks.none(), 4,
          LocalDate.of(2026, 12, 8), Function.identity());
      assertThat(gate.fails()).as(ReportFormat.TEXT.render(gate)).isFalse();
      List<Registration.Result> dryRun = Registration.apply(registry, Registration.inspect(registry,
          Registration.candidates(contracts, result.references()), 4), true, 4, r -> { });
      assertThat(dryRun).extracting(Registration.Result::describe).allSatisfy(line ->
          assertThat(line).contains(": unchanged, version").doesNotContain("level"));
      assertThat(dryRun).extracting(Registration.Result::subject).containsExactlyInAnyOrder(p + ".empty-value",
          p + "_legacy_events", p + ".orders-value", p + ".orders-key", ns + ".Money", p + ".payments-value",
          ns + ".Shipment");
      TopicPlan plan = TopicPlan.of(admin, "the broker", DesiredTopic.of(contracts.catalogue()));
      assertThat(plan.actions()).allMatch(action -> action instanceof TopicAction.Unchanged, plan.lines().toString());
      assertThat(plan.actions()).hasSize(6); // five topics and orders' dead-letter topic

      // The next pull request: a break is judged against the registry's history, at the topic's level.
      Path order = repository.resolve("avro/com/acme/" + p + "/Order.avsc");
      String imported = Files.readString(order);
      Files.writeString(order, imported.replace("\"name\" : \"id\",", "\"name\" : \"id\", \"doc\" : \"x\",")
          .replace("  } ]\n}", "  }, {\n    \"name\" : \"qty\",\n    \"type\" : \"int\"\n  } ]\n}"));
      GateReport broken = RegistryBaseline.judge(registry, "the registry",
          ContractsDirectory.load(repository, Function.identity()), AcceptedBreaks.none(), 4, LocalDate.of(2026, 12, 8),
          Function.identity());
      assertThat(broken.fails()).isTrue();
      assertThat(ReportFormat.TEXT.render(broken)).contains("avro/com/acme/" + p + "/Order.avsc:",
          "FIELD_ADDED_WITHOUT_DEFAULT", p + ".orders-value");
      // A compatible one (a field with a default) passes, registers as version 3, and an import after it
      // finds the repository as it is.
      Files.writeString(order, imported.replace("  } ]\n}", "  }, {\n    \"name\" : \"qty\",\n    \"type\" : "
          + "\"int\",\n    \"default\" : 0\n  } ]\n}"));
      ContractsDirectory evolved = ContractsDirectory.load(repository, Function.identity());
      assertThat(RegistryBaseline.judge(registry, "the registry", evolved, AcceptedBreaks.none(), 4,
          LocalDate.of(2026, 12, 8), Function.identity()).fails()).isFalse();
      List<Registration.Result> registered = Registration.apply(registry, Registration.inspect(registry,
          Registration.candidates(evolved, result.references()), 4), false, 4, r -> { });
      assertThat(registered).filteredOn(r -> r.outcome() == Registration.Outcome.NEW_VERSION)
          .extracting(Registration.Result::describe).singleElement().asString()
          .startsWith(p + ".orders-value: new version 3");

      // A second import writes nothing; over an edit, nothing either.
      Import.Result again = Import.read(registry, Optional.of(cluster), request);
      Import.Written second = Import.write(again.files(), repository, false);
      assertThat(second.created()).isEmpty();
      assertThat(second.differing()).isEmpty();
      // Its report counts the third version: the import's own file, refreshed.
      assertThat(second.refreshed()).containsExactly(Path.of(Import.REPORT_FILE));
      assertThat(repository.resolve(Import.REPORT_FILE)).content().contains("subject '" + p + ".orders-value', 3 versions");
      Path catalogue = repository.resolve("contracts.yaml");
      Files.writeString(catalogue, Files.readString(catalogue).replace("retention: 3d", "retention: 4d"));
      Files.delete(repository.resolve(Import.REPORT_FILE));
      Import.Written overEdit = Import.write(again.files(), repository, false);
      assertThat(overEdit.differing()).containsExactly(Path.of("contracts.yaml"));
      assertThat(repository.resolve(Import.REPORT_FILE)).doesNotExist();
      assertThat(Files.readString(catalogue)).contains("retention: 4d");
    }
  }

  private static String text(Import.Result result, String path) {
    return result.files().stream().filter(f -> f.path().toString().equals(path)).findFirst().orElseThrow().text();
  }

  /** The platform a team already runs: subjects, levels, topics and records, written by producers. */
  private record Platform(String p, String ns, SchemaRegistryClient registry, String url) {

    void seed(Admin admin) throws Exception {
      // orders: two versions, FULL, an Avro-framed string key, a dead-letter topic, a config of its own.
      Schema order1 = record("Order", "{\"name\":\"id\",\"type\":\"string\"}");
      Schema order2 = record("Order", "{\"name\":\"id\",\"type\":\"string\"},"
          + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}");
      register(p + ".orders-value", order1.toString(), List.of(), "FULL");
      register(p + ".orders-value", order2.toString(), List.of(), "FULL");
      register(p + ".orders-key", "\"string\"", List.of(), "FULL");
      // payments: refers to Money in a subject of its own, BACKWARD_TRANSITIVE; plain text keys.
      Schema money = record("Money", "{\"name\":\"cents\",\"type\":\"long\"}");
      register(ns + ".Money", money.toString(), List.of(), "BACKWARD_TRANSITIVE");
      Schema payment = parseWith(money,
          "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"" + ns + "\",\"fields\":[{\"name\":\"amount\","
              + "\"type\":\"" + ns + ".Money\"}]}");
      register(p + ".payments-value", payment.toString(List.of(payment.getField("amount").schema()), false),
          List.of(new SchemaReference(ns + ".Money", ns + ".Money", 1)), "BACKWARD_TRANSITIVE");
      // shipments: RecordNameStrategy, FORWARD; records without keys.
      Schema shipment = record("Shipment", "{\"name\":\"parcel\",\"type\":\"string\"}");
      register(ns + ".Shipment", shipment.toString(), List.of(), "FORWARD");
      // legacy: a subject named by hand, BACKWARD; text keys.
      Schema event = record("Event", "{\"name\":\"what\",\"type\":\"string\"}");
      register(p + "_legacy_events", event.toString(), List.of(), "BACKWARD");
      // empty: a subject, a topic, no records.
      register(p + ".empty-value", record("Note", "{\"name\":\"text\",\"type\":\"string\"}").toString(), List.of(),
          "BACKWARD");
      // ghost: a subject whose topic is gone.
      register(p + ".ghost-value", record("Ghost", "{\"name\":\"x\",\"type\":\"int\"}").toString(), List.of(),
          "BACKWARD");

      admin.createTopics(List.of(
          topic(p + ".orders", 3, Map.of("retention.ms", "604800000", "compression.type", "lz4")),
          topic(p + ".orders.dlq", 3, Map.of("retention.ms", "1209600000")),
          topic(p + ".payments", 2, Map.of("retention.ms", "2592000000")),
          topic(p + ".shipments", 1, Map.of("retention.ms", "-1")),
          topic(p + ".legacy", 1, Map.of("retention.ms", "259200000")),
          topic(p + ".empty", 1, Map.of("retention.ms", "86400000")),
          topic(p + ".raw", 1, Map.of("retention.ms", "86400000")))).all().get(30, TimeUnit.SECONDS);

      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
          KafkaBroker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
        AvroSerializer<Object> keys = serializer(true, Map.of());
        AvroSerializer<Object> values = serializer(false, Map.of());
        for (int i = 0; i < 3; i++) {
          GenericRecord o = new GenericData.Record(order2);
          o.put("id", "o" + i);
          o.put("note", "");
          send(producer, p + ".orders", keys.serialize(p + ".orders", "o" + i), values.serialize(p + ".orders", o));
        }
        AvroSerializer<Object> latest = serializer(false, Map.of("use.latest.version", true));
        for (int i = 0; i < 2; i++) {
          GenericRecord amount = new GenericData.Record(money);
          amount.put("cents", 100L * i);
          GenericRecord pay = new GenericData.Record(payment);
          pay.put("amount", amount);
          send(producer, p + ".payments", ("customer-" + i).getBytes(StandardCharsets.UTF_8),
              latest.serialize(p + ".payments", pay));
        }
        AvroSerializer<Object> byRecordName = serializer(false,
            Map.of("value.subject.name.strategy", "RecordNameStrategy"));
        for (int i = 0; i < 2; i++) {
          GenericRecord s = new GenericData.Record(shipment);
          s.put("parcel", "p" + i);
          send(producer, p + ".shipments", null, byRecordName.serialize(p + ".shipments", s));
        }
        AvroSerializer<Object> byName = serializer(false, Map.of("value.subject.name", p + "_legacy_events"));
        for (int i = 0; i < 3; i++) {
          GenericRecord e = new GenericData.Record(event);
          e.put("what", "e" + i);
          send(producer, p + ".legacy", ("machine-" + i).getBytes(StandardCharsets.UTF_8),
              byName.serialize(p + ".legacy", e));
        }
        send(producer, p + ".raw", null, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        producer.flush();
      }
    }

    private Schema record(String name, String fields) {
      return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"" + ns
          + "\",\"fields\":[" + fields + "]}");
    }

    private static Schema parseWith(Schema known, String text) {
      Schema.Parser parser = new Schema.Parser();
      parser.parse(known.toString());
      return parser.parse(text);
    }

    private void register(String subject, String text, List<SchemaReference> references, String level) {
      registry.register(subject, new RegistrySchema(text, RegistrySchema.AVRO, references), false);
      registry.setSubjectCompatibility(subject, level);
    }

    private AvroSerializer<Object> serializer(boolean key, Map<String, Object> more) {
      Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", url, "auto.register.schemas", false));
      config.putAll(more);
      AvroSerializer<Object> serializer = new AvroSerializer<>();
      serializer.configure(config, key);
      return serializer;
    }

    private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
      return new NewTopic(name, partitions, (short) 1).configs(configs);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] key, byte[] value)
        throws Exception {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }
}
