package io.kafkacontracts.compat.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.CompatibilityEngine;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.Severity;
import io.kafkacontracts.compat.source.SourceLocation;
import io.kafkacontracts.compat.source.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format, word for word against its golden file under {@code src/test/resources/report/}:
 * one cause breaking two subjects (one of them against two versions), a warning, an error problem
 * and a warning problem. After an intended change of words, {@code -Dgolden.update=true} rewrites
 * the files; review their diff like code.
 */
class ReportFormatTest {

  private static final Path GOLDEN = Path.of("src/test/resources/report");

  private static SchemaSource order(String file, String extraFields) {
    return SchemaSource.parse(Path.of(file), """
        {"type": "record", "name": "Order",
         "fields": [
           {"name": "id", "type": "string"},
           {"name": "channel", "type": "string", "default": "%s"}%s
         ]}""".formatted(extraFields.isEmpty() ? "web" : "shop", extraFields));
  }

  static GateReport report() {
    SchemaSource v1 = order("baseline/orders-value/1.avsc", "");
    SchemaSource candidate = order("schemas/avro/shop/Order.avsc", """
        ,
           {"name": "currency", "type": "string"}""");
    CompatibilityEngine engine = new CompatibilityEngine();
    CompatibilityReport orders = engine.check("orders-value", candidate,
        List.of(new SchemaVersion(1, v1), new SchemaVersion(2, v1)), CompatibilityLevel.BACKWARD_TRANSITIVE);
    CompatibilityReport archive = engine.check("orders-archive-value", candidate, List.of(new SchemaVersion(4, v1)),
        CompatibilityLevel.BACKWARD);
    CompatibilityReport clean = engine.check("users-value", v1, List.of(), CompatibilityLevel.BACKWARD);
    Problem error = Problem.error("UNKNOWN_TYPE",
        new SourceLocation(Path.of("schemas/avro/a/B.avsc"), new SourcePosition(3, 7)), "unknown type 'C', <here>");
    Problem warning = new Problem("FIELD_DOC", Severity.WARNING,
        new SourceLocation(Path.of("schemas/avro/a/B.avsc"), new SourcePosition(5, 7)), "field 'x' has no doc");
    return new GateReport("directory baseline", List.of(orders, archive, clean), List.of(), List.of(error, warning),
        List.of());
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void rendersAsItsGoldenFile(ReportFormat format) throws IOException {
    Path golden = GOLDEN.resolve("gate." + format.name().toLowerCase(java.util.Locale.ROOT));
    String rendered = format.render(report());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, rendered, StandardCharsets.UTF_8);
    }
    assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
