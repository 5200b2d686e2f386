package io.kafkacontracts.compat.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.lint.SchemaFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueReaderTest {

  private static final Path FILE = Path.of("contracts.yaml");

  @TempDir
  Path root;

  private SchemaFolder schemas;

  @BeforeEach
  void schemas() throws IOException {
    Files.writeString(root.resolve("Order.avsc"), """
        {"type": "record", "name": "Order", "namespace": "com.example",
         "fields": [
           {"name": "id", "type": "string"},
           {"name": "customer", "type": {"type": "record", "name": "Customer",
              "fields": [{"name": "id", "type": "long"}, {"name": "email", "type": ["null", "string"], "default": null}]}}
         ]}
        """);
    Files.writeString(root.resolve("Status.avsc"), """
        {"type": "enum", "name": "Status", "namespace": "com.example", "symbols": ["A", "B"]}
        """);
    schemas = SchemaFolder.load(root);
    assertThat(schemas.problems()).isEmpty();
  }

  private CatalogueReader.Result read(String yaml) {
    return CatalogueReader.read(yaml, schemas, FILE);
  }

  @Test
  void readsTopicsWithDefaults() {
    CatalogueReader.Result result = read("""
        defaults:
          compatibility: FULL_TRANSITIVE
          replication: 2
        topics:
          - name: orders
            description: Orders as placed.
            value: com.example.Order
            key: {field: customer.id}
            partitions: 12
            retention: 30d
            deadLetter: true
            consumerGroups: [billing]
            config: {compression.type: lz4}
          - name: orders-by-id
            value: com.example.Order
            key: {type: string}
            subjectNameStrategy: io.confluent.kafka.serializers.subject.TopicRecordNameStrategy
            compatibility: FULL_TRANSITIVE
        """);

    assertThat(result.problems()).isEmpty();
    TopicContract orders = result.catalogue().topic("orders").orElseThrow();
    assertThat(orders.valueSubject()).isEqualTo("orders-value");
    // A primitive key without a format is plain: no subject.
    assertThat(orders.keySubject()).isEmpty();
    assertThat(orders.key()).isEqualTo(new KeySpec.Field("customer.id", KeyFormat.PLAIN, "long"));
    assertThat(orders.compatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(orders.partitions()).isEqualTo(12);
    assertThat(orders.replication()).isEqualTo(2);
    assertThat(orders.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(orders.deadLetter()).contains(new DeadLetterTopic("orders.dlq", Duration.ofDays(14)));
    assertThat(orders.consumerGroups()).containsExactly("billing");
    assertThat(orders.config()).containsEntry("compression.type", "lz4");
    assertThat(orders.position().line()).isEqualTo(5);

    TopicContract byId = result.catalogue().topic("orders-by-id").orElseThrow();
    assertThat(byId.valueSubject()).isEqualTo("orders-by-id-com.example.Order");
    assertThat(byId.keySubject()).isEmpty();
    assertThat(byId.partitions()).isEqualTo(1);
    assertThat(byId.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(byId.deadLetter()).isEqualTo(Optional.empty());
  }

  @Test
  void aPrimitiveKeyMayBePlainAndThenHasNoSubject() {
    CatalogueReader.Result result = read("""
        topics:
          - name: orders
            value: com.example.Order
            key: {field: customer.id, format: plain}
          - name: by-id
            value: com.example.Order
            key: {type: long, format: PLAIN}
          - name: framed
            value: com.example.Order
            key: {field: id, format: avro}
          - name: by-record
            value: com.example.Order
            key: {type: com.example.Order, format: plain}
          - name: odd
            value: com.example.Order
            key: {type: string, format: json}
        """);

    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:13:44: topic 'by-record': a key of type com.example.Order has no plain form (Kafka's serializers "
            + "write string, long, int, bytes, float and double); use format: avro [KEY_FORMAT_INVALID]",
        "contracts.yaml:16:33: topic 'odd': key format 'json' is neither avro nor plain [KEY_FORMAT_INVALID]");
    TopicContract orders = result.catalogue().topic("orders").orElseThrow();
    assertThat(orders.key()).isEqualTo(new KeySpec.Field("customer.id", KeyFormat.PLAIN, "long"));
    assertThat(orders.keySubject()).isEmpty();
    assertThat(result.catalogue().topic("by-id").orElseThrow().key()).isEqualTo(new KeySpec.Type("long", KeyFormat.PLAIN));
    assertThat(result.catalogue().topic("framed").orElseThrow().keySubject()).contains("framed-key");
  }

  @Test
  void aMisspelledKeyTypeIsOfferedThePrimitive() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
            key: {type: strng}
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:4:17: topic 'orders' names key type 'strng', which is neither an Avro primitive nor defined "
            + "by any .avsc file; did you mean 'string'? [UNKNOWN_SCHEMA]");
  }

  @Test
  void unknownSchemaNameIsReportedAtItsLineWithASuggestion() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.orders.Order
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:3:12: topic 'orders' names value schema 'com.example.orders.Order', which no .avsc "
            + "file defines; did you mean 'com.example.Order'? [UNKNOWN_SCHEMA]");
  }

  @Test
  void aValueMustBeARecord() {
    assertThat(read("""
        topics:
          - name: statuses
            value: com.example.Status
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:3:12: topic 'statuses' names value schema 'com.example.Status', which is an enum, "
            + "not a record; a topic's value must be a record [VALUE_NOT_A_RECORD]");
  }

  @Test
  void duplicateTopicsAreReportedAtTheSecond() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
          - name: orders
            value: com.example.Order
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:4:5: topic 'orders' is already declared at line 2; declare each topic once [DUPLICATE_TOPIC]");
  }

  @Test
  void aTopicNamedLikeAnotherTopicsDeadLetterTopicIsADuplicate() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
            deadLetter: true
          - name: orders.dlq
            value: com.example.Order
        """).problems()).extracting(Problem::rule).containsExactly("DUPLICATE_TOPIC");
  }

  @Test
  void subjectsThatConflictAcrossTopicsAreReported() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
            subjectNameStrategy: RecordNameStrategy
          - name: orders-audit
            value: com.example.Order
            subjectNameStrategy: RecordNameStrategy
            compatibility: NONE
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:5:5: subject 'com.example.Order' is shared with topic 'orders' (line 2) at level BACKWARD "
            + "but topic 'orders-audit' asks for NONE; a subject has one level: give both topics the same "
            + "compatibility [DUPLICATE_SUBJECT]");
  }

  @Test
  void sharingARecordSubjectAtTheSameLevelIsAllowed() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
            subjectNameStrategy: RecordNameStrategy
          - name: orders-audit
            value: com.example.Order
            subjectNameStrategy: RecordNameStrategy
        """).problems()).isEmpty();
  }

  @Test
  void badLevelStrategyAndNumbersAreEachReported() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
            compatibility: backward
            subjectNameStrategy: TopicStrategy
            partitions: 0
            retention: 7 days
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:5:26: unknown subject name strategy 'TopicStrategy'; use TopicNameStrategy, "
            + "RecordNameStrategy or TopicRecordNameStrategy [SUBJECT_NAME_STRATEGY_INVALID]",
        "contracts.yaml:4:20: unknown compatibility level 'backward'; use one of [NONE, BACKWARD, "
            + "BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE] [COMPATIBILITY_LEVEL_INVALID]",
        "contracts.yaml:6:17: 'partitions' must be a whole number of at least 1, not 0 [CATALOGUE_INVALID]",
        "contracts.yaml:7:16: 'retention' must be a duration such as 500ms, 30s, 15m, 24h or 7d, or 'infinite'; "
            + "not '7 days' [CATALOGUE_INVALID]");
  }

  @Test
  void keyFieldsMustExistAndBePrimitive() {
    assertThat(read("""
        topics:
          - name: a
            value: com.example.Order
            key: {field: customer.name}
          - name: b
            value: com.example.Order
            key: {field: customer.email}
          - name: c
            value: com.example.Order
            key: {field: customer}
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:4:18: topic 'a' takes its key from field 'customer.name', but record "
            + "'com.example.Customer' has no field 'name' (its fields: id, email) [KEY_FIELD_UNKNOWN]",
        "contracts.yaml:7:18: topic 'b' takes its key from field 'customer.email', whose type is "
            + "[\"null\",\"string\"]; a key field must be a non-null primitive (string, long, int, bytes...): "
            + "a nullable field would give records without a key [KEY_FIELD_NOT_PRIMITIVE]",
        "contracts.yaml:10:18: topic 'c' takes its key from field 'customer', whose type is "
            + "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"id\","
            + "\"type\":\"long\"},{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}; a key field "
            + "must be a non-null primitive (string, long, int, bytes...) [KEY_FIELD_NOT_PRIMITIVE]");
  }

  @Test
  void topicSettingsTheBrokerWouldRefuseOrTheCatalogueSaysElsewhereAreProblems() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
            config: {cleanup.policy: compact, retention.ms: "1000"}
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:4:53: topic 'orders': write the retention as 'retention:' (e.g. 7d), not as config "
            + "retention.ms [CATALOGUE_INVALID]",
        "contracts.yaml:4:30: topic 'orders' is compacted but its records carry no key: compaction keeps the latest "
            + "record per key, and Kafka refuses keyless records on a compacted topic; give the topic a key, or keep "
            + "cleanup.policy: delete [TOPIC_COMPACTED_WITHOUT_KEY]");
    TopicContract keyed = read("""
        topics:
          - name: orders
            value: com.example.Order
            key: {field: id}
            partitions: 4
            allowPartitionIncrease: true
            config: {cleanup.policy: compact}
        """).catalogue().topics().get(0);
    assertThat(keyed.allowPartitionIncrease()).isTrue();
    assertThat(keyed.positionOf("partitions")).hasToString("5:17");
    assertThat(keyed.topicConfigs()).containsExactly(java.util.Map.entry("retention.ms", "604800000"),
        java.util.Map.entry("cleanup.policy", "compact"));
  }

  @Test
  void unknownPropertiesAreTyposUntilProvenOtherwise() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
            partitons: 3
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:4:16: unknown property 'partitons' in a topic; known: allowPartitionIncrease, compatibility, config, "
            + "consumerGroups, deadLetter, description, key, keySubject, name, partitions, replication, retention, "
            + "subjectNameStrategy, value, valueSubject [CATALOGUE_UNKNOWN_PROPERTY]");
  }

  @Test
  void subjectsNamedOutrightOverrideTheStrategy() {
    CatalogueReader.Result result = read("""
        topics:
          - name: orders
            value: com.example.Order
            key: {type: com.example.Customer}
            valueSubject: legacy_orders
            keySubject: legacy orders key
          - name: orders.eu
            value: com.example.Order
            subjectNameStrategy: RecordNameStrategy
        """);
    assertThat(result.problems()).isEmpty();
    TopicContract orders = result.catalogue().topics().get(0);
    assertThat(orders.valueSubject()).isEqualTo("legacy_orders");
    assertThat(orders.keySubject()).contains("legacy orders key");
    assertThat(CatalogueSubject.of(result.catalogue().topics())).extracting(CatalogueSubject::subject)
        .containsExactly("legacy_orders", "legacy orders key", "com.example.Order");
  }

  @Test
  void twoTopicsClaimingOneNamedSubjectGetAWarningAndAConflictAnError() {
    assertThat(read("""
        topics:
          - name: orders
            value: com.example.Order
            valueSubject: orders_all
          - name: orders.eu
            value: com.example.Order
            valueSubject: orders_all
          - name: orders.us
            value: com.example.Customer
            valueSubject: orders_all
          - name: statuses
            value: com.example.Order
            key: {field: id}
            keySubject: statuses-key
        """).problems()).extracting(Problem::toString).containsExactly(
        "contracts.yaml:14:17: topic 'statuses' names key subject 'statuses-key', but its key is plain and has no "
            + "schema to register; remove keySubject, or frame the key in Avro with format: avro "
            + "[KEY_SUBJECT_WITHOUT_SCHEMA]",
        "contracts.yaml:7:19: warning: topic 'orders.eu' claims subject 'orders_all', which topic 'orders' (line 2) "
            + "claims too: both topics' records then share one schema lineage and level; if that is meant, leave "
            + "it, else name another subject for one of them [SUBJECT_SHARED]",
        "contracts.yaml:8:5: subject 'orders_all' of topic 'orders.us' is also the subject of topic 'orders' "
            + "(line 2) with schema 'com.example.Order' instead of 'com.example.Customer'; name another subject "
            + "for one of them [DUPLICATE_SUBJECT]");
  }

  @Test
  void illegalAndCollidingTopicNames() {
    assertThat(read("""
        topics:
          - name: orders placed
            value: com.example.Order
          - name: orders.placed
            value: com.example.Order
          - name: orders_placed
            value: com.example.Order
        """).problems()).extracting(Problem::rule).containsExactly("TOPIC_NAME_INVALID", "TOPIC_NAME_COLLISION");
  }

  @Test
  void yamlSyntaxErrorsHaveALine() {
    assertThat(read("""
        topics:
          - name: orders
           value: com.example.Order
        """).problems()).singleElement().satisfies(problem -> {
          assertThat(problem.rule()).isEqualTo("CATALOGUE_SYNTAX_ERROR");
          assertThat(problem.location().position().line()).isEqualTo(3);
        });
  }
}
