package io.kafkacontracts.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** The Avro primitive schemas Java values map to, as Confluent's serializer maps them. */
final class Primitives {

  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  /** Read as java.lang.String rather than Avro's Utf8. */
  private static final Schema JAVA_STRING = Schema.create(Schema.Type.STRING);
  private static final Schema INT = Schema.create(Schema.Type.INT);
  private static final Schema LONG = Schema.create(Schema.Type.LONG);
  private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
  private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
  private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
  private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

  static {
    GenericData.setStringType(JAVA_STRING, GenericData.StringType.String);
  }

  private Primitives() {}

  /** The schema values of a class are written with, or null when it is no Avro primitive. */
  static Schema schemaOf(Class<?> type) {
    if (CharSequence.class.isAssignableFrom(type)) {
      return STRING;
    }
    if (type == Integer.class) {
      return INT;
    }
    if (type == Long.class) {
      return LONG;
    }
    if (type == Float.class) {
      return FLOAT;
    }
    if (type == Double.class) {
      return DOUBLE;
    }
    if (type == Boolean.class) {
      return BOOLEAN;
    }
    if (type == byte[].class || ByteBuffer.class.isAssignableFrom(type)) {
      return BYTES;
    }
    return null;
  }

  /** The schema to read values of a class with; java.lang.String is read as String, not Utf8. */
  static Schema readerSchemaOf(Class<?> type) {
    return type == String.class ? JAVA_STRING : schemaOf(type);
  }
}
