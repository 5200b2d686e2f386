package io.kafkacontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.lint.SchemaFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityEngineTest {

  private final CompatibilityEngine engine = new CompatibilityEngine();

  private static SchemaSource record(String fields) {
    return SchemaSource.of(new Schema.Parser().parse(
        "{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"com.example\", \"fields\": [" + fields + "]}"));
  }

  private static final String ID = "{\"name\": \"id\", \"type\": \"string\"}";
  private static final String QTY = "{\"name\": \"qty\", \"type\": \"int\"}";
  private static final String QTY_DEFAULT = "{\"name\": \"qty\", \"type\": \"int\", \"default\": 1}";
  private static final String NOTE = "{\"name\": \"note\", \"type\": \"string\"}";

  private static List<SchemaVersion> history(SchemaSource... versions) {
    List<SchemaVersion> history = new java.util.ArrayList<>();
    for (int i = 0; i < versions.length; i++) {
      history.add(new SchemaVersion(i + 1, versions[i]));
    }
    return history;
  }

  @Test
  void anEmptyHistoryIsCompatible() {
    CompatibilityReport report = engine.check("orders-value", record(ID), List.of(), CompatibilityLevel.FULL_TRANSITIVE);

    assertThat(report.isCompatible()).isTrue();
    assertThat(report.versionsChecked()).isEmpty();
  }

  @Test
  void levelNoneChecksNothing() {
    CompatibilityReport report = engine.check("s", record(ID), history(record(QTY)), CompatibilityLevel.NONE);

    assertThat(report.isCompatible()).isTrue();
  }

  @Test
  void transitiveLevelsCatchWhatTheLatestVersionLetsThrough() {
    // v1 has no qty; v2 added it with a default; the candidate drops the default.
    List<SchemaVersion> history = history(record(ID), record(ID + "," + QTY_DEFAULT));
    SchemaSource candidate = record(ID + "," + QTY);

    assertThat(engine.check("s", candidate, history, CompatibilityLevel.BACKWARD).isCompatible()).isTrue();

    CompatibilityReport transitive = engine.check("s", candidate, history, CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(transitive.versionsChecked()).containsExactly(1, 2);
    assertThat(transitive.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(Rule.FIELD_ADDED_WITHOUT_DEFAULT);
      assertThat(v.version()).isEqualTo(1);
      assertThat(v.path()).hasToString("/fields/qty");
      assertThat(v.avroLocation()).contains("/fields/1");
    });
  }

  @Test
  void reportsEveryViolationAgainstEveryVersion() {
    List<SchemaVersion> history = history(record(ID), record(ID));
    SchemaSource candidate = record(ID + "," + QTY + "," + NOTE);

    CompatibilityReport report = engine.check("s", candidate, history, CompatibilityLevel.BACKWARD_TRANSITIVE);

    assertThat(report.violations())
        .extracting(v -> v.version() + " " + v.rule() + " " + v.path())
        .containsExactly(
            "1 FIELD_ADDED_WITHOUT_DEFAULT /fields/qty", "1 FIELD_ADDED_WITHOUT_DEFAULT /fields/note",
            "2 FIELD_ADDED_WITHOUT_DEFAULT /fields/qty", "2 FIELD_ADDED_WITHOUT_DEFAULT /fields/note");
  }

  @Test
  void fullChecksBothDirections() {
    CompatibilityReport report = engine.check("s", record(ID + "," + QTY), history(record(ID + "," + NOTE)),
        CompatibilityLevel.FULL);

    assertThat(report.violations())
        .extracting(v -> v.direction() + " " + v.rule() + " " + v.path())
        .containsExactly(
            "BACKWARD FIELD_ADDED_WITHOUT_DEFAULT /fields/qty",
            "FORWARD FIELD_REMOVED_WITHOUT_DEFAULT /fields/note");
  }

  @Test
  void aMissingDefaultInsideARecordInAUnionIsReportedAtThatField() {
    String before = "{\"name\": \"ship\", \"type\": [\"null\", {\"type\": \"record\", \"name\": \"Address\", "
        + "\"fields\": [{\"name\": \"city\", \"type\": \"string\"}]}], \"default\": null}";
    String after = "{\"name\": \"ship\", \"type\": [\"null\", {\"type\": \"record\", \"name\": \"Address\", "
        + "\"fields\": [{\"name\": \"city\", \"type\": \"string\"}, {\"name\": \"zip\", \"type\": \"string\"}]}], "
        + "\"default\": null}";

    CompatibilityReport report = engine.check("s", record(after), history(record(before)), CompatibilityLevel.BACKWARD);

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(Rule.FIELD_ADDED_WITHOUT_DEFAULT);
      assertThat(v.path()).hasToString("/fields/ship/type/com.example.Address/fields/zip");
      assertThat(v.message()).isEqualTo("field 'zip' of record 'com.example.Address' has no default, so the "
          + "candidate cannot read data written with version 1, which lacks it");
    });
  }

  @Test
  void anAddedEnumFieldWithOnlyAnEnumDefaultIsAMissingFieldDefault() {
    String status = "{\"name\": \"status\", \"type\": {\"type\": \"enum\", \"name\": \"Status\", "
        + "\"symbols\": [\"UNKNOWN\", \"NEW\"], \"default\": \"UNKNOWN\"}}";

    CompatibilityReport report = engine.check("s", record(ID + "," + status), history(record(ID)),
        CompatibilityLevel.BACKWARD);

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(Rule.FIELD_ADDED_WITHOUT_DEFAULT);
      assertThat(v.path()).hasToString("/fields/status");
      assertThat(v.fix()).isEqualTo(
          "give field 'status' a default, for example type [\"null\",\"com.example.Status\"] with default null");
    });
  }

  @Test
  void locatesFindingsInTheFileThatDefinesTheReferencedType(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("common"));
    Files.writeString(root.resolve("common/Address.avsc"), """
        {"type": "record", "name": "Address", "namespace": "com.example",
         "fields": [
           {"name": "city", "type": "string"},
           {"name": "zip", "type": "string"}
         ]}
        """);
    Files.writeString(root.resolve("Order.avsc"), """
        {"type": "record", "name": "Order", "namespace": "com.example",
         "fields": [{"name": "ship", "type": "com.example.Address"}]}
        """);
    SchemaFolder folder = SchemaFolder.load(root, root::relativize);
    SchemaSource candidate = SchemaSource.fromFolder(folder, "com.example.Order", root::relativize);
    SchemaSource previous = SchemaSource.parse(Path.of("v1.avsc"), """
        {"type": "record", "name": "Order", "namespace": "com.example",
         "fields": [{"name": "ship", "type": {"type": "record", "name": "Address",
           "fields": [{"name": "city", "type": "string"}]}}]}
        """);

    CompatibilityReport report = engine.check("orders-value", candidate, history(previous), CompatibilityLevel.BACKWARD);

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).hasToString("/fields/ship/type/fields/zip");
      assertThat(v.candidateLocation()).map(Object::toString).contains("common/Address.avsc:4:4");
      assertThat(v.baselineLocation()).map(Object::toString).contains("v1.avsc:3:14");
    });
  }

  @Test
  void canReadAgreesWithTheReport() {
    Schema v1 = record(ID).schema();
    Schema v2 = record(ID + "," + QTY_DEFAULT).schema();

    assertThat(CompatibilityEngine.canRead(v2, v1)).isTrue();
    assertThat(CompatibilityEngine.canRead(record(ID + "," + QTY).schema(), v1)).isFalse();
  }

  @Test
  void forwardTransitiveCatchesARemovalThatOnlyAnOldReaderMinds() {
    // v1 required qty; v2 gave it a default; the candidate drops qty: v2 readers cope, v1 readers do not.
    List<SchemaVersion> history = history(record(ID + "," + QTY), record(ID + "," + QTY_DEFAULT));
    SchemaSource candidate = record(ID);

    assertThat(engine.check("s", candidate, history, CompatibilityLevel.FORWARD).isCompatible()).isTrue();
    assertThat(engine.check("s", candidate, history, CompatibilityLevel.FORWARD_TRANSITIVE).violations())
        .extracting(v -> v.version() + " " + v.direction() + " " + v.rule() + " " + v.path())
        .containsExactly("1 FORWARD FIELD_REMOVED_WITHOUT_DEFAULT /fields/qty");
  }

  @Test
  void fullTransitiveChecksBothWaysAgainstEveryVersion() {
    String stateV1 = "{\"name\": \"state\", \"type\": {\"type\": \"enum\", \"name\": \"State\", "
        + "\"symbols\": [\"NEW\", \"PAID\", \"VOID\"]}}";
    String stateV2 = "{\"name\": \"state\", \"type\": {\"type\": \"enum\", \"name\": \"State\", "
        + "\"symbols\": [\"NEW\", \"PAID\", \"VOID\"], \"default\": \"NEW\"}}";
    String stateCandidate = "{\"name\": \"state\", \"type\": {\"type\": \"enum\", \"name\": \"State\", "
        + "\"symbols\": [\"NEW\", \"PAID\", \"VOID\", \"REFUNDED\"], \"default\": \"NEW\"}}";
    List<SchemaVersion> history = history(record(stateV1), record(stateV2));

    assertThat(engine.check("s", record(stateCandidate), history, CompatibilityLevel.FULL).isCompatible()).isTrue();
    assertThat(engine.check("s", record(stateCandidate), history, CompatibilityLevel.FULL_TRANSITIVE).violations())
        .extracting(v -> v.version() + " " + v.direction() + " " + v.rule())
        .containsExactly("1 FORWARD ENUM_SYMBOL_ADDED");
  }

  @Test
  void aRenameIsToldAsOneWithTheFixThatKeepsTheData() {
    String before = "{\"name\": \"instance\", \"type\": \"string\"}";
    String after = "{\"name\": \"instance_id\", \"type\": \"string\"}";

    CompatibilityReport report = engine.check("s", record(ID + "," + after), history(record(ID + "," + before)),
        CompatibilityLevel.FULL);

    assertThat(report.violations()).extracting(Violation::rule, Violation::message, Violation::fix).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Rule.FIELD_ADDED_WITHOUT_DEFAULT,
            "field 'instance_id' of record 'com.example.Order' has no default, and data written with version 1 lacks "
                + "it; it looks like a rename of field 'instance', which the candidate no longer has",
            "keep the data: add \"aliases\": [\"instance\"] to field 'instance_id', so that it reads what earlier "
                + "versions wrote as 'instance' (a default would read every earlier record as the default)"),
        org.assertj.core.groups.Tuple.tuple(Rule.FIELD_REMOVED_WITHOUT_DEFAULT,
            "field 'instance' of record 'com.example.Order' is missing from the candidate, and readers built on "
                + "version 1 need it: it has no default there; it looks like a rename to 'instance_id', which readers "
                + "built on version 1 do not know: aliases help only the reader that declares them",
            "keep field 'instance' beside 'instance_id'; to retire it, first release a version where it has a "
                + "default, and remove it once no reader lacks that default"));
    // The fix it gives passes BACKWARD.
    String aliased = "{\"name\": \"instance_id\", \"type\": \"string\", \"aliases\": [\"instance\"]}";
    assertThat(engine.check("s", record(ID + "," + aliased), history(record(ID + "," + before)),
        CompatibilityLevel.BACKWARD).isCompatible()).isTrue();
  }

  @Test
  void anAddedFieldWithNoLikelyOriginalKeepsTheDefaultFix() {
    String before = "{\"name\": \"instance\", \"type\": \"string\"}";
    String after = "{\"name\": \"count\", \"type\": \"int\"}"; // an int cannot read the old string

    CompatibilityReport report = engine.check("s", record(ID + "," + after), history(record(ID + "," + before)),
        CompatibilityLevel.BACKWARD);

    assertThat(report.violations()).singleElement().extracting(Violation::fix)
        .isEqualTo("give field 'count' a default, for example type [\"null\",\"int\"] with default null");
  }

  @Test
  void aUnionBranchIsToldAsTheFieldsWholeType() {
    String optional = "{\"name\": \"name\", \"type\": [\"null\", \"string\"], \"default\": null}";
    String required = "{\"name\": \"name\", \"type\": \"string\"}";

    CompatibilityReport report = engine.check("s", record(ID + "," + required), history(record(ID + "," + optional)),
        CompatibilityLevel.BACKWARD);

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(Rule.FIELD_TYPE_CHANGED);
      assertThat(v.path()).hasToString("/fields/name/type/null");
      assertThat(v.message()).isEqualTo("field 'name' is [\"null\",\"string\"] in version 1 but \"string\" in the "
          + "candidate; Avro cannot read null data as \"string\"");
      assertThat(v.fix()).isEqualTo("keep field 'name' optional: type [\"null\",\"string\"] as in version 1; a field "
          + "that must now always be set needs a new field with a default");
    });
  }

  @Test
  void warningsDoNotMakeACandidateIncompatible() {
    String before = "{\"name\": \"qty\", \"type\": \"int\", \"default\": 1}";
    String after = "{\"name\": \"qty\", \"type\": \"int\", \"default\": 2}";

    CompatibilityReport report = engine.check("s", record(ID + "," + after), history(record(ID + "," + before)),
        CompatibilityLevel.FULL);

    assertThat(report.isCompatible()).isTrue();
    assertThat(report.errors()).isEmpty();
    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(Rule.FIELD_DEFAULT_CHANGED);
      assertThat(v.severity()).isEqualTo(Severity.WARNING);
      assertThat(v.avroLocation()).isEmpty(); // the engine's own rule: Avro has no pointer for it
    });
    // Only the candidate's reading of earlier data changes: a FORWARD-only subject is not warned.
    assertThat(engine.check("s", record(ID + "," + after), history(record(ID + "," + before)),
        CompatibilityLevel.FORWARD).violations()).isEmpty();
  }
}
