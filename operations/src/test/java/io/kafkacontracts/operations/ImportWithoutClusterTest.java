package io.kafkacontracts.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import from a registry alone, on the real registry: what it writes for the subjects whose names
 * say their topic, and what it leaves to the team with a reason: a type that differs between two
 * subjects (never guessed), a subject no strategy names, a schema that is not Avro. The round trip
 * with a cluster is the integration tests' ImportTest.
 */
@ExtendWith(ApicurioRegistry.class)
class ImportWithoutClusterTest {

  @TempDir
  Path repository;

  private final String p = "w" + UUID.randomUUID().toString().substring(0, 8);
  private final String ns = "com.acme." + p;

  @Test
  void aTypeThatDiffersBetweenSubjectsIsReportedAndItsLaterTopicLeftOut() throws Exception {
    try (SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(ApicurioRegistry.url()).build()) {
      String address = "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"}"
          + "%s]}";
      registry.register(p + ".customers-value", RegistrySchema.avro(record("Customer",
          "{\"name\":\"home\",\"type\":" + address.formatted("") + "}")), false);
      registry.register(p + ".shops-value", RegistrySchema.avro(record("Shop",
          "{\"name\":\"at\",\"type\":" + address.formatted(",{\"name\":\"zip\",\"type\":\"string\"}") + "}")), false);
      registry.register(p + "-hand-named", RegistrySchema.avro(record("Thing", "{\"name\":\"x\",\"type\":\"int\"}")),
          false);
      registry.register(p + ".json-value", new RegistrySchema(
          "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\"}", "JSON", List.of()), false);

      Import.Result result = Import.read(registry, Optional.empty(), new Import.Request(
          Pattern.compile(p + ".*"), Pattern.compile(".*"), 0, Duration.ZERO));

      assertThat(result.topics()).containsExactly(p + ".customers: value " + ns + ".Customer (subject '" + p
          + ".customers-value', 1 version), no key, " + registry.globalCompatibility());
      assertThat(result.undecided()).containsExactlyInAnyOrder(
          "Subject '" + p + ".json-value' was left out: its latest version is JSON, not Avro.",
          "No cluster was read (contracts.kafka.bootstrapServers): topics are the subjects' <topic>-value names, with "
              + "the catalogue's default partitions, replication and retention, and no key unless a <topic>-key "
              + "subject exists; check each entry before topics-apply.",
          "Type '" + ns + ".Address' differs between subject '" + p + ".customers-value' and subject '" + p
              + ".shops-value' (topic '" + p + ".shops'): one .avsc holds one definition, so topic '" + p + ".shops' "
              + "was left out. Make the two the same (a new version of one subject), or rename the type in one, then "
              + "import again.",
          "Subject '" + p + "-hand-named' (" + ns + ".Thing) belongs to no topic found: its name follows no strategy. "
              + "If a topic carries it, add the topic to contracts.yaml with valueSubject: " + p + "-hand-named (or "
              + "keySubject:).");
      assertThat(Import.write(result.files(), repository, false).created()).extracting(Path::toString)
          .containsExactlyInAnyOrder("contracts.yaml", "accepted-breaks.yaml", Import.REPORT_FILE,
              "avro/com/acme/" + p + "/Customer.avsc", "avro/com/acme/" + p + "/Address.avsc");
      ContractsDirectory contracts = ContractsDirectory.load(repository, Function.identity());
      assertThat(contracts.problems()).isEmpty();
      assertThat(contracts.catalogue().topics()).singleElement().satisfies(topic ->
          assertThat(topic.valueSubject()).isEqualTo(p + ".customers-value"));
    }
  }

  @Test
  void durationsAndScalarsAreWrittenAsTheCatalogueReadsThem() {
    assertThat(Map.of(604_800_000L, "7d", 3_600_000L, "1h", 90_000L, "90s", 1500L, "1500ms", -1L, "infinite",
        0L, "0ms")).allSatisfy((millis, text) -> assertThat(Import.duration(millis)).isEqualTo(text));
    assertThat(Import.yaml("orders.v1")).isEqualTo("orders.v1");
    assertThat(Import.yaml("on")).isEqualTo("\"on\"");
    assertThat(Import.yaml("legacy orders \"eu\"")).isEqualTo("\"legacy orders \\\"eu\\\"\"");
    assertThat(Import.yaml("1.5")).isEqualTo("\"1.5\"");
    assertThat(Import.path("com.acme.Order")).isEqualTo("avro/com/acme/Order.avsc");
  }

  private String record(String name, String fields) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"" + ns
        + "\",\"fields\":[" + fields + "]}").toString();
  }
}
