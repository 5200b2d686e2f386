package io.kafkacontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedBreaksTest {

  private static final Path FILE = Path.of("schemas/accepted-breaks.yaml");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private static CompatibilityReport orders() {
    SchemaSource v1 = SchemaSource.parse(Path.of("v1.avsc"),
        "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}");
    SchemaSource candidate = SchemaSource.parse(Path.of("Order.avsc"),
        "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"},"
            + " {\"name\": \"currency\", \"type\": \"string\"}]}");
    return new CompatibilityEngine().check("orders-value", candidate,
        List.of(new SchemaVersion(3, v1)), CompatibilityLevel.BACKWARD);
  }

  private static final String BASELINE = "git origin/main (abc1234)";

  @Test
  void aListedViolationBecomesANote() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        accepted:
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/currency
            reason: all consumers upgraded (INC-1)
            expires: 2026-12-31
        """, FILE);

    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), TODAY, BASELINE);

    assertThat(outcome.failing()).singleElement().satisfies(r -> assertThat(r.violations()).isEmpty());
    assertThat(outcome.accepted()).singleElement().satisfies(a -> {
      assertThat(a.violation().rule()).isEqualTo(Rule.FIELD_ADDED_WITHOUT_DEFAULT);
      assertThat(a.entry().reason()).isEqualTo("all consumers upgraded (INC-1)");
    });
    assertThat(outcome.problems()).isEmpty();
  }

  @Test
  void anEntryNeedsNoBound() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        accepted:
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/currency
            reason: all consumers upgraded (INC-1)
        """, FILE);

    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), TODAY, BASELINE);

    assertThat(outcome.accepted()).hasSize(1);
    assertThat(outcome.problems()).isEmpty();
  }

  @Test
  void anExpiredEntryLetsNothingThroughAndIsAWarning() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        accepted:
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/currency
            reason: for November only
            expires: 2026-11-22
        """, FILE);

    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), TODAY, BASELINE);

    assertThat(outcome.failing().get(0).violations()).hasSize(1);
    assertThat(outcome.problems()).extracting(Problem::toString).containsExactly(
        "schemas/accepted-breaks.yaml:2:5: warning: the accepted break of FIELD_ADDED_WITHOUT_DEFAULT at "
            + "/fields/currency in subject 'orders-value' expired on 2026-11-22, so the violation it accepted fails "
            + "again: fix it, or give the entry a later 'expires' with the reason it still holds [ACCEPTED_BREAK_EXPIRED]");
  }

  @Test
  void anEntryThatMatchesNothingIsSpentAndNamesTheLinesToDelete() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        # intentional breaks
        accepted:
          - subject: orders-value
            rule: FIELD_TYPE_CHANGED
            path: /fields/id/type
            reason: old
            expires: 2027-01-01

          # the next one
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/currency
            reason: new
        """, FILE);

    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), TODAY, BASELINE);

    assertThat(outcome.accepted()).hasSize(1);
    assertThat(outcome.problems()).extracting(Problem::toString).containsExactly(
        "schemas/accepted-breaks.yaml:3:5: warning: the accepted break of FIELD_TYPE_CHANGED at /fields/id/type in "
            + "subject 'orders-value' matches no violation against git origin/main (abc1234): the baseline already "
            + "holds the change it accepted (or it never matched one); delete lines 3-7 of "
            + "schemas/accepted-breaks.yaml [ACCEPTED_BREAK_SPENT]");
    assertThat(outcome.problems()).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void spentEntriesAreDeletedLineByLineAndEverythingElseStays() {
    String text = """
        # intentional breaks
        accepted:
          - subject: orders-value
            rule: FIELD_TYPE_CHANGED
            path: /fields/id/type
            reason: old

          # still needed
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/currency
            reason: new
        """;
    AcceptedBreaks breaks = AcceptedBreaks.parse(text, FILE);
    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), TODAY, BASELINE);

    List<AcceptedBreaks.Entry> spent = breaks.spent(outcome.problems());

    assertThat(spent).extracting(AcceptedBreaks.Entry::rule).containsExactly(Rule.FIELD_TYPE_CHANGED);
    assertThat(AcceptedBreaks.without(text, spent)).isEqualTo("""
        # intentional breaks
        accepted:

          # still needed
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/currency
            reason: new
        """);
    assertThat(AcceptedBreaks.parse(AcceptedBreaks.without(text, spent), FILE).apply(List.of(orders()), TODAY, BASELINE)
        .problems()).isEmpty();
  }

  @Test
  void untilVersionIsIgnoredWithAWarningAtItsLine() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        accepted:
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/currency
            reason: for version 3
            untilVersion: 3
        """, FILE);

    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), TODAY, BASELINE);

    assertThat(outcome.accepted()).hasSize(1);
    assertThat(outcome.problems()).extracting(Problem::toString).containsExactly(
        "schemas/accepted-breaks.yaml:6:19: warning: accepted break 1: 'untilVersion' is ignored: git and a registry "
            + "number versions differently, so an entry now lasts while the baseline lacks the change it accepts, and "
            + "is reported for deletion once the baseline holds it; delete this line (use 'expires' for a date) "
            + "[ACCEPTED_BREAKS_DEPRECATED]");
  }

  @Test
  void aListWithEveryEntryDeletedIsEmpty() {
    assertThat(AcceptedBreaks.parse("accepted:\n", FILE).apply(List.of(orders()), TODAY, BASELINE).problems())
        .isEmpty();
  }

  @Test
  void badEntriesAreProblemsWithTheirLine() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        accepted:
          - subject: orders-value
            rule: FIELD_GONE
            path: /fields/currency
        """, FILE);

    assertThat(breaks.apply(List.of(), TODAY, BASELINE).problems()).extracting(Problem::toString).containsExactly(
        "schemas/accepted-breaks.yaml:2:5: accepted break 1: missing 'reason'; unknown rule 'FIELD_GONE' "
            + "[ACCEPTED_BREAKS_INVALID]");
  }
}
