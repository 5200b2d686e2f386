package io.kafkacontracts.serde.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Avro's writers, refusing what Avro would write although it breaks the schema: a {@code uuid}
 * string that is not a UUID, and a decimal with more digits than its precision (Avro checks a
 * {@code BigDecimal}'s precision but not the raw bytes of a generic record's). The refusal is an
 * {@link AvroTypeException}, to which Avro adds the field path as it unwinds. The check sits where
 * Avro converts a logical type's value (every such value passes there, generic or generated), so
 * other data costs nothing more.
 */
public final class ValidatingWriters {

  private ValidatingWriters() {}

  /** A writer for generated records. */
  public static DatumWriter<Object> specific(Schema schema, SpecificData model) {
    return new SpecificDatumWriter<>(schema, model) {
      @Override
      protected <T> Object convert(Schema schema, LogicalType logicalType, Conversion<T> conversion, Object datum) {
        check(schema, datum);
        return super.convert(schema, logicalType, conversion, datum);
      }

      @Override
      protected void writeEnum(Schema schema, Object datum, Encoder out) throws IOException {
        if (!(datum instanceof Enum<?>)) {
          checkSymbol(schema, datum);
        }
        super.writeEnum(schema, datum, out);
      }
    };
  }

  /** A writer for generic records and primitives. */
  public static DatumWriter<Object> generic(Schema schema, GenericData model) {
    return new GenericDatumWriter<>(schema, model) {
      @Override
      protected <T> Object convert(Schema schema, LogicalType logicalType, Conversion<T> conversion, Object datum) {
        check(schema, datum);
        return super.convert(schema, logicalType, conversion, datum);
      }

      @Override
      protected void writeEnum(Schema schema, Object datum, Encoder out) throws IOException {
        checkSymbol(schema, datum);
        super.writeEnum(schema, datum, out);
      }
    };
  }

  /**
   * An enum symbol the schema lacks, refused in words that name it: Avro 1.11 reports it as a null
   * ({@code null value for (non-nullable) Status}), which sends a producer looking for the wrong bug.
   */
  private static void checkSymbol(Schema schema, Object datum) {
    if (datum != null && !schema.hasEnumSymbol(datum.toString())) {
      throw new InvalidValue("'" + datum + "' is not a symbol of enum " + schema.getFullName() + " "
          + schema.getEnumSymbols());
    }
  }

  /**
   * A value its schema forbids. A generated record's converted fields let it through without the
   * field's name (the generic writer adds it as it unwinds): see {@link #withPath}.
   */
  static final class InvalidValue extends AvroTypeException {
    InvalidValue(String message) {
      super(message);
    }
  }

  /**
   * The failure with the path of the invalid value added, when the writer could not say it: found
   * by walking the datum again, which only a failed write pays for.
   */
  public static RuntimeException withPath(RuntimeException failure, Schema schema, Object datum, GenericData model) {
    boolean ours = false;
    for (Throwable cause = failure; cause != null && !ours; cause = cause.getCause()) {
      ours = cause instanceof InvalidValue;
    }
    if (!ours || String.valueOf(failure.getMessage()).contains(" in field ")) {
      return failure;
    }
    String path = locate(schema, datum, model, "");
    return path == null || path.isEmpty() ? failure
        : new AvroTypeException(failure.getMessage() + " in field " + path, failure);
  }

  private static String locate(Schema schema, Object datum, GenericData model, String at) {
    try {
      check(schema, datum);
    } catch (InvalidValue e) {
      return at;
    }
    if (datum == null) {
      return null;
    }
    switch (schema.getType()) {
      case RECORD -> {
        for (Schema.Field field : schema.getFields()) {
          String found = locate(field.schema(), model.getField(datum, field.name(), field.pos()), model,
              at.isEmpty() ? field.name() : at + "." + field.name());
          if (found != null) {
            return found;
          }
        }
      }
      case ARRAY -> {
        int index = 0;
        for (Object element : (Iterable<?>) datum) {
          String found = locate(schema.getElementType(), element, model, at + "[" + index++ + "]");
          if (found != null) {
            return found;
          }
        }
      }
      case MAP -> {
        for (java.util.Map.Entry<?, ?> entry : ((java.util.Map<?, ?>) datum).entrySet()) {
          String found = locate(schema.getValueType(), entry.getValue(), model, at + "[" + entry.getKey() + "]");
          if (found != null) {
            return found;
          }
        }
      }
      case UNION -> {
        return locate(schema.getTypes().get(model.resolveUnion(schema, datum)), datum, model, at);
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  private static void check(Schema schema, Object datum) {
    LogicalType logicalType = schema.getLogicalType();
    if (logicalType == null || datum == null) {
      return;
    }
    if (logicalType instanceof LogicalTypes.Decimal decimal) {
      checkDecimal(decimal, datum);
    } else if ("uuid".equals(logicalType.getName()) && datum instanceof CharSequence text && !isUuid(text)) {
      throw new InvalidValue("'" + text + "' is not a uuid (8-4-4-4-12 hexadecimal digits)");
    }
  }

  private static void checkDecimal(LogicalTypes.Decimal decimal, Object datum) {
    BigDecimal value;
    if (datum instanceof BigDecimal given) {
      if (given.scale() > decimal.getScale()) {
        return; // Avro refuses it for its scale, in its own words
      }
      value = given.setScale(decimal.getScale());
    } else if (datum instanceof ByteBuffer bytes) {
      ByteBuffer copy = bytes.duplicate();
      byte[] unscaled = new byte[copy.remaining()];
      copy.get(unscaled);
      value = unscaled.length == 0 ? BigDecimal.ZERO : new BigDecimal(new BigInteger(unscaled), decimal.getScale());
    } else if (datum instanceof GenericFixed fixed) {
      value = new BigDecimal(new BigInteger(fixed.bytes()), decimal.getScale());
    } else {
      return;
    }
    // precision() of a zero-valued decimal is 1, and digits right of the point count too.
    int digits = value.signum() == 0 ? 1 : value.precision();
    if (digits > decimal.getPrecision()) {
      throw new InvalidValue(value.toPlainString() + " has " + digits + " digits, more than the precision "
          + decimal.getPrecision() + " of decimal(" + decimal.getPrecision() + ", " + decimal.getScale() + ")");
    }
  }

  /** 8-4-4-4-12 hexadecimal digits, as RFC 4122 writes a UUID (java.util.UUID.fromString is more lenient). */
  static boolean isUuid(CharSequence text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
