package io.kafkacontracts.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: byte 0 is the magic byte {@code 0x00}, bytes 1-4 the schema id as a
 * big-endian int, the rest the Avro binary body. Stateless.
 */
public final class WireFormat {

  /** The only magic byte Confluent's format has. */
  public static final byte MAGIC_BYTE = 0x0;
  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 5;
  /** Confluent 8's record headers holding a schema id instead of the prefix. */
  public static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";
  public static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";
  /** The header's first byte when a GUID follows (0x00: a 4-byte id, as in the prefix). */
  public static final byte MAGIC_BYTE_GUID = 0x1;
  /** A GUID header's size: its byte and the 16-byte GUID. */
  public static final int GUID_HEADER_SIZE = 17;

  private WireFormat() {}

  /** Writes the header for a schema id into the first five bytes of {@code target}. */
  public static void writeHeader(byte[] target, int schemaId) {
    target[0] = MAGIC_BYTE;
    target[1] = (byte) (schemaId >>> 24);
    target[2] = (byte) (schemaId >>> 16);
    target[3] = (byte) (schemaId >>> 8);
    target[4] = (byte) schemaId;
  }

  /**
   * Reads and checks the header of a record's bytes; returns the schema id.
   *
   * @throws SerializationException naming the topic and what is wrong: no or short data, a wrong
   *     magic byte, a negative or zero schema id (registries start ids at 1)
   */
  public static int readSchemaId(String topic, byte[] data) {
    if (data == null || data.length == 0) {
      throw new SerializationException("Cannot deserialize a record of topic '" + topic
          + "': it is empty, not in the Confluent wire format (magic byte, 4-byte schema id, Avro body)");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException("Cannot deserialize a record of topic '" + topic + "': unknown magic byte 0x"
          + String.format("%02x", data[0] & 0xff) + " (expected 0x00 of the Confluent wire format)");
    }
    if (data.length < HEADER_SIZE) {
      throw new SerializationException("Cannot deserialize a record of topic '" + topic + "': " + data.length
          + " bytes are too short for the Confluent wire format header (5 bytes)");
    }
    int id = ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    if (id <= 0) {
      throw new SerializationException("Cannot deserialize a record of topic '" + topic + "' with schema id " + id
          + ": schema ids are positive");
    }
    return id;
  }
}
