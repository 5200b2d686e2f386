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

      /** A generated record's converted fields skip the generic writer's path: add it as that does. */
      @Override
      protected void writeField(Object datum, Schema.Field field, Encoder out, Object state) throws IOException {
        try {
          super.writeField(datum, field, out, state);
        } catch (AvroTypeException e) {
          String step = " in field " + field.name();
          throw e.getMessage() != null && e.getMessage().endsWith(step) ? e
              : new AvroTypeException(e.getMessage() + step, e);
        }
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
    };
  }

  private static void check(Schema schema, Object datum) {
    LogicalType logicalType = schema.getLogicalType();
    if (logicalType == null || datum == null) {
      return;
    }
    if (logicalType instanceof LogicalTypes.Decimal decimal) {
      checkDecimal(decimal, datum);
    } else if ("uuid".equals(logicalType.getName()) && datum instanceof CharSequence text && !isUuid(text)) {
      throw new AvroTypeException("'" + text + "' is not a uuid (8-4-4-4-12 hexadecimal digits)");
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
      throw new AvroTypeException(value.toPlainString() + " has " + digits + " digits, more than the precision "
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
