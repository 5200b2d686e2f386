package io.kafkacontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), Map.of("orders-value", 3), TODAY);

    assertThat(outcome.failing()).singleElement().satisfies(r -> assertThat(r.violations()).isEmpty());
    assertThat(outcome.accepted()).singleElement().satisfies(a -> {
      assertThat(a.violation().rule()).isEqualTo(Rule.FIELD_ADDED_WITHOUT_DEFAULT);
      assertThat(a.entry().reason()).isEqualTo("all consumers upgraded (INC-1)");
    });
    assertThat(outcome.problems()).isEmpty();
  }

  @Test
  void anEntryOutOfForceNoLongerAcceptsAndIsReported() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        accepted:
          - subject: orders-value
            rule: FIELD_ADDED_WITHOUT_DEFAULT
            path: /fields/currency
            reason: for version 3 only
            untilVersion: 3
        """, FILE);

    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), Map.of("orders-value", 3), TODAY);

    assertThat(outcome.failing().get(0).violations()).hasSize(1);
    assertThat(outcome.problems()).extracting(Problem::toString).containsExactly(
        "schemas/accepted-breaks.yaml:2:5: the accepted break of FIELD_ADDED_WITHOUT_DEFAULT at /fields/currency in "
            + "subject 'orders-value' has run out (the subject reached version 3); remove it, and fix the violation "
            + "it was hiding [ACCEPTED_BREAK_EXPIRED]");
  }

  @Test
  void anEntryThatMatchesNothingIsReportedSoTheListCannotRot() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        accepted:
          - subject: orders-value
            rule: FIELD_TYPE_CHANGED
            path: /fields/id/type
            reason: old
            expires: 2027-01-01
        """, FILE);

    AcceptedBreaks.Outcome outcome = breaks.apply(List.of(orders()), Map.of("orders-value", 3), TODAY);

    assertThat(outcome.problems()).extracting(Problem::toString).containsExactly(
        "schemas/accepted-breaks.yaml:2:5: the accepted break of FIELD_TYPE_CHANGED at /fields/id/type in subject "
            + "'orders-value' matches no violation; remove it [ACCEPTED_BREAK_UNUSED]");
  }

  @Test
  void badEntriesAreProblemsWithTheirLine() {
    AcceptedBreaks breaks = AcceptedBreaks.parse("""
        accepted:
          - subject: orders-value
            rule: FIELD_GONE
            path: /fields/currency
        """, FILE);

    assertThat(breaks.apply(List.of(), Map.of(), TODAY).problems()).extracting(Problem::toString).containsExactly(
        "schemas/accepted-breaks.yaml:2:5: accepted break 1: missing 'reason'; unknown rule 'FIELD_GONE'; give the "
            + "entry a bound: 'expires' (a date) or 'untilVersion' (a version number) [ACCEPTED_BREAKS_INVALID]");
  }
}
