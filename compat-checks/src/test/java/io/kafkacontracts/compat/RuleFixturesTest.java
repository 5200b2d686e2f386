package io.kafkacontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture folder per rule under {@code rules/<RULE>/}: {@code previous/Subject.avsc} is version
 * 1, {@code current/Subject.avsc} the candidate, {@code expected.properties} the one violation.
 */
class RuleFixturesTest {

  private static final Path FIXTURES = TestFiles.resourceFolder("/rules");

  static Stream<String> rules() throws IOException {
    return TestFiles.folderNames(FIXTURES).stream();
  }

  @Test
  void everyRuleButTheCatchAllHasAFixture() throws IOException {
    // LEVEL_RELAXED, the TOPIC_ and the KEY_ rules compare catalogues, not two schemas: ContractsGateTest and
    // TopicRulesTest cover them.
    assertThat(rules()).containsExactlyInAnyOrderElementsOf(Arrays.stream(Rule.values())
        .filter(rule -> rule != Rule.INCOMPATIBLE && rule != Rule.LEVEL_RELAXED && !rule.name().startsWith("TOPIC_")
            && !rule.name().startsWith("KEY_"))
        .map(Rule::name).toList());
  }

  @ParameterizedTest
  @MethodSource("rules")
  void fixtureGivesExactlyItsRuleAtItsPathAndLines(String rule) throws IOException {
    Path folder = FIXTURES.resolve(rule);
    Properties expected = TestFiles.expected(folder);
    Path previousFile = Path.of(rule, "previous", "Subject.avsc");
    Path currentFile = Path.of(rule, "current", "Subject.avsc");
    SchemaSource previous = SchemaSource.parse(previousFile, Files.readString(FIXTURES.resolve(previousFile)));
    SchemaSource current = SchemaSource.parse(currentFile, Files.readString(FIXTURES.resolve(currentFile)));
    CompatibilityLevel level = CompatibilityLevel.valueOf(expected.getProperty("level"));

    CompatibilityReport report = new CompatibilityEngine()
        .check("payments-value", current, List.of(new SchemaVersion(1, previous)), level);

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule().name()).isEqualTo(rule);
      assertThat(v.level()).isEqualTo(level);
      assertThat(v.direction().name()).isEqualTo(expected.getProperty("direction"));
      assertThat(v.version()).isEqualTo(1);
      assertThat(v.path()).hasToString(expected.getProperty("path"));
      assertThat(v.candidateLocation()).map(Object::toString).contains(currentFile + ":" + expected.getProperty("candidate"));
      assertThat(v.baselineLocation()).map(Object::toString).contains(previousFile + ":" + expected.getProperty("baseline"));
      if (expected.containsKey("message")) {
        assertThat(v.message()).isEqualTo(expected.getProperty("message"));
      }
      if (expected.containsKey("fix")) {
        assertThat(v.fix()).isEqualTo(expected.getProperty("fix"));
      }
    });
    // The candidate is fine against itself: the fixture isolates exactly one change.
    assertThat(new CompatibilityEngine().check("s", current, List.of(new SchemaVersion(1, current)), level)
        .violations()).isEmpty();
  }

  /** JSON a fix quotes for the user to write: arrays of strings, "key": value pairs, quoted names. */
  private static final Pattern SNIPPET = Pattern.compile("\\[\"[^\\]]*\\]|\"[a-z]+\": ?(\"[^\"]*\"|[a-z0-9]+)|\"[A-Za-z_.]+\"");

  /**
   * Each rule's fix, applied by hand as a user would apply it ({@code fixed/Subject.avsc}, the first
   * way it offers, or the one with a snippet): every JSON snippet the fix quotes is in the fixed file,
   * the fixed file is a valid schema, and it passes against the earlier version at the fixture's level.
   */
  @ParameterizedTest
  @MethodSource("rules")
  void theFixAppliedAsWrittenIsValidAndPasses(String rule) throws IOException {
    Path folder = FIXTURES.resolve(rule);
    Properties expected = TestFiles.expected(folder);
    CompatibilityLevel level = CompatibilityLevel.valueOf(expected.getProperty("level"));
    SchemaSource previous = SchemaSource.parse(Path.of("previous.avsc"), Files.readString(folder.resolve("previous/Subject.avsc")));
    SchemaSource current = SchemaSource.parse(Path.of("current.avsc"), Files.readString(folder.resolve("current/Subject.avsc")));
    String fixedText = Files.readString(folder.resolve("fixed/Subject.avsc"));
    String fix = new CompatibilityEngine().check("s", current, List.of(new SchemaVersion(1, previous)), level)
        .violations().get(0).fix();

    SchemaSource fixed = SchemaSource.parse(Path.of("fixed.avsc"), fixedText);
    Matcher snippets = SNIPPET.matcher(fix);
    while (snippets.find()) {
      assertThat(fixedText.replaceAll("\\s", "")).as("the fix '%s' quotes %s", fix, snippets.group())
          .contains(snippets.group().replaceAll("\\s", ""));
    }
    assertThat(new CompatibilityEngine().check("s", fixed, List.of(new SchemaVersion(1, previous)), level).errors())
        .as("the fix '%s' applied", fix).isEmpty();
  }
}
