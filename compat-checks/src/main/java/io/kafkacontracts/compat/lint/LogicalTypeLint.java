package io.kafkacontracts.compat.lint;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkacontracts.compat.source.Pointers;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Finds logical types that Avro silently drops: a logical type on a base type that cannot carry it
 * (a {@code uuid} on an {@code int}), and a decimal whose scale or precision is invalid. Avro then
 * reads the field as its plain base type, so generated code and registered schema quietly lose the
 * meaning the author wrote. Unknown logical type names are allowed (the spec permits custom ones).
 */
final class LogicalTypeLint {

  /** Known logical types and the base types that may carry them ("fixed" means any fixed). */
  private static final Map<String, Set<String>> CARRIERS = Map.ofEntries(
      Map.entry("decimal", Set.of("bytes", "fixed")),
      Map.entry("big-decimal", Set.of("bytes")),
      Map.entry("uuid", Set.of("string", "fixed")),
      Map.entry("date", Set.of("int")),
      Map.entry("time-millis", Set.of("int")),
      Map.entry("time-micros", Set.of("long")),
      Map.entry("timestamp-millis", Set.of("long")),
      Map.entry("timestamp-micros", Set.of("long")),
      Map.entry("timestamp-nanos", Set.of("long")),
      Map.entry("local-timestamp-millis", Set.of("long")),
      Map.entry("local-timestamp-micros", Set.of("long")),
      Map.entry("local-timestamp-nanos", Set.of("long")),
      Map.entry("duration", Set.of("fixed")));

  private LogicalTypeLint() {}

  /** Reports each problem as (pointer of the logicalType property, message). */
  static void check(JsonNode node, JsonPointer at, BiConsumer<JsonPointer, String> problem) {
    check(node, at.toString(), problem);
  }

  private static void check(JsonNode node, String at, BiConsumer<JsonPointer, String> problem) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), Pointers.index(at, i), problem);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode logical = node.get("logicalType");
    JsonNode type = node.get("type");
    if (logical != null && logical.isTextual() && type != null && type.isTextual()) {
      checkOne(node, logical.asText(), type.asText(), JsonPointer.compile(at + "/logicalType"), problem);
    }
    node.fields().forEachRemaining(e -> check(e.getValue(), Pointers.property(at, e.getKey()), problem));
  }

  private static void checkOne(JsonNode node, String logical, String type, JsonPointer at,
      BiConsumer<JsonPointer, String> problem) {
    Set<String> carriers = CARRIERS.get(logical);
    if (carriers == null) {
      return;
    }
    if (!carriers.contains(type)) {
      problem.accept(at, "logicalType '" + logical + "' on type '" + type + "' is ignored by Avro, which then "
          + "reads plain " + type + "; " + logical + " needs " + String.join(" or ", carriers.stream().sorted().toList()));
      return;
    }
    if (logical.equals("uuid") && type.equals("fixed") && node.path("size").asInt() != 16) {
      problem.accept(at, "logicalType 'uuid' on a fixed of size " + node.path("size").asInt()
          + " is ignored by Avro; a uuid fixed has size 16");
    } else if (logical.equals("duration") && node.path("size").asInt() != 12) {
      problem.accept(at, "logicalType 'duration' on a fixed of size " + node.path("size").asInt()
          + " is ignored by Avro; a duration fixed has size 12");
    } else if (logical.equals("decimal")) {
      JsonNode precision = node.get("precision");
      JsonNode scale = node.get("scale");
      if (precision == null || !precision.canConvertToInt() || precision.intValue() < 1) {
        problem.accept(at, "decimal without a positive 'precision' is ignored by Avro, which then reads plain "
            + type + "; give it a precision, e.g. \"precision\": 12");
      } else if (scale != null && (!scale.canConvertToInt() || scale.intValue() < 0
          || scale.intValue() > precision.intValue())) {
        problem.accept(at, "decimal with scale " + scale + " and precision " + precision.intValue()
            + " is ignored by Avro, which then reads plain " + type + "; the scale must be between 0 and the precision");
      } else if (type.equals("fixed") && node.path("size").canConvertToInt()
          && precision.intValue() > maxDigits(node.path("size").intValue())) {
        problem.accept(at, "decimal with precision " + precision.intValue() + " does not fit a fixed of size "
            + node.path("size").intValue() + " (at most " + maxDigits(node.path("size").intValue())
            + " digits) and is ignored by Avro; lower the precision or grow the fixed");
      }
    }
  }

  /** The most decimal digits a two's-complement number of this many bytes always holds. */
  private static int maxDigits(int size) {
    return (int) Math.floor(Math.log10(Math.pow(2, 8 * size - 1) - 1));
  }
}
