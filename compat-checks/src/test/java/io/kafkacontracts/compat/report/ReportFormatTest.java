package io.kafkacontracts.compat.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.CompatibilityEngine;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.source.SourceLocation;
import io.kafkacontracts.compat.source.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every format, word for word, for one violation and one problem. */
class ReportFormatTest {

  private static GateReport report() {
    SchemaSource v1 = SchemaSource.parse(Path.of("baseline/orders-value/1.avsc"), """
        {"type": "record", "name": "Order",
         "fields": [{"name": "id", "type": "string"}]}""");
    SchemaSource candidate = SchemaSource.parse(Path.of("schemas/avro/shop/Order.avsc"), """
        {"type": "record", "name": "Order",
         "fields": [
           {"name": "id", "type": "string"},
           {"name": "currency", "type": "string"}
         ]}""");
    CompatibilityReport orders = new CompatibilityEngine().check("orders-value", candidate,
        List.of(new SchemaVersion(1, v1)), CompatibilityLevel.BACKWARD);
    CompatibilityReport clean = new CompatibilityEngine().check("users-value", v1, List.of(), CompatibilityLevel.BACKWARD);
    Problem problem = new Problem("UNKNOWN_TYPE",
        new SourceLocation(Path.of("schemas/avro/a/B.avsc"), new SourcePosition(3, 7)), "unknown type 'C', <here>");
    return new GateReport("directory baseline", List.of(orders, clean), List.of(), List.of(problem), List.of());
  }

  @Test
  void text() {
    assertThat(ReportFormat.TEXT.render(report())).isEqualTo("""
        kafka-contracts: 1 violation in 1 of 2 subjects, 1 problem (baseline: directory baseline)
        schemas/avro/shop/Order.avsc:4:4: orders-value [BACKWARD, backward against version 1] FIELD_ADDED_WITHOUT_DEFAULT at /fields/currency
            field 'currency' of record 'Order' has no default, so the candidate cannot read data written with version 1, which lacks it
            fix: give field 'currency' a default, for example type ["null","string"] with default null
        schemas/avro/a/B.avsc:3:7: unknown type 'C', <here> [UNKNOWN_TYPE]
        """);
  }

  @Test
  void githubActionsAnnotations() {
    assertThat(ReportFormat.GITHUB.render(report())).isEqualTo(
        "::error file=schemas/avro/shop/Order.avsc,line=4,col=4,title=FIELD_ADDED_WITHOUT_DEFAULT in orders-value::"
            + "field 'currency' of record 'Order' has no default, so the candidate cannot read data written with "
            + "version 1, which lacks it (against version 1, BACKWARD). Fix: give field 'currency' a default, for "
            + "example type [\"null\",\"string\"] with default null\n"
            + "::error file=schemas/avro/a/B.avsc,line=3,col=7,title=UNKNOWN_TYPE::unknown type 'C', <here>\n");
  }

  @Test
  void junitXml() {
    assertThat(ReportFormat.JUNIT_XML.render(report())).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="kafka-contracts" tests="3" failures="2" errors="0" skipped="0">
          <testcase classname="compatibility" name="orders-value (BACKWARD)">
            <failure type="FIELD_ADDED_WITHOUT_DEFAULT" message="field 'currency' of record 'Order' has no default, so \
        the candidate cannot read data written with version 1, which lacks it">schemas/avro/shop/Order.avsc:4:4: \
        FIELD_ADDED_WITHOUT_DEFAULT at /fields/currency against version 1
        fix: give field 'currency' a default, for example type [&quot;null&quot;,&quot;string&quot;] with default null</failure>
          </testcase>
          <testcase classname="compatibility" name="users-value (BACKWARD)"/>
          <testcase classname="lint" name="contracts">
            <failure type="UNKNOWN_TYPE" message="unknown type 'C', &lt;here&gt;">schemas/avro/a/B.avsc:3:7: unknown \
        type 'C', &lt;here&gt; [UNKNOWN_TYPE]</failure>
          </testcase>
        </testsuite>
        """);
  }

  @Test
  void json() {
    assertThat(ReportFormat.JSON.render(report())).isEqualToIgnoringNewLines("""
        {
          "baseline" : "directory baseline",
          "violations" : 1,
          "fails" : true,
          "subjects" : [ {
            "subject" : "orders-value",
            "level" : "BACKWARD",
            "versionsChecked" : [ 1 ],
            "violations" : [ {
              "rule" : "FIELD_ADDED_WITHOUT_DEFAULT",
              "level" : "BACKWARD",
              "direction" : "BACKWARD",
              "version" : 1,
              "against" : "version 1",
              "path" : "/fields/currency",
              "avroLocation" : "/fields/1",
              "candidate" : {
                "file" : "schemas/avro/shop/Order.avsc",
                "line" : 4,
                "column" : 4
              },
              "baseline" : {
                "file" : "baseline/orders-value/1.avsc",
                "line" : 2,
                "column" : 12
              },
              "message" : "field 'currency' of record 'Order' has no default, so the candidate cannot read data written with version 1, which lacks it",
              "fix" : "give field 'currency' a default, for example type [\\"null\\",\\"string\\"] with default null"
            } ]
          }, {
            "subject" : "users-value",
            "level" : "BACKWARD",
            "versionsChecked" : [ ],
            "violations" : [ ]
          } ],
          "accepted" : [ ],
          "problems" : [ {
            "rule" : "UNKNOWN_TYPE",
            "file" : "schemas/avro/a/B.avsc",
            "line" : 3,
            "column" : 7,
            "message" : "unknown type 'C', <here>"
          } ],
          "notes" : [ ]
        }
        """);
  }
}
