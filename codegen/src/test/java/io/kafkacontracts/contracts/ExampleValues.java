package io.kafkacontracts.contracts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Builds a fully populated instance of a generated class: every field set, unions on their
 * non-null branch, collections with two elements, logical types as the class's Java types.
 * Values vary with a seed so that two fields of one type are not equal by accident.
 */
public final class ExampleValues {

  private final SpecificData model;
  private int seed;

  public ExampleValues(SpecificData model) {
    this.model = model;
  }

  public Object of(Schema schema) {
    seed++;
    LogicalType logical = schema.getLogicalType();
    if (logical != null && model.getConversionFor(logical) != null) {
      return logicalValue(schema, logical);
    }
    return switch (schema.getType()) {
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.pos(), of(field.schema()));
        }
        yield record;
      }
      case ENUM -> model.createEnum(schema.getEnumSymbols().get(schema.getEnumSymbols().size() - 1), schema);
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        items.add(of(schema.getElementType()));
        items.add(of(schema.getElementType()));
        yield items;
      }
      case MAP -> {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("first-" + seed, of(schema.getValueType()));
        entries.put("second-" + seed, of(schema.getValueType()));
        yield entries;
      }
      case UNION -> of(schema.getTypes().stream()
          .filter(branch -> branch.getType() != Schema.Type.NULL)
          .findFirst()
          .orElseThrow());
      case FIXED -> model.createFixed(null, new byte[schema.getFixedSize()], schema);
      case STRING -> "text-" + seed;
      case BYTES -> ByteBuffer.wrap(("bytes-" + seed).getBytes(StandardCharsets.UTF_8));
      case INT -> seed;
      case LONG -> 10_000_000_000L + seed;
      case FLOAT -> seed + 0.5f;
      case DOUBLE -> seed + 0.25;
      case BOOLEAN -> seed % 2 == 0;
      case NULL -> null;
    };
  }

  private Object logicalValue(Schema schema, LogicalType logical) {
    return switch (logical.getName()) {
      case "uuid" -> UUID.nameUUIDFromBytes(("uuid-" + seed).getBytes(StandardCharsets.UTF_8));
      case "timestamp-millis" -> Instant.ofEpochMilli(1_735_207_200_000L + seed);
      case "decimal" -> new BigDecimal(BigInteger.valueOf(123_456L + seed),
          ((LogicalTypes.Decimal) logical).getScale());
      default -> throw new AssertionError("no example value for logical type " + logical.getName()
          + " in " + schema + "; teach ExampleValues about it");
    };
  }
}
