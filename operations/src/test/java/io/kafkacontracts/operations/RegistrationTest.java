package io.kafkacontracts.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.ContractsGate;
import io.kafkacontracts.compat.Rule;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.Violation;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaReference;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration and the registry baseline against a real Apicurio Registry (3.3 where Java 21+
 * exists; {@code RegistrationOnApicurio2Test} runs the same against 2.6).
 */
@ExtendWith(ApicurioRegistry.class)
class RegistrationTest {

  @TempDir
  Path contracts;

  private final SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(registryUrl()).build();

  /** The registry under test: the build's default Apicurio (3.3 where Java 21+ exists). */
  String registryUrl() {
    return ApicurioRegistry.url();
  }
  private final String topic = "orders-" + UUID.randomUUID();

  @AfterEach
  void closeClient() {
    registry.close();
  }

  private ContractsDirectory write(String extraField) throws IOException {
    return write(extraField, "BACKWARD_TRANSITIVE");
  }

  private ContractsDirectory write(String extraField, String level) throws IOException {
    Files.createDirectories(contracts.resolve("avro"));
    Files.writeString(contracts.resolve("avro/Order.avsc"), "{\"type\":\"record\",\"name\":\"Order\","
        + "\"namespace\":\"com.example\",\"doc\":\"An order.\",\"fields\":[{\"name\":\"id\",\"type\":\"string\","
        + "\"doc\":\"Id.\"}" + extraField + "]}");
    Files.writeString(contracts.resolve("contracts.yaml"), "topics:\n  - name: " + topic + "\n"
        + "    description: Orders.\n    value: com.example.Order\n    key: {field: id, format: avro}\n"
        + "    compatibility: " + level + "\n    partitions: 1\n    replication: 1\n    retention: 1d\n");
    ContractsDirectory directory = ContractsDirectory.load(contracts, Function.identity());
    assertThat(directory.problems()).isEmpty();
    return directory;
  }

  private List<Registration.Result> run(ContractsDirectory directory, boolean dryRun) {
    List<Registration.Result> progress = new ArrayList<>();
    List<Registration.Current> current = Registration.inspect(registry, Registration.candidates(directory), 4);
    List<Registration.Result> results = Registration.apply(registry, current, dryRun, 4,
        result -> {
          synchronized (progress) {
            progress.add(result);
          }
        });
    assertThat(progress).containsExactlyInAnyOrderElementsOf(results);
    return results;
  }

  /**
   * Normalizing, as the registry under test does it, for a version an earlier tool registered in
   * another text of the same schema (pretty-printed): whether the contract's own text is found in it
   * with and without {@code normalize=true}.
   */
  Map<Boolean, Registration.Outcome> normalizeFindsAPrettyPrintedVersion() throws IOException {
    ContractsDirectory v1 = write("");
    Schema order = v1.schemas().type("com.example.Order").orElseThrow();
    registry.register(topic + "-value", RegistrySchema.avro(order.toString(true)), false);
    List<Registration.Candidate> value = Registration.candidates(v1).subList(0, 1);
    Map<Boolean, Registration.Outcome> found = new java.util.TreeMap<>();
    for (boolean normalize : List.of(false, true)) {
      found.put(normalize, Registration.apply(registry, Registration.inspect(registry, value, 1, normalize), true, 1,
          result -> { }).get(0).outcome());
    }
    return found;
  }

  @Test
  void normalizingIsTheRegistrysToDo() throws IOException {
    // Apicurio 3.3, as Confluent (which compares parsed schemas), finds the contract's text in the pretty
    // version either way; Apicurio 2.6 only when asked to normalize (RegistrationOnApicurio2Test).
    assertThat(normalizeFindsAPrettyPrintedVersion()).containsExactly(
        Map.entry(false, Registration.Outcome.UNCHANGED), Map.entry(true, Registration.Outcome.UNCHANGED));
  }

  @Test
  void aDryRunWritesNothingARunRegistersAndASecondRunAddsNothing() throws IOException {
    ContractsDirectory v1 = write("");

    assertThat(run(v1, true)).extracting(Registration.Result::outcome, Registration.Result::version,
        Registration.Result::level).containsExactly(tuple(Registration.Outcome.NEW_VERSION, 1, "BACKWARD_TRANSITIVE"),
        tuple(Registration.Outcome.NEW_VERSION, 1, "BACKWARD_TRANSITIVE"));
    // Filtered here: Apicurio 3.3.3 answered subjectPrefix=orders-<uuid> with other orders-* subjects too.
    assertThat(registry.subjects(false, Optional.empty())).noneMatch(s -> s.startsWith(topic));

    List<Registration.Result> first = run(v1, false);
    assertThat(first).extracting(Registration.Result::outcome).containsOnly(Registration.Outcome.NEW_VERSION);
    assertThat(registry.latestVersion(topic + "-key").schema().schema()).isEqualTo("\"string\"");
    assertThat(registry.subjectCompatibility(topic + "-value", false)).contains("BACKWARD_TRANSITIVE");

    assertThat(run(v1, false)).extracting(Registration.Result::outcome).containsOnly(Registration.Outcome.UNCHANGED);
    assertThat(registry.versions(topic + "-value")).containsExactly(1);
  }

  @Test
  void aSecondAndThirdVersionRegisterAndARerunFindsTheLatest() throws IOException {
    List<Registration.Result> first = run(write(""), false);
    String note = ",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Note.\"}";
    String qty = ",{\"name\":\"qty\",\"type\":\"int\",\"default\":1,\"doc\":\"Quantity.\"}";

    List<Registration.Result> second = run(write(note), false);
    List<Registration.Result> third = run(write(note + qty), false);
    List<Registration.Result> rerun = run(write(note + qty), false);

    assertThat(second.get(0).describe()).matches(topic + "-value: new version 2 \\(id [0-9]+\\)");
    assertThat(second.get(0).id()).isNotEqualTo(first.get(0).id());
    assertThat(third.get(0).describe()).matches(topic + "-value: new version 3 \\(id [0-9]+\\)");
    assertThat(rerun.get(0).describe()).isEqualTo(topic + "-value: unchanged, version 3 (id " + third.get(0).id() + ")");
    assertThat(rerun).extracting(Registration.Result::outcome).containsOnly(Registration.Outcome.UNCHANGED);
    assertThat(registry.versions(topic + "-value")).containsExactly(1, 2, 3);
  }

  /** Order with an amount of type Money, Money in a file of its own. */
  private ContractsDirectory writeWithMoney(String moneyExtraField) throws IOException {
    write("");
    Files.writeString(contracts.resolve("avro/Money.avsc"), "{\"type\":\"record\",\"name\":\"Money\","
        + "\"namespace\":\"com.example\",\"doc\":\"Money.\",\"fields\":[{\"name\":\"cents\",\"type\":\"long\","
        + "\"doc\":\"Cents.\"}" + moneyExtraField + "]}");
    Files.writeString(contracts.resolve("avro/Order.avsc"), "{\"type\":\"record\",\"name\":\"Order\","
        + "\"namespace\":\"com.example\",\"doc\":\"An order.\",\"fields\":[{\"name\":\"id\",\"type\":\"string\","
        + "\"doc\":\"Id.\"},{\"name\":\"amount\",\"type\":\"com.example.Money\",\"doc\":\"Amount.\"},"
        + "{\"name\":\"tip\",\"type\":[\"null\",\"com.example.Money\"],\"default\":null,\"doc\":\"Tip.\"}]}");
    ContractsDirectory directory = ContractsDirectory.load(contracts, Function.identity());
    assertThat(directory.problems()).isEmpty();
    return directory;
  }

  private List<Registration.Result> runWithReferences(ContractsDirectory directory, boolean dryRun) {
    List<Registration.Candidate> candidates = Registration.candidates(directory, true);
    return Registration.apply(registry, Registration.inspect(registry, candidates, 4), dryRun, 4, result -> { });
  }

  @Test
  void withReferencesEachNamedTypeHasASubjectOfItsOwnAndEvolvesWithTheContractsUsingIt() throws IOException {
    String money = "com.example.Money";
    String value = topic + "-value";
    // Another test's run may have registered com.example.Money before: count from what is there.
    int before = registry.subjects(false, Optional.empty()).contains(money) ? registry.versions(money).size() : 0;
    ContractsDirectory v1 = writeWithMoney("");

    assertThat(Registration.candidates(v1, true)).extracting(Registration.Candidate::subject,
        Registration.Candidate::references).containsExactly(tuple(money, List.of()), tuple(value, List.of(money)),
        tuple(topic + "-key", List.of()));
    assertThat(runWithReferences(v1, true)).extracting(Registration.Result::subject, Registration.Result::outcome)
        .containsExactly(tuple(money, before == 0 ? Registration.Outcome.NEW_VERSION : Registration.Outcome.UNCHANGED),
            tuple(value, Registration.Outcome.NEW_VERSION), tuple(topic + "-key", Registration.Outcome.NEW_VERSION));
    List<Registration.Result> first = runWithReferences(v1, false);

    assertThat(first).extracting(Registration.Result::outcome).doesNotContain(Registration.Outcome.FAILED,
        Registration.Outcome.INCOMPATIBLE);
    RegistrySchema registered = registry.latestVersion(value).schema();
    assertThat(registered.references()).containsExactly(new SchemaReference(money, money, first.get(0).version()));
    // Named as Avro writes a name in its own namespace.
    assertThat(registered.schema()).doesNotContain("cents").contains("\"type\":\"Money\"");
    assertThat(runWithReferences(v1, false)).extracting(Registration.Result::outcome)
        .containsOnly(Registration.Outcome.UNCHANGED);

    // Money gains an optional field: its new version, then the contract's, naming it.
    ContractsDirectory v2 = writeWithMoney(",{\"name\":\"currency\",\"type\":[\"null\",\"string\"],"
        + "\"default\":null,\"doc\":\"ISO 4217.\"}");
    assertThat(runWithReferences(v2, true)).extracting(Registration.Result::outcome).containsExactly(
        Registration.Outcome.NEW_VERSION, Registration.Outcome.NEW_VERSION, Registration.Outcome.UNCHANGED);
    List<Registration.Result> second = runWithReferences(v2, false);

    assertThat(second).extracting(Registration.Result::outcome).containsExactly(
        Registration.Outcome.NEW_VERSION, Registration.Outcome.NEW_VERSION, Registration.Outcome.UNCHANGED);
    assertThat(registry.versions(value)).containsExactly(1, 2);
    assertThat(registry.latestVersion(value).schema().references())
        .containsExactly(new SchemaReference(money, money, second.get(0).version()));
    assertThat(runWithReferences(v2, false)).extracting(Registration.Result::outcome)
        .containsOnly(Registration.Outcome.UNCHANGED);
    // The gate reads the versions with the types they reference: the candidate follows them.
    GateReport judged = RegistryBaseline.judge(registry, "test registry", v2, AcceptedBreaks.none(), 4,
        LocalDate.of(2026, 12, 2), Function.identity());
    assertThat(judged.fails()).as(ReportFormat.TEXT.render(judged)).isFalse();
  }

  @Test
  void aLevelChangeIsSaidInTheDryRunAndTheRunAndThenHolds() throws IOException {
    run(write(""), false);
    registry.setSubjectCompatibility(topic + "-value", "FULL");
    registry.setSubjectCompatibility(topic + "-key", "FULL");
    ContractsDirectory forward = write("", "FORWARD");

    List<Registration.Result> dry = run(forward, true);
    assertThat(registry.subjectCompatibility(topic + "-value", false)).contains("FULL");
    List<Registration.Result> real = run(forward, false);

    assertThat(dry.get(0).describe()).matches(topic + "-value: unchanged, version 1 \\(id [0-9]+\\); level FULL -> FORWARD");
    assertThat(real).extracting(Registration.Result::describe).isEqualTo(dry.stream().map(Registration.Result::describe).toList());
    assertThat(registry.subjectCompatibility(topic + "-value", false)).contains("FORWARD");
    assertThat(run(forward, false)).noneMatch(Registration.Result::levelChanged);
  }

  @Test
  void aSchemaTheRegistryRefusesWhileWritingIsReportedInItsWordsAndTheOthersStillRegister() throws IOException {
    run(write(""), false);
    // The gate is bypassed here: the registry's own 409 is what is under test.
    ContractsDirectory breaking = write(",{\"name\":\"qty\",\"type\":\"int\",\"doc\":\"Quantity.\"}");

    assertThat(run(breaking, true)).extracting(Registration.Result::outcome)
        .containsExactly(Registration.Outcome.NEW_VERSION, Registration.Outcome.UNCHANGED);
    List<Registration.Result> results = run(breaking, false);

    assertThat(results.get(0).outcome()).isEqualTo(Registration.Outcome.INCOMPATIBLE);
    assertThat(results.get(0).detail()).startsWith("POST /subjects/" + topic + "-value/versions failed with HTTP 409");
    assertThat(results.get(1).outcome()).isEqualTo(Registration.Outcome.UNCHANGED);
    assertThat(registry.versions(topic + "-value")).containsExactly(1);
  }

  @Test
  void theRegistryBaselineFetchesWhatTheLevelNeeds() throws IOException {
    String subject = topic + "-value";
    registry.register(subject, RegistrySchema.avro(write("").schemas().type("com.example.Order").orElseThrow().toString()),
        false);
    registry.register(subject, RegistrySchema.avro(write(",{\"name\":\"qty\",\"type\":\"int\",\"default\":1,"
        + "\"doc\":\"Q.\"}").schemas().type("com.example.Order").orElseThrow().toString()), false);
    try (RegistryBaseline transitive = new RegistryBaseline(registry, "test registry");
        RegistryBaseline latestOnly = new RegistryBaseline(registry, "test registry")) {
      transitive.fetchAhead(Map.of(subject, CompatibilityLevel.BACKWARD_TRANSITIVE, "missing-" + subject,
          CompatibilityLevel.BACKWARD), 4);
      latestOnly.fetchAhead(Map.of(subject, CompatibilityLevel.FULL), 4);

      assertThat(transitive.versions(subject, "com.example.Order")).extracting(SchemaVersion::version)
          .containsExactly(1, 2);
      assertThat(transitive.versions("missing-" + subject, "com.example.Order")).isEmpty();
      assertThat(latestOnly.versions(subject, "com.example.Order")).extracting(SchemaVersion::version)
          .containsExactly(2);
    }
  }

  @Test
  void versionsRegisteredWithReferencesAreJudgedWithTheTypesTheyReference() throws IOException {
    // As Confluent's tools register a shared type: in a subject of its own, referenced by name.
    String subject = topic + "-value";
    String money = "money-" + UUID.randomUUID();
    registry.register(money, RegistrySchema.avro("{\"type\":\"record\",\"name\":\"Money\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}"), false);
    registry.register(subject, new RegistrySchema("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\","
        + "\"type\":\"com.example.Money\"}]}", RegistrySchema.AVRO,
        List.of(new SchemaReference("com.example.Money", money, 1))), false);
    registry.register(topic + "-key", RegistrySchema.avro("\"string\""), false); // the Avro key the catalogue declares
    String amount = ",{\"name\":\"amount\",\"type\":{\"type\":\"record\",\"name\":\"Money\",\"doc\":\"Money.\","
        + "\"fields\":[{\"name\":\"cents\",\"type\":\"%s\",\"doc\":\"Cents.\"}]},\"doc\":\"Amount.\"}";

    GateReport unchanged = gate(write(amount.formatted("long")));
    GateReport centsAsText = gate(write(amount.formatted("string")));

    assertThat(unchanged.problems()).isEmpty();
    assertThat(unchanged.fails()).isFalse();
    assertThat(unchanged.subjects()).filteredOn(judged -> judged.subject().equals(subject)).singleElement().satisfies(judged -> {
      assertThat(judged.versionsChecked()).containsExactly(1);
      assertThat(judged.violations()).isEmpty();
    });
    assertThat(centsAsText.problems()).isEmpty();
    assertThat(centsAsText.subjects()).filteredOn(judged -> !judged.violations().isEmpty()).singleElement()
        .satisfies(judged -> assertThat(judged.violations())
        .extracting(Violation::rule, violation -> violation.path().toString())
        .containsExactly(tuple(Rule.FIELD_TYPE_CHANGED, "/fields/amount/type/fields/cents/type")));
  }

  private GateReport gate(ContractsDirectory candidate) throws IOException {
    try (RegistryBaseline baseline = new RegistryBaseline(registry, "test registry")) {
      return new ContractsGate().run(candidate, baseline, AcceptedBreaks.none(), LocalDate.of(2026, 11, 23),
          Function.identity());
    }
  }

  @Test
  void aSubjectNotFetchedAheadIsFetchedWhenAskedForAndAStoppedFetchFailsClearly() throws IOException {
    String subject = topic + "-value";
    registry.register(subject, RegistrySchema.avro(write("").schemas().type("com.example.Order").orElseThrow().toString()),
        false);
    SchemaRegistryClient nowhere = SchemaRegistryClient.builder().baseUrls("http://127.0.0.1:1")
        .retries(3, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30))
        .build();

    try (RegistryBaseline baseline = new RegistryBaseline(registry, "test registry")) {
      assertThat(baseline.versions(subject, "com.example.Order")).extracting(SchemaVersion::version).containsExactly(1);
    }
    RegistryBaseline stopped = new RegistryBaseline(nowhere, "registry nowhere");
    stopped.fetchAhead(Map.of(subject, CompatibilityLevel.BACKWARD), 1);
    stopped.close(); // while the first fetch is still retrying
    nowhere.close();

    assertThatThrownBy(() -> stopped.versions(subject, "com.example.Order"))
        .isInstanceOf(IOException.class).hasMessage("fetching from registry nowhere was stopped");
  }

  @Test
  void theRegistrysOwnCheckIsSetBesideOursAndADisagreementIsNamed() throws IOException {
    String subject = topic + "-value";
    String amount = ",{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\","
        + "\"precision\":12,\"scale\":%d},\"doc\":\"Amount.\"}";
    registry.setSubjectCompatibility(subject, "BACKWARD");
    registry.register(subject, RegistrySchema.avro(write(amount.formatted(2)).schemas().type("com.example.Order")
        .orElseThrow().toString()), false);
    registry.register(topic + "-key", RegistrySchema.avro("\"string\""), false); // the Avro key the catalogue declares
    ContractsDirectory candidate = write(amount.formatted(3)); // Avro's check ignores a decimal's scale; ours does not
    GateReport report;
    try (RegistryBaseline baseline = new RegistryBaseline(registry, "test registry")) {
      report = new ContractsGate().run(candidate, baseline, AcceptedBreaks.none(), LocalDate.of(2026, 11, 23),
          Function.identity());
    }
    assertThat(report.subjects()).filteredOn(ours -> !ours.violations().isEmpty()).singleElement()
        .satisfies(ours -> assertThat(ours.violations()).extracting(Violation::rule)
            .containsExactly(Rule.DECIMAL_SCALE_CHANGED));
    String text = candidate.schemas().type("com.example.Order").orElseThrow().toString();
    List<Registration.Candidate> candidates = new ArrayList<>(Registration.candidates(candidate));
    candidates.add(new Registration.Candidate("new-" + subject, text, CompatibilityLevel.BACKWARD));

    List<RegistryCrossCheck.Answer> answers = RegistryCrossCheck.run(registry, candidates,
        Map.of(subject, false, "new-" + subject, true), 2);

    // The key subject, not among the verdicts given, is not asked about.
    assertThat(answers).extracting(RegistryCrossCheck.Answer::describe).containsExactly(
        subject + ": our engine finds the candidate incompatible, the registry's own check (its level for the "
            + "subject: BACKWARD) finds it compatible",
        "new-" + subject + ": new to the registry, nothing to compare");
    assertThat(answers).extracting(RegistryCrossCheck.Answer::disagrees).containsExactly(true, false);
  }

  @Test
  void aCrossCheckTheRegistryCannotAnswerSaysSoWithoutFailing() throws IOException {
    try (SchemaRegistryClient nowhere = SchemaRegistryClient.builder().baseUrls("http://127.0.0.1:1")
        .retries(0, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1), java.time.Duration.ofSeconds(2))
        .build()) {
      List<RegistryCrossCheck.Answer> answers = RegistryCrossCheck.run(nowhere, Registration.candidates(write("")),
          Map.of(topic + "-value", true), 1);

      assertThat(answers).singleElement().satisfies(answer -> {
        assertThat(answer.disagrees()).isFalse();
        assertThat(answer.describe()).startsWith(topic + "-value: the registry's own compatibility check did not "
            + "answer: POST /compatibility/subjects/" + topic + "-value/versions?verbose=true could not reach the "
            + "schema registry at http://127.0.0.1:1");
      });
    }
  }

  @Test
  void aRegistryThatCannotBeReachedFailsTheInspectionWhichWritesNothing() throws IOException {
    SchemaRegistryClient nowhere = SchemaRegistryClient.builder().baseUrls("http://127.0.0.1:1")
        .retries(2, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1), java.time.Duration.ofSeconds(2))
        .build();

    // The bulk listing is asked first; without an answer the inspection fails there, not once per subject.
    assertThatThrownBy(() -> Registration.inspect(nowhere, Registration.candidates(write("")), 2))
        .isInstanceOf(io.kafkacontracts.registry.SchemaRegistryException.class)
        .hasMessageStartingWith("GET /schemas?subjectPrefix=" + topic + "-")
        .hasMessageContaining(" could not reach the schema registry at http://127.0.0.1:1: ")
        .hasMessageEndingWith(" (3 attempts)");
  }

  @Test
  void aRegisterRunJudgesFirstRefusesABreakBeforeWritingAndReportsInOrder() throws IOException {
    String qty = ",{\"name\":\"qty\",\"type\":\"int\",\"doc\":\"Quantity.\"}";
    List<String> heard = new ArrayList<>();
    RegisterRun.Listener listener = new RegisterRun.Listener() {
      @Override
      public void starting(int subjects) {
        heard.add("starting " + subjects);
      }

      @Override
      public void judged(GateReport gate, List<RegistryCrossCheck.Answer> verdicts) {
        heard.add("judged, fails " + gate.fails() + ", verdicts " + verdicts.size());
      }

      @Override
      public void done(Registration.Result result, int number, int total) {
        heard.add(number + "/" + total + " " + result.outcome());
      }
    };
    RegisterRun.Outcome first = RegisterRun.run(registry, "test registry", request(write("", "BACKWARD")), listener);
    // Both subjects are judged: the key, a field framed in Avro, is registered and so gated too.
    assertThat(heard).containsExactly("starting 2", "judged, fails false, verdicts 2", "1/2 NEW_VERSION",
        "2/2 NEW_VERSION");
    assertThat(first.summary(false)).isEqualTo("2 new versions, 0 unchanged, 0 refused, 2 levels changed");

    heard.clear();
    RegisterRun.Outcome refused = RegisterRun.run(registry, "test registry", request(write(qty, "BACKWARD")), listener);

    assertThat(heard).containsExactly("starting 2", "judged, fails true, verdicts 2");
    assertThat(refused.results()).isEmpty();
    assertThat(refused.gate().subjects()).flatExtracting(report -> report.violations()).extracting(Violation::rule)
        .containsExactly(Rule.FIELD_ADDED_WITHOUT_DEFAULT);
    // The registry's own check agrees, and nothing was written.
    assertThat(refused.registryVerdicts()).filteredOn(answer -> answer.subject().equals(topic + "-value"))
        .singleElement().satisfies(answer -> assertThat(answer.registryCompatible()).contains(false));
    assertThat(registry.versions(topic + "-value")).containsExactly(1);
  }

  private static RegisterRun.Request request(ContractsDirectory contracts) {
    return new RegisterRun.Request(contracts, false, AcceptedBreaks.none(), false, 4, LocalDate.of(2026, 12, 6),
        Function.identity());
  }

  @Test
  void aPlainKeyHasNoSubjectToRegister() throws IOException {
    Files.createDirectories(contracts.resolve("avro"));
    write("");
    Files.writeString(contracts.resolve("contracts.yaml"), Files.readString(contracts.resolve("contracts.yaml"))
        .replace("key: {field: id, format: avro}", "key: {field: id}")); // plain: the default for a string key
    ContractsDirectory plain = ContractsDirectory.load(contracts, Function.identity());

    assertThat(Registration.candidates(plain)).extracting(Registration.Candidate::subject)
        .containsExactly(topic + "-value");
    assertThat(Registration.candidates(plain, true)).extracting(Registration.Candidate::subject)
        .containsExactly(topic + "-value");
    assertThat(Registration.plainKeyTopics(plain)).containsExactly(topic);
  }
}
