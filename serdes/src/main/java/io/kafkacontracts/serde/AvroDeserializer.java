package io.kafkacontracts.serde;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import io.kafkacontracts.serde.internal.AvroReaders;
import io.kafkacontracts.serde.internal.BoundedBinaryDecoder;
import io.kafkacontracts.serde.internal.GenericModels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in Confluent's wire format, as Confluent's {@code KafkaAvroDeserializer} does.
 * Typed ({@link #forType}) it reads into one generated class or Java primitive, resolving data
 * written with older or newer versions of the contract; untyped it gives a {@code GenericRecord},
 * or the generated class the writer schema names when {@code specific.avro.reader} is true.
 *
 * <p>Bytes come from anyone: whatever they hold, the answer is a record or a
 * {@link SerializationException} naming the topic, the schema id when it was read, and what was
 * wrong, never an out-of-memory error, a stack overflow or a hang. Writer schemas are fetched once
 * per id and resolvers kept per writer id; decoders are reused per thread. Thread-safe.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

  private static final ThreadLocal<BoundedBinaryDecoder> DECODERS =
      ThreadLocal.withInitial(() -> new BoundedBinaryDecoder(new byte[0], 0, 0));

  private final Class<T> type;
  /** The model reading into {@code type}, when it is a generated class. */
  private final SpecificData typeModel;
  private SchemaRegistryClient registry;
  /** Whether configure built the registry client, so closing this closes it. */
  private boolean ownsRegistry;
  private SerdeConfig config;
  private boolean isKey;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
  /** Each reader's writer schema, to name a field when data fails (off the hot path). */
  private final Map<DatumReader<Object>, Schema> writers = new ConcurrentHashMap<>();
  /** Readers of records whose schema a Confluent 8 header names by its GUID. */
  private final Map<UUID, DatumReader<Object>> guidReaders = new ConcurrentHashMap<>();

  /** For Kafka's config-driven construction: generic records unless {@code specific.avro.reader}. */
  public AvroDeserializer() {
    this.type = null;
    this.typeModel = null;
  }

  /** With a registry of the caller's, e.g. one shared by several serdes. */
  public AvroDeserializer(SchemaRegistryClient registry) {
    this.type = null;
    this.typeModel = null;
    this.registry = requireNonNull(registry, "registry == null");
  }

  private AvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
    this.type = requireNonNull(type, "type == null");
    this.registry = registry;
    if (!SpecificRecord.class.isAssignableFrom(type) && Primitives.readerSchemaOf(type) == null) {
      throw new IllegalArgumentException(type.getName() + " is neither a generated Avro class nor an Avro primitive");
    }
    this.typeModel = SpecificRecord.class.isAssignableFrom(type) ? AvroReaders.modelOf(type) : null;
  }

  /** Reads into a generated class or a Java primitive (String, Integer, Long, ...). */
  public static <T> AvroDeserializer<T> forType(Class<T> type) {
    return new AvroDeserializer<>(type, null);
  }

  /** Reads into a generated class or a Java primitive, with a registry of the caller's. */
  public static <T> AvroDeserializer<T> forType(Class<T> type, SchemaRegistryClient registry) {
    return new AvroDeserializer<>(type, requireNonNull(registry, "registry == null"));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = SerdeConfig.parse(configs);
    this.isKey = isKey;
    if (registry == null) {
      registry = config.registry();
      ownsRegistry = true;
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null; // a tombstone
    }
    configured();
    int id = WireFormat.readSchemaId(topic, data);
    // The hot path: no allocation beyond Avro's own once the reader is cached.
    DatumReader<Object> reader = readers.get(id);
    if (reader == null) {
      reader = readerFor(topic, id, () -> registry.schemaById(id));
      readers.put(id, reader);
    }
    return decode(topic, id, reader, data, WireFormat.HEADER_SIZE);
  }

  /**
   * Reads a record whose schema id is in a header (Confluent 8's {@code __value_schema_id} /
   * {@code __key_schema_id}: byte 0x01 and the schema's 16-byte GUID, or byte 0x00 and a 4-byte id),
   * its value then the Avro body alone; without such a header, the prefix as ever. Never both: a
   * header-framed body is never read as if it began with a prefix (Confluent's
   * {@code DualSchemaIdDeserializer}). With {@code value.schema.id.deserializer} set to Confluent's
   * {@code PrefixSchemaIdDeserializer}, headers are not looked at.
   */
  @Override
  public T deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    configured();
    Header header = headers == null || !config.readsSchemaIdHeaders(isKey) ? null
        : headers.lastHeader(isKey ? WireFormat.KEY_SCHEMA_ID_HEADER : WireFormat.VALUE_SCHEMA_ID_HEADER);
    if (header == null || header.value() == null) {
      return deserialize(topic, data);
    }
    byte[] id = header.value();
    if (id.length == WireFormat.HEADER_SIZE && id[0] == WireFormat.MAGIC_BYTE) {
      int schemaId = WireFormat.readSchemaId(topic, id);
      return decode(topic, schemaId, reader(readers, schemaId, () ->
          readerFor(topic, schemaId, () -> registry.schemaById(schemaId))), data, 0);
    }
    if (id.length == WireFormat.GUID_HEADER_SIZE && id[0] == WireFormat.MAGIC_BYTE_GUID) {
      ByteBuffer bytes = ByteBuffer.wrap(id, 1, 16);
      UUID guid = new UUID(bytes.getLong(), bytes.getLong());
      return decode(topic, guid, reader(guidReaders, guid, () ->
          readerFor(topic, guid, () -> registry.schemaByGuid(guid))), data, 0);
    }
    throw new SerializationException("Cannot deserialize a record of topic '" + topic + "': its header '"
        + header.key() + "' holds " + id.length + " bytes" + (id.length == 0 ? "" : " starting with 0x"
        + String.format("%02x", id[0] & 0xff)) + ", neither a schema id (0x00 and 4 bytes) nor a schema GUID "
        + "(0x01 and 16 bytes)");
  }

  /** The cached reader of a writer schema, made (outside any lock: it may ask the registry) on first use. */
  private static <K> DatumReader<Object> reader(Map<K, DatumReader<Object>> cache, K key,
      Supplier<DatumReader<Object>> make) {
    DatumReader<Object> reader = cache.get(key);
    if (reader == null) {
      reader = make.get();
      cache.put(key, reader);
    }
    return reader;
  }

  private void configured() {
    if (config == null) {
      throw new IllegalStateException("configure the deserializer before use");
    }
  }

  /**
   * The record in {@code data} from {@code offset} on, read with the reader of its writer schema,
   * named in failures by {@code schema}: its id (an Integer) or GUID.
   */
  private T decode(String topic, Object schema, DatumReader<Object> reader, byte[] data, int offset) {
    BoundedBinaryDecoder decoder = DECODERS.get().reset(data, offset, data.length - offset);
    Object datum;
    try {
      datum = reader.read(null, decoder);
    } catch (BoundedBinaryDecoder.InvalidUtf8Exception e) {
      throw invalidUtf8(topic, schema, reader, data, offset, e);
    } catch (IOException | RuntimeException e) {
      // Whatever Avro throws on malformed data: EOF, bad union or enum index, bad lengths, depth.
      throw new SerializationException(failure(topic, schema) + "malformed Avro data: " + describe(e), e);
    }
    if (decoder.remaining() > 0) {
      throw new SerializationException(failure(topic, schema) + decoder.remaining()
          + " trailing bytes after the record (is it framed right?)");
    }
    return cast(datum);
  }

  @SuppressWarnings("unchecked")
  private T cast(Object datum) {
    // Typed for String, or untyped: a top-level string is a java.lang.String, as Confluent's gives it.
    if ((type == String.class || type == null) && datum instanceof Utf8 utf8) {
      return (T) utf8.toString();
    }
    // Typed for byte[], or untyped: top-level bytes are a byte[], as Confluent's gives them.
    if ((type == byte[].class || type == null) && datum instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return (T) bytes;
    }
    return (T) datum;
  }

  /** Out of the hot path: names the field whose string is not UTF-8. */
  private SerializationException invalidUtf8(String topic, Object schema, DatumReader<Object> reader, byte[] data,
      int offset, RuntimeException e) {
    String field = "";
    try {
      field = AvroReaders.fieldWithInvalidUtf8(writers.get(reader), data, offset, data.length - offset);
    } catch (RuntimeException unknown) {
      // the field stays unnamed; the failure itself is what matters
    }
    return new SerializationException(failure(topic, schema) + e.getMessage()
        + (field.isEmpty() ? "" : " in field " + field), e);
  }

  private static String failure(String topic, Object schema) {
    return "Cannot deserialize a record of topic '" + topic + "' with schema " + (schema instanceof UUID ? "GUID "
        : "id ") + schema + ": ";
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (e instanceof IndexOutOfBoundsException) {
      // Avro indexes its symbol and branch tables with the number the data gives.
      return "an enum symbol or union branch index is out of range (" + message + ")";
    }
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  private DatumReader<Object> readerFor(String topic, Object schema, Supplier<RegistrySchema> fetch) {
    Schema writer;
    try {
      RegistrySchema registered = fetch.get();
      if (!RegistrySchema.AVRO.equals(registered.schemaType())) {
        throw new SerializationException(failure(topic, schema) + "it is a " + registered.schemaType()
            + " schema, not Avro");
      }
      writer = RegistryAvro.parse(registry, registered);
    } catch (SchemaRegistryException e) {
      boolean byGuid = schema instanceof UUID;
      String why = e.errorCode() == 40403 ? "the registry has no schema with this " + (byGuid ? "GUID" : "id")
          : byGuid && e.status() == 404 ? "the registry has no GUIDs (" + e.getMessage() + "): Confluent 8's "
              + "header-framed records need a registry that gives schemas GUIDs"
          : e.getMessage();
      throw new SerializationException(failure(topic, schema) + why, e);
    } catch (SerializationException e) {
      throw e;
    } catch (IllegalStateException e) {
      throw e; // the registry client was closed: a deserializer used after close, not a bad schema
    } catch (RuntimeException e) {
      throw new SerializationException(failure(topic, schema) + "the registry's schema does not parse: " + describe(e),
          e);
    }
    Schema readerSchema;
    GenericData model;
    if (type != null && SpecificRecord.class.isAssignableFrom(type)) {
      SpecificData specific = typeModel;
      model = specific;
      readerSchema = specific.getSchema(type);
    } else if (type != null) {
      model = GenericData.get();
      readerSchema = Primitives.readerSchemaOf(type);
    } else if (config.specificReader() && writer.getType() == Schema.Type.RECORD) {
      Class<?> generated = SpecificData.get().getClass(writer);
      if (generated == null) {
        throw new SerializationException(failure(topic, schema) + "specific.avro.reader is set but no generated class "
            + writer.getFullName() + " is on the class path");
      }
      SpecificData specific = SpecificData.getForClass(generated);
      model = specific;
      readerSchema = specific.getSchema(generated);
    } else {
      model = GenericModels.of(config.logicalTypeConverters());
      readerSchema = writer;
    }
    SchemaCompatibility.SchemaPairCompatibility fit = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
    if (fit.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException(failure(topic, schema) + "data written as " + writer.getFullName()
          + " cannot be read as " + (type == null ? readerSchema.getFullName() : type.getName()) + ": "
          + fit.getResult().getIncompatibilities().get(0).getMessage() + " at "
          + fit.getResult().getIncompatibilities().get(0).getLocation());
    }
    DatumReader<Object> reader = AvroReaders.reader(writer, readerSchema, model, config.maxNestingDepth());
    writers.put(reader, writer);
    return reader;
  }

  /** Closes the registry client if configure built it; a client given to the constructor is its owner's to close. */
  @Override
  public void close() {
    if (ownsRegistry) {
      registry.close();
    }
  }
}
