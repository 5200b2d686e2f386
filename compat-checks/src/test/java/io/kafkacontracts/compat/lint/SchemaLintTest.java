package io.kafkacontracts.compat.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.Severity;
import io.kafkacontracts.compat.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture folder per lint rule under {@code lint/<RULE>/}: {@code passing/} follows the rule,
 * {@code failing/} breaks it once, at the place and in the words {@code expected.properties} gives.
 */
class SchemaLintTest {

  private static final Path FIXTURES = TestFiles.resourceFolder("/lint");

  static Stream<String> rules() throws IOException {
    return TestFiles.folderNames(FIXTURES).stream();
  }

  @Test
  void everyRuleHasAFixture() throws IOException {
    assertThat(rules()).containsExactlyInAnyOrderElementsOf(Arrays.stream(LintRule.values()).map(Enum::name).toList());
  }

  private static List<Problem> lint(Path folder, LintRule rule) throws IOException {
    SchemaFolder schemas = SchemaFolder.load(folder, folder::relativize);
    assertThat(schemas.problems()).as("the fixture is valid Avro").isEmpty();
    return SchemaLint.check(schemas, new LintConfig(Set.of(rule), LintConfig.FieldCase.CAMEL_CASE, List.of(), Map.of()),
        folder::relativize);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void failingFixtureBreaksItsRuleOnceAtItsTokenAndPassingFixturePasses(String name) throws IOException {
    LintRule rule = LintRule.valueOf(name);
    Properties expected = TestFiles.expected(FIXTURES.resolve(name));

    assertThat(lint(FIXTURES.resolve(name).resolve("failing"), rule)).singleElement().satisfies(problem -> {
      assertThat(problem.rule()).isEqualTo(name);
      assertThat(problem.severity()).isEqualTo(rule.severity());
      assertThat(problem.location()).hasToString(expected.getProperty("at"));
      assertThat(problem.message()).isEqualTo(expected.getProperty("message"));
    });
    assertThat(lint(FIXTURES.resolve(name).resolve("passing"), rule)).isEmpty();
  }

  @Test
  void purposesSayWhatEachRuleChecksOrWarnsOf() {
    for (LintRule rule : LintRule.values()) {
      assertThat(rule.purpose()).startsWith(rule.severity() == Severity.ERROR ? "Checks that " : "Warns where ");
    }
  }

  @TempDir
  Path root;

  @Test
  void theCatalogueChoosesRulesAndIgnoresFilesAsBufDoes() throws IOException {
    TestFiles.write(root, "avro/shop/Order.avsc", """
        {"type": "record", "name": "Order", "namespace": "com.example.shop",
         "fields": [{"name": "order_id", "type": "string"}]}
        """);
    TestFiles.write(root, "avro/legacy/Old.avsc", """
        {"type": "record", "name": "Old", "namespace": "com.example.legacy",
         "fields": [{"name": "oldField", "type": "string"}]}
        """);
    TestFiles.write(root, "contracts.yaml", """
        lint:
          use: [STANDARD]
          except: [RECORD_DOC]
          fieldCase: snake_case
          ignore: [legacy/]
          ignoreOnly:
            FIELD_DOC: [shop/Order.avsc]
        topics:
          - name: orders
            value: com.example.shop.Order
        """);

    ContractsDirectory contracts = ContractsDirectory.load(root, root::relativize);

    assertThat(contracts.problems()).isEmpty();

    TestFiles.write(root, "contracts.yaml", """
        lint:
          use: [STANDARD]
        topics:
          - name: orders
            value: com.example.shop.Order
        """);
    assertThat(ContractsDirectory.load(root, root::relativize).problems()).extracting(Problem::toString).containsExactly(
        "avro/legacy/Old.avsc:1:28: warning: record 'com.example.legacy.Old' has no doc; say what one record stands "
            + "for and when it is written [RECORD_DOC]",
        "avro/legacy/Old.avsc:2:22: warning: field 'oldField' of record 'com.example.legacy.Old' has no doc; say "
            + "what it holds, its unit or format [FIELD_DOC]",
        "avro/shop/Order.avsc:1:28: warning: record 'com.example.shop.Order' has no doc; say what one record stands "
            + "for and when it is written [RECORD_DOC]",
        "avro/shop/Order.avsc:2:22: field 'order_id' of record 'com.example.shop.Order' is not camelCase; name it "
            + "'orderId' with \"aliases\": [\"order_id\"] so earlier data stays readable [FIELD_NAME_CASE]",
        "avro/shop/Order.avsc:2:22: warning: field 'order_id' of record 'com.example.shop.Order' has no doc; say "
            + "what it holds, its unit or format [FIELD_DOC]");
  }

  @Test
  void anUnknownRuleInTheCatalogueIsAProblemWithTheNearestId() throws IOException {
    TestFiles.write(root, "avro/shop/Order.avsc", """
        {"type": "record", "name": "Order", "namespace": "com.example.shop",
         "fields": [{"name": "id", "type": "string"}]}
        """);
    TestFiles.write(root, "contracts.yaml", """
        lint:
          use: [STANDARD]
          except: [FIELD_DOCS]
        topics:
          - name: orders
            value: com.example.shop.Order
        """);

    assertThat(ContractsDirectory.load(root, root::relativize).problems()).extracting(Problem::toString)
        .contains("contracts.yaml:3:12: unknown lint rule 'FIELD_DOCS'; did you mean 'FIELD_DOC'? [LINT_RULE_UNKNOWN]");
  }

  @Test
  void withoutALintSectionOnlyTheMinimalRulesApply() throws IOException {
    TestFiles.write(root, "avro/Order.avsc", """
        {"type": "record", "name": "order", "fields": [
          {"name": "Note", "type": ["null", "string"], "default": "none"}]}
        """);
    TestFiles.write(root, "contracts.yaml", "topics:\n  - name: orders\n    value: order\n");

    ContractsDirectory contracts = ContractsDirectory.load(root, root::relativize);

    assertThat(contracts.problems()).extracting(Problem::rule).containsExactly("UNION_DEFAULT_NOT_FIRST_BRANCH");
    assertThat(contracts.hasProblems()).as("a warning does not make the contracts invalid").isFalse();
    assertThat(contracts.warnings()).hasSize(1);
  }
}
