package io.kafkacontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.catalogue.CatalogueReader;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topic rules through the whole gate: a catalogue against its baseline's, offline. */
class TopicRulesTest {

  @TempDir
  Path root;

  private static final String BEFORE = """
      topics:
        - name: orders
          value: com.example.Order
          key: {field: id}
          partitions: 6
          replication: 3
          retention: 30d
          deadLetter: true
        - name: audit
          value: com.example.Order
          partitions: 2
        - name: legacy
          value: com.example.Order
          consumerGroups: [billing]
      """;

  private GateReport gate(String catalogue, String acceptedBreaks) throws IOException {
    TestFiles.write(root, "avro/Order.avsc", """
        {"type": "record", "name": "Order", "namespace": "com.example",
         "fields": [{"name": "id", "type": "string"}, {"name": "customer", "type": "string"}]}
        """);
    TestFiles.write(root, "contracts.yaml", catalogue);
    ContractsDirectory contracts = ContractsDirectory.load(root, root::relativize);
    assertThat(contracts.problems()).isEmpty();
    List<TopicContract> before = CatalogueReader.read(BEFORE, contracts.schemas(), Path.of("contracts.yaml"))
        .catalogue().topics();
    Baseline baseline = new Baseline() {
      @Override
      public List<SchemaVersion> versions(String subject, String typeName) {
        return List.of();
      }

      @Override
      public Optional<List<TopicContract>> topics() {
        return Optional.of(before);
      }

      @Override
      public String describe() {
        return "git main (abc1234)";
      }
    };
    return new ContractsGate().run(contracts, baseline, AcceptedBreaks.parse(acceptedBreaks, Path.of("accepted.yaml")),
        LocalDate.of(2026, 12, 6), root::relativize);
  }

  @Test
  void unsafeTopicChangesAreViolationsAtTheirLines() throws IOException {
    GateReport report = gate("""
        topics:
          - name: orders
            value: com.example.Order
            key: {field: id}
            partitions: 4
            replication: 1
            retention: 1d
            deadLetter: true
          - name: audit
            value: com.example.Order
            partitions: 8
        """, "accepted: []\n");

    assertThat(report.fails()).isTrue();
    assertThat(ReportFormat.TEXT.render(report)).isEqualTo("""
        kafka-contracts: 4 violations from 4 causes in 2 of 4 subjects, 0 warnings, 0 problems (baseline: git main (abc1234))
        contracts.yaml:5:17: TOPIC_PARTITIONS_DECREASED
            topic 'orders' has 4 partitions in the candidate but 6 in the catalogue of git main (abc1234); Kafka cannot remove partitions, so topics-apply would refuse it
            fix: keep partitions: 6; for fewer partitions, create a new topic and move its producers and consumers to it
            breaks orders at /topics/orders/partitions [BACKWARD, backward against the catalogue of git main (abc1234)]
        contracts.yaml:6:18: TOPIC_REPLICATION_CHANGED
            topic 'orders' has replication 1 in the candidate but 3 in the catalogue of git main (abc1234); creating or altering a topic cannot change it, so topics-apply would refuse it
            fix: reassign the partitions' replicas first (kafka-reassign-partitions.sh), then change replication: in the same change as an accepted break
            breaks orders at /topics/orders/replication [BACKWARD, backward against the catalogue of git main (abc1234)]
        contracts.yaml:7:16: TOPIC_RETENTION_BELOW_DEAD_LETTER
            topic 'orders' keeps records for 1d in the candidate, 30d in the catalogue of git main (abc1234), less than its dead-letter topic's 14d: failed records would outlive the records they must be replayed beside
            fix: keep retention: 30d or at least the dead-letter retention 14d
            breaks orders at /topics/orders/retention [BACKWARD, backward against the catalogue of git main (abc1234)]
        contracts.yaml:1:1: TOPIC_REMOVED_WITH_CONSUMERS
            topic 'legacy' is gone from the catalogue, but the catalogue of git main (abc1234) lists its consumer groups [billing]; the contract jar would drop its Topics constant under them
            fix: keep the topic until its consumers are gone, then remove it with an accepted break naming them
            breaks legacy at /topics/legacy/consumerGroups [BACKWARD, backward against the catalogue of git main (abc1234)]
        """);
  }

  @Test
  void aKeyedTopicsIncreaseNeedsItsAcknowledgementAndAnyTopicBreakCanBeAccepted() throws IOException {
    String more = """
        topics:
          - name: orders
            value: com.example.Order
            key: {field: id}
            partitions: 12
            replication: 3
            retention: 30d
            deadLetter: true%s
          - name: audit
            value: com.example.Order
            partitions: 2
          - name: legacy
            value: com.example.Order
            consumerGroups: [billing]
        """;

    assertThat(gate(more.formatted(""), "accepted: []\n").subjects()).filteredOn(s -> !s.isCompatible())
        .singleElement().satisfies(s -> {
      assertThat(s.subject()).isEqualTo("orders");
      assertThat(s.violations()).extracting(Violation::rule).containsExactly(Rule.TOPIC_PARTITIONS_INCREASED_KEYED);
    });
    assertThat(gate(more.formatted("\n    allowPartitionIncrease: true"), "accepted: []\n").fails()).isFalse();
    GateReport accepted = gate(more.formatted(""), """
        accepted:
          - subject: orders
            rule: TOPIC_PARTITIONS_INCREASED_KEYED
            path: /topics/orders/partitions
            reason: no consumer relies on per-key order across the change (OPS-7)
            expires: 2026-12-31
        """);
    assertThat(accepted.fails()).isFalse();
    assertThat(accepted.accepted()).hasSize(1);
  }

  /** The catalogue BEFORE with the orders topic's key line replaced, and audit's extra lines. */
  private static String withKeys(String ordersKey, String auditKey) {
    return BEFORE.replace("    key: {field: id}\n", ordersKey.isEmpty() ? "" : "    " + ordersKey + "\n")
        .replace("  - name: audit\n    value: com.example.Order\n",
            "  - name: audit\n    value: com.example.Order\n" + (auditKey.isEmpty() ? "" : "    " + auditKey + "\n"));
  }

  @Test
  void keysAreContractsEveryChangeOfThemIsAViolationAtItsLine() throws IOException {
    GateReport typed = gate(withKeys("key: {type: long}", ""), "accepted: []\n");
    assertThat(ReportFormat.TEXT.render(typed)).contains("""
        contracts.yaml:4:10: KEY_TYPE_CHANGED
            topic 'orders' has a plain key of type long in the candidate but a plain string key from field 'id' in the catalogue of git main (abc1234): every key's bytes change, so each key lands on another partition and consumers deserialize it as the old type
            fix: keep key: {field: id, format: plain} to keep each key's bytes and partition; for the new key, publish on a new topic and move producers and consumers to it, or accept the change in accepted-breaks.yaml with the reason and who agreed
            breaks orders at /topics/orders/key [BACKWARD, backward against the catalogue of git main (abc1234)]
        """);
    assertThat(rules(gate(withKeys("key: {field: id, format: avro}", ""), "accepted: []\n")))
        .containsExactly(Rule.KEY_FORMAT_CHANGED);
    assertThat(rules(gate(withKeys("key: {field: customer}", ""), "accepted: []\n")))
        .containsExactly(Rule.KEY_FIELD_CHANGED);
    assertThat(rules(gate(withKeys("", ""), "accepted: []\n"))).containsExactly(Rule.KEY_REMOVED);
    assertThat(rules(gate(withKeys("key: {field: id}", "key: {type: string}"), "accepted: []\n")))
        .containsExactly(Rule.KEY_ADDED);
    // The same bytes: a string field's value as a plain string key.
    assertThat(gate(withKeys("key: {field: id, format: plain}", ""), "accepted: []\n").fails()).isFalse();
  }

  @Test
  void anAcceptedKeyChangePasses() throws IOException {
    GateReport report = gate(withKeys("key: {type: long}", ""), """
        accepted:
          - subject: orders
            rule: KEY_TYPE_CHANGED
            path: /topics/orders/key
            reason: every consumer moved to long keys (OPS-9)
        """);
    assertThat(report.fails()).isFalse();
    assertThat(report.accepted()).extracting(a -> a.violation().rule()).containsExactly(Rule.KEY_TYPE_CHANGED);
  }

  private static List<Rule> rules(GateReport report) {
    return report.subjects().stream().flatMap(s -> s.violations().stream()).map(Violation::rule).toList();
  }
}
