package io.kafkacontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.baseline.DirectoryBaseline;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate end to end over a small contracts directory and a directory baseline. */
class ContractsGateTest {

  @TempDir
  Path root;

  private void write(String relative, String text) throws IOException {
    TestFiles.write(root, relative, text);
  }

  private static String record(String name, String fields) {
    return "{\"type\": \"record\", \"name\": \"" + name + "\", \"namespace\": \"com.example\",\n \"fields\": [\n"
        + fields + "\n ]}\n";
  }

  @Test
  void checksEverySubjectAtItsLevelAppliesAcceptedBreaksAndRendersTheResult() throws IOException {
    String id = "  {\"name\": \"id\", \"type\": \"string\"}";
    write("contracts/avro/Order.avsc", record("Order", id + ",\n  {\"name\": \"qty\", \"type\": \"int\"}"));
    write("contracts/avro/Payment.avsc", record("Payment", id + ",\n  {\"name\": \"note\", \"type\": \"string\"}"));
    write("contracts/avro/User.avsc", record("User", id));
    write("contracts/contracts.yaml", """
        topics:
          - name: orders
            value: com.example.Order
            compatibility: BACKWARD_TRANSITIVE
          - name: payments
            value: com.example.Payment
          - name: users
            value: com.example.User
        """);
    write("baseline/orders-value/1.avsc", record("Order", id));
    write("baseline/orders-value/2.avsc", record("Order", id + ",\n  {\"name\": \"qty\", \"type\": \"int\", \"default\": 0}"));
    write("baseline/payments-value/1.avsc", record("Payment", id));
    write("contracts/accepted-breaks.yaml", """
        accepted:
          - subject: payments-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/note
            reason: payments has no consumers yet
        """);
    ContractsDirectory contracts = ContractsDirectory.load(root.resolve("contracts"), root::relativize);
    AcceptedBreaks accepted = AcceptedBreaks.read(root.resolve("contracts/accepted-breaks.yaml"),
        Path.of("contracts/accepted-breaks.yaml"));

    GateReport report = new ContractsGate().run(contracts, new DirectoryBaseline(root.resolve("baseline")), accepted,
        LocalDate.of(2026, 11, 23), root::relativize);

    assertThat(report.fails()).isTrue();
    assertThat(report.howToFix("contracts/accepted-breaks.yaml")).isEqualTo("Fix each violation as its 'fix:' line "
        + "says, or, for an intentional break, add an entry with a reason to contracts/accepted-breaks.yaml; fix each "
        + "problem as its message says.");
    // The baseline is named by its absolute path; the rest by paths relative to the project.
    assertThat(ReportFormat.TEXT.render(report).replace(root + "/", "")).isEqualTo("""
        kafka-contracts: 1 violation from 1 cause in 1 of 3 subjects, 0 warnings, 1 problem (baseline: directory baseline)
        contracts/avro/Order.avsc:4:3: FIELD_ADDED_WITHOUT_DEFAULT
            field 'qty' of record 'com.example.Order' has no default, so the candidate cannot read data written with version 1, which lacks it
            fix: give field 'qty' a default, for example type ["null","int"] with default null
            breaks orders-value at /fields/qty [BACKWARD_TRANSITIVE, backward against version 1]
        accepted: payments-value FIELD_ADDED_WITHOUT_DEFAULT at /fields/note against version 1 (payments has no consumers yet; contracts/accepted-breaks.yaml:2:5)
        contracts/accepted-breaks.yaml:2:5: the registry would still refuse the break this entry accepts (FIELD_ADDED_WITHOUT_DEFAULT at /fields/note in subject 'payments-value'): the subject stays at BACKWARD in contracts/contracts.yaml:5:5, which checks the candidate backward against version 1, so registration would fail after the merge. Relax its compatibility (to FORWARD or NONE) in the same change and accept its LEVEL_RELAXED too, or publish the break on a new topic [ACCEPTED_BREAK_REFUSED_AT_LEVEL]
        """);
  }

  /** A directory baseline that also knows each subject's level, as git and registry baselines do. */
  private Baseline withLevels(Map<String, CompatibilityLevel> levels) {
    DirectoryBaseline versions = new DirectoryBaseline(root.resolve("baseline"));
    return new Baseline() {
      @Override
      public List<SchemaVersion> versions(String subject, String typeName) throws IOException {
        return versions.versions(subject, typeName);
      }

      @Override
      public Optional<CompatibilityLevel> level(String subject) {
        return Optional.ofNullable(levels.get(subject));
      }

      @Override
      public String describe() {
        return "the test's baseline";
      }
    };
  }

  private GateReport relaxOrdersTo(String level, String acceptedBreaks) throws IOException {
    String id = "  {\"name\": \"id\", \"type\": \"string\"}";
    write("contracts/avro/Order.avsc", record("Order", id + ",\n  {\"name\": \"qty\", \"type\": \"int\"}"));
    write("contracts/contracts.yaml", """
        topics:
          - name: orders
            value: com.example.Order
            compatibility: %s
        """.formatted(level));
    write("baseline/orders-value/1.avsc", record("Order", id));
    write("baseline/orders-value/2.avsc", record("Order", id + ",\n  {\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}"));
    ContractsDirectory contracts = ContractsDirectory.load(root.resolve("contracts"), root::relativize);
    assertThat(contracts.problems()).isEmpty();
    return new ContractsGate().run(contracts, withLevels(Map.of("orders-value", CompatibilityLevel.BACKWARD_TRANSITIVE)),
        AcceptedBreaks.parse(acceptedBreaks, Path.of("contracts/accepted-breaks.yaml")), LocalDate.of(2026, 12, 2),
        root::relativize);
  }

  @Test
  void aRelaxedLevelIsAViolationAtItsLineAndTheChangeIsStillJudgedAtTheEarlierLevel() throws IOException {
    GateReport report = relaxOrdersTo("NONE", "accepted: []\n");

    assertThat(ReportFormat.TEXT.render(report)).isEqualTo("""
        kafka-contracts: 3 violations from 2 causes in 1 of 1 subjects, 0 warnings, 0 problems (baseline: the test's baseline)
        contracts/avro/Order.avsc:4:3: FIELD_ADDED_WITHOUT_DEFAULT
            field 'qty' of record 'com.example.Order' has no default, so the candidate cannot read data written with versions 1 and 2, which lacks it
            fix: give field 'qty' a default, for example type ["null","int"] with default null
            breaks orders-value at /fields/qty [BACKWARD_TRANSITIVE, backward against versions 1, 2]
        contracts/contracts.yaml:4:20: LEVEL_RELAXED
            subject 'orders-value' is relaxed from BACKWARD_TRANSITIVE (in the test's baseline) to NONE, which no longer guarantees that new versions read the data of earlier ones across every version; this change is still judged at BACKWARD_TRANSITIVE
            fix: keep compatibility: BACKWARD_TRANSITIVE (or a stricter level); to relax it on purpose, add an accepted break for rule LEVEL_RELAXED at path /compatibility of subject 'orders-value', with the reason and who agreed
            breaks orders-value at /compatibility [BACKWARD_TRANSITIVE, backward against version 2]
        """);
  }

  @Test
  void aRelaxationPassesOnlyOnceItIsAcceptedLikeAnyOtherBreak() throws IOException {
    String fieldBreak = """
        accepted:
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/qty
            reason: no consumer reads orders yet
        """;
    String relaxation = """
          - subject: orders-value
            rule: LEVEL_RELAXED
            path: /compatibility
            reason: orders replays from its start no more (ADR-7)
        """;
    GateReport breakOnly = relaxOrdersTo("NONE", fieldBreak);

    assertThat(breakOnly.fails()).isTrue();
    assertThat(breakOnly.subjects().get(0).violations()).extracting(Violation::rule).containsExactly(Rule.LEVEL_RELAXED);
    assertThat(breakOnly.accepted()).hasSize(2);
    assertThat(breakOnly.errorProblems()).isEmpty();

    GateReport both = relaxOrdersTo("NONE", fieldBreak + relaxation);

    assertThat(both.fails()).as(ReportFormat.TEXT.render(both)).isFalse();
    assertThat(both.accepted()).extracting(a -> a.violation().rule())
        .containsExactly(Rule.FIELD_ADDED_WITHOUT_DEFAULT, Rule.FIELD_ADDED_WITHOUT_DEFAULT, Rule.LEVEL_RELAXED);
  }

  @Test
  void aBreakAcceptedAtALevelTheRegistryStillEnforcesFailsWithTheFix() throws IOException {
    // Relaxed from BACKWARD_TRANSITIVE to BACKWARD: the registry still checks the latest version backward.
    GateReport notEnough = relaxOrdersTo("BACKWARD", """
        accepted:
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/qty
            reason: no consumer reads orders yet
          - subject: orders-value
            rule: LEVEL_RELAXED
            path: /compatibility
            reason: orders replays from its start no more (ADR-7)
        """);

    assertThat(notEnough.fails()).isTrue();
    assertThat(notEnough.violationCount()).isZero();
    assertThat(notEnough.errorProblems()).extracting(Problem::toString).containsExactly(
        "contracts/accepted-breaks.yaml:2:5: the registry would still refuse the break this entry accepts "
            + "(FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty in subject 'orders-value'): the subject stays at BACKWARD in "
            + "contracts/contracts.yaml:4:20, which checks the candidate backward against version 2, so registration "
            + "would fail after the merge. Relax its compatibility (to FORWARD or NONE) in the same change and accept "
            + "its LEVEL_RELAXED too, or publish the break on a new topic [ACCEPTED_BREAK_REFUSED_AT_LEVEL]");
    assertThat(notEnough.howToFix("contracts/accepted-breaks.yaml")).isEqualTo("Fix each problem as its message says.");
  }

  @Test
  void aStricterLevelChecksTheWholeHistoryAndSaysSo() throws IOException {
    String id = "  {\"name\": \"id\", \"type\": \"string\"}";
    write("contracts/avro/Order.avsc", record("Order", id));
    write("contracts/contracts.yaml", "topics:\n  - name: orders\n    value: com.example.Order\n"
        + "    compatibility: FULL_TRANSITIVE\n");
    write("baseline/orders-value/1.avsc", record("Order", id));
    write("baseline/orders-value/2.avsc", record("Order", id + ",\n  {\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}"));
    ContractsDirectory contracts = ContractsDirectory.load(root.resolve("contracts"), root::relativize);

    GateReport report = new ContractsGate().run(contracts, withLevels(Map.of("orders-value", CompatibilityLevel.BACKWARD)),
        AcceptedBreaks.none(), LocalDate.of(2026, 12, 2), root::relativize);

    assertThat(report.fails()).isFalse();
    assertThat(report.subjects().get(0).versionsChecked()).containsExactly(1, 2);
    assertThat(report.notes()).containsExactly("orders-value: level BACKWARD -> FULL_TRANSITIVE, stricter: the "
        + "candidate was checked against versions 1, 2 at FULL_TRANSITIVE");
  }

  @Test
  void levelsNameEverySubjectTheGateChecksOnceInItsOrder() throws IOException {
    String id = "  {\"name\": \"id\", \"type\": \"string\"}";
    write("contracts/avro/Order.avsc", record("Order", id));
    write("contracts/avro/OrderKey.avsc", record("OrderKey", id));
    write("contracts/contracts.yaml", """
        topics:
          - name: orders
            key: {type: com.example.OrderKey}
            value: com.example.Order
            compatibility: FULL_TRANSITIVE
          - name: orders-by-id
            key: {field: id}
            value: com.example.Order
            subjectNameStrategy: RecordNameStrategy
          - name: orders-audit
            key: {type: string}
            value: com.example.Order
            subjectNameStrategy: RecordNameStrategy
        """);
    ContractsDirectory contracts = ContractsDirectory.load(root.resolve("contracts"), root::relativize);
    assertThat(contracts.problems()).isEmpty();

    // A field key or a primitive key has no schema of its own to check; the record subject is shared.
    assertThat(ContractsGate.levels(contracts)).containsExactly(
        Map.entry("orders-value", CompatibilityLevel.FULL_TRANSITIVE),
        Map.entry("orders-key", CompatibilityLevel.FULL_TRANSITIVE),
        Map.entry("com.example.Order", CompatibilityLevel.BACKWARD));
  }

  @Test
  void contractsWithProblemsAreReportedWithoutCheckingSubjects() throws IOException {
    write("contracts/avro/Order.avsc", "{");
    write("contracts/contracts.yaml", "topics: []\n");
    ContractsDirectory contracts = ContractsDirectory.load(root.resolve("contracts"), root::relativize);

    GateReport report = new ContractsGate().run(contracts, new DirectoryBaseline(root.resolve("none")),
        AcceptedBreaks.none(), LocalDate.of(2026, 11, 23), root::relativize);

    assertThat(report.subjects()).isEmpty();
    assertThat(report.problems()).extracting(Problem::rule).containsExactly("SYNTAX_ERROR");
  }

  @Test
  void aChangeToATypeSharedByEightSubjectsIsOneFindingNamingThemAll() throws IOException {
    String source = "{\"type\": \"record\", \"name\": \"EventSource\", \"namespace\": \"com.example.common\",\n"
        + " \"fields\": [\n  {\"name\": \"service\", \"type\": \"string\"}%s\n ]}\n";
    write("contracts/avro/common/EventSource.avsc", source.formatted(",\n  {\"name\": \"region\", \"type\": \"string\"}"));
    StringBuilder catalogue = new StringBuilder("topics:\n");
    for (String name : List.of("orders", "payments", "refunds", "shipments", "returns", "invoices", "carts", "users")) {
      String type = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      // Each embeds the shared type; 'users' in two fields, which Avro reports twice at one path: said once.
      String fields = "  {\"name\": \"id\", \"type\": \"string\"},\n  {\"name\": \"source\", \"type\": "
          + "\"com.example.common.EventSource\"}"
          + (name.equals("users") ? ",\n  {\"name\": \"origin\", \"type\": \"com.example.common.EventSource\"}" : "");
      write("contracts/avro/" + type + ".avsc", record(type, fields));
      write("baseline/" + name + "-value/1.avsc", record(type, fields.replaceFirst("\"com.example.common.EventSource\"",
          source.formatted("").replace("\n", " ").strip())));
      catalogue.append("  - name: ").append(name).append("\n    value: com.example.").append(type).append('\n');
    }
    write("contracts/contracts.yaml", catalogue.toString());
    ContractsDirectory contracts = ContractsDirectory.load(root.resolve("contracts"), root::relativize);
    assertThat(contracts.problems()).isEmpty();

    GateReport report = new ContractsGate().run(contracts, new DirectoryBaseline(root.resolve("baseline")),
        AcceptedBreaks.none(), LocalDate.of(2026, 12, 6), root::relativize);

    assertThat(report.violationCount()).isEqualTo(8);
    assertThat(ReportFormat.TEXT.render(report).replace(root + "/", "")).isEqualTo("""
        kafka-contracts: 8 violations from 1 cause in 8 of 8 subjects, 0 warnings, 0 problems (baseline: directory baseline)
        contracts/avro/common/EventSource.avsc:4:3: FIELD_ADDED_WITHOUT_DEFAULT
            field 'region' of record 'com.example.common.EventSource' has no default, so the candidate cannot read data written with version 1, which lacks it
            fix: give field 'region' a default, for example type ["null","string"] with default null
            breaks 8 subjects:
              orders-value at /fields/source/type/fields/region [BACKWARD, backward against version 1]
              payments-value at /fields/source/type/fields/region [BACKWARD, backward against version 1]
              refunds-value at /fields/source/type/fields/region [BACKWARD, backward against version 1]
              shipments-value at /fields/source/type/fields/region [BACKWARD, backward against version 1]
              returns-value at /fields/source/type/fields/region [BACKWARD, backward against version 1]
              invoices-value at /fields/source/type/fields/region [BACKWARD, backward against version 1]
              carts-value at /fields/source/type/fields/region [BACKWARD, backward against version 1]
              users-value at /fields/source/type/fields/region [BACKWARD, backward against version 1]
        """);
    assertThat(ReportFormat.GITHUB.render(report).lines()).singleElement().asString()
        .startsWith("::error file=contracts/avro/common/EventSource.avsc,line=4,col=3,"
            + "title=FIELD_ADDED_WITHOUT_DEFAULT in 8 subjects::");
  }
}
