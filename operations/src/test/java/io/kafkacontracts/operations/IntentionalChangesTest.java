package io.kafkacontracts.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.Rule;
import io.kafkacontracts.compat.Violation;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of an intentional change against a real registry: a break with its level relaxed and both
 * accepted registers, and then the entries are spent (warnings, never failures); a key whose format
 * disagrees with the registry's key subjects is refused until accepted; set-compatibility relaxes a
 * level only when accepted, and writes nothing otherwise.
 */
@ExtendWith(ApicurioRegistry.class)
class IntentionalChangesTest {
  // IntentionalChangesOnApicurio2Test runs the same against Apicurio 2.6.

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final String QTY = ",{\"name\":\"qty\",\"type\":\"int\",\"doc\":\"How many.\"}";

  @TempDir
  Path contracts;

  private final SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(registryUrl()).build();

  /** The registry under test: the build's default Apicurio (3.3 where Java 21+ exists). */
  String registryUrl() {
    return ApicurioRegistry.url();
  }
  private final String topic = "intent-" + UUID.randomUUID();
  private final String value = topic + "-value";

  @AfterEach
  void closeClient() {
    registry.close();
  }

  private ContractsDirectory write(String fields, String key, String level) throws IOException {
    Files.createDirectories(contracts.resolve("avro"));
    Files.writeString(contracts.resolve("avro/Order.avsc"), "{\"type\":\"record\",\"name\":\"Order\","
        + "\"namespace\":\"com.example\",\"doc\":\"An order.\",\"fields\":[{\"name\":\"id\",\"type\":\"string\","
        + "\"doc\":\"Id.\"}" + fields + "]}");
    Files.writeString(contracts.resolve("contracts.yaml"), "topics:\n  - name: " + topic + "\n"
        + "    description: Orders.\n    value: com.example.Order\n    key: " + key + "\n"
        + "    compatibility: " + level + "\n    partitions: 1\n    replication: 1\n    retention: 1d\n");
    ContractsDirectory directory = ContractsDirectory.load(contracts, Function.identity());
    assertThat(directory.problems()).isEmpty();
    return directory;
  }

  private static AcceptedBreaks accepted(String entries) {
    return AcceptedBreaks.parse("accepted:\n" + entries, Path.of("accepted-breaks.yaml"));
  }

  private static String entry(String subject, Rule rule, String path) {
    return "  - subject: " + subject + "\n    rule: " + rule + "\n    path: " + path + "\n    reason: agreed (TEAM-1)\n";
  }

  private RegisterRun.Outcome register(ContractsDirectory directory, AcceptedBreaks accepted, boolean dryRun)
      throws IOException {
    return RegisterRun.run(registry, "test registry", new RegisterRun.Request(directory, false, accepted, dryRun, 4,
        TODAY, Function.identity()), new RegisterRun.Listener() { });
  }

  @Test
  void anAcceptedBreakWithItsRelaxationRegistersAndItsEntriesAreThenSpent() throws IOException {
    assertThat(register(write(QTY, "{field: id, format: avro}", "FULL"), AcceptedBreaks.none(), false).gate().fails())
        .isFalse();
    ContractsDirectory dropped = write("", "{field: id, format: avro}", "NONE");
    AcceptedBreaks both = accepted(entry(value, Rule.FIELD_REMOVED_WITHOUT_DEFAULT, "/fields/qty")
        + entry(value, Rule.LEVEL_RELAXED, "/compatibility") + entry(topic + "-key", Rule.LEVEL_RELAXED, "/compatibility"));

    RegisterRun.Outcome published = register(dropped, both, false);

    assertThat(published.gate().fails()).as(ReportFormat.TEXT.render(published.gate())).isFalse();
    assertThat(published.gate().accepted()).extracting(a -> a.violation().rule()).contains(
        Rule.FIELD_REMOVED_WITHOUT_DEFAULT, Rule.LEVEL_RELAXED);
    assertThat(published.results()).extracting(Registration.Result::describe).contains(
        value + ": new version 2 (id " + published.results().get(0).id() + "); level FULL -> NONE");
    assertThat(registry.versions(value)).containsExactly(1, 2);

    // The rerun (and the next pull request) judge the registry that holds the change: every entry is
    // spent, a warning with the lines to delete, and nothing fails.
    RegisterRun.Outcome rerun = register(dropped, both, false);
    assertThat(rerun.gate().fails()).isFalse();
    assertThat(rerun.gate().fails(true)).as("spent entries never fail, even with failOnWarning").isFalse();
    assertThat(rerun.gate().problems()).extracting(Problem::rule).containsOnly("ACCEPTED_BREAK_SPENT").hasSize(3);
    assertThat(rerun.gate().problems().get(0).message()).endsWith("delete lines 2-5 of accepted-breaks.yaml");
    assertThat(rerun.summary(false)).isEqualTo("0 new versions, 2 unchanged, 0 refused, 0 levels changed");
  }

  @Test
  void aKeyCalledPlainWhileTheRegistryHoldsItsAvroSubjectIsRefusedUntilAccepted() throws IOException {
    register(write("", "{field: id, format: avro}", "BACKWARD"), AcceptedBreaks.none(), false);
    ContractsDirectory plain = write("", "{field: id}", "BACKWARD");

    RegisterRun.Outcome dry = register(plain, AcceptedBreaks.none(), true);

    assertThat(dry.gate().fails()).isTrue();
    assertThat(dry.results()).isEmpty();
    Violation refused = dry.gate().subjects().stream().flatMap(s -> s.violations().stream()).findFirst().orElseThrow();
    assertThat(refused.rule()).isEqualTo(Rule.KEY_FORMAT_CHANGED);
    assertThat(refused.candidateLocation()).hasValueSatisfying(at ->
        assertThat(at.toString()).endsWith("contracts.yaml:5:10"));
    assertThat(refused.message()).isEqualTo("topic '" + topic + "' has a plain string key from field 'id' in the "
        + "candidate, but test registry holds key subject '" + topic + "-key' (version 1): its producers framed keys "
        + "in Avro (a magic byte and a schema id before the key), so a plain deserializer reads those keys as wrong "
        + "values without an error, and each key now lands on another partition");
    assertThat(refused.fix()).startsWith("keep the old bytes with format: avro in the topic's key");

    RegisterRun.Outcome accepted = register(plain, accepted(entry(topic, Rule.KEY_FORMAT_CHANGED,
        "/topics/" + topic + "/key")), true);
    assertThat(accepted.gate().fails()).as(ReportFormat.TEXT.render(accepted.gate())).isFalse();
    assertThat(accepted.results()).extracting(Registration.Result::subject).containsExactly(value);
  }

  @Test
  void aKeyCalledAvroWhereTheRegistryHoldsOnlyTheValueIsRefused() throws IOException {
    register(write("", "{field: id}", "BACKWARD"), AcceptedBreaks.none(), false);

    GateReport report = RegistryBaseline.judge(registry, "test registry", write("", "{field: id, format: avro}",
        "BACKWARD"), AcceptedBreaks.none(), 4, TODAY, Function.identity());

    assertThat(report.subjects().stream().flatMap(s -> s.violations().stream()).map(Violation::rule))
        .containsExactly(Rule.KEY_FORMAT_CHANGED);
  }

  @Test
  void setCompatibilityRelaxesOnlyWhenAcceptedAndSaysEachChange() throws IOException {
    register(write("", "{field: id, format: avro}", "FULL"), AcceptedBreaks.none(), false);
    ContractsDirectory none = write("", "{field: id, format: avro}", "NONE");
    List<SetCompatibility.Change> said = new ArrayList<>();

    SetCompatibility.Outcome refused = SetCompatibility.run(registry, "test registry", none, AcceptedBreaks.none(),
        false, 4, TODAY, Function.identity(), said::add);

    assertThat(refused.gate().fails()).isTrue();
    assertThat(refused.gate().subjects().stream().flatMap(s -> s.violations().stream()).map(Violation::rule))
        .containsOnly(Rule.LEVEL_RELAXED);
    assertThat(refused.changes()).isEmpty();
    assertThat(said).isEmpty();
    assertThat(registry.subjectCompatibility(value, false)).contains("FULL");

    AcceptedBreaks relaxation = accepted(entry(value, Rule.LEVEL_RELAXED, "/compatibility")
        + entry(topic + "-key", Rule.LEVEL_RELAXED, "/compatibility"));
    SetCompatibility.Outcome dry = SetCompatibility.run(registry, "test registry", none, relaxation, true, 4, TODAY,
        Function.identity(), said::add);
    assertThat(dry.summary(true)).isEqualTo("2 levels would change, 0 unchanged, 0 failed");
    assertThat(registry.subjectCompatibility(value, false)).contains("FULL");

    said.clear();
    SetCompatibility.Outcome done = SetCompatibility.run(registry, "test registry", none, relaxation, false, 4, TODAY,
        Function.identity(), said::add);
    assertThat(done.gate().fails()).isFalse();
    assertThat(said).extracting(SetCompatibility.Change::describe).containsExactly(
        value + ": level FULL -> NONE", topic + "-key: level FULL -> NONE");
    assertThat(registry.subjectCompatibility(value, false)).contains("NONE");
  }
}
