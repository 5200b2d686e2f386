package io.kafkacontracts.serde;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.JavaOnlyProperties;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import io.kafkacontracts.serde.internal.AvroReaders;
import io.kafkacontracts.serde.internal.BoundedBinaryDecoder;
import io.kafkacontracts.serde.internal.GenericModels;
import io.kafkacontracts.serde.internal.ValidatingWriters;
import io.kafkacontracts.serde.internal.RecordBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated (specific) records, generic records and Avro primitives (null, Boolean,
 * Integer, Long, Float, Double, CharSequence, byte[], ByteBuffer) in Confluent's wire format, as
 * Confluent's {@code KafkaAvroSerializer} does, configured with its keys ({@link SerdeConfig}).
 *
 * <p>The schema registered or looked up is the contract as written: Java-only properties such as
 * {@code avro.java.string} are stripped, so it matches what CI registered. After the first record
 * of a schema on a topic, serializing makes no registry call and parses nothing; the encoder and
 * buffer are reused per thread. Thread-safe: producers call it from many threads.
 */
public class AvroSerializer<T> implements Serializer<T> {

  private SchemaRegistryClient registry;
  /** Whether configure built the registry client, so closing this closes it. */
  private boolean ownsRegistry;
  private SerdeConfig config;
  private boolean isKey;
  /** topic → record schema → where it goes: a schema may map to different subjects on different topics. */
  private final Map<String, Map<Schema, Target>> targets = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

  /**
   * The schema id to frame records with, and the registered schema to rewrite them into when it is
   * not the record's own (use.latest.version with an older or newer contract); null otherwise.
   * Kept for the serializer's life, as Confluent keeps the latest version by default.
   */
  private record Target(int id, Schema rewriteInto, DatumReader<Object> rewriter) {}

  /** For Kafka's config-driven construction: the registry comes from {@code schema.registry.url}. */
  public AvroSerializer() {}

  /** With a registry of the caller's, e.g. one shared by several serdes. */
  public AvroSerializer(SchemaRegistryClient registry) {
    this.registry = requireNonNull(registry, "registry == null");
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
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("configure the serializer before use");
    }
    Schema schema = schemaOf(topic, data);
    Map<Schema, Target> topicTargets = targets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
    Target target = topicTargets.get(schema);
    if (target == null) {
      target = target(topic, schema);
      topicTargets.put(schema, target);
    }
    Object datum = data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data;
    try {
      RecordBuffer buffer = RecordBuffer.forThisThread();
      writer(schema, datum).write(datum, buffer.encoder());
      if (target.rewriteInto != null) {
        byte[] own = buffer.toRecord(0);
        Object rewritten = target.rewriter.read(null,
            new BoundedBinaryDecoder(own, WireFormat.HEADER_SIZE, own.length - WireFormat.HEADER_SIZE));
        buffer = RecordBuffer.forThisThread();
        writer(target.rewriteInto, rewritten).write(rewritten, buffer.encoder());
      }
      return buffer.toRecord(target.id);
    } catch (IOException | RuntimeException e) {
      throw failure(topic, schema, datum, e);
    }
  }

  /** Out of the hot path: a record Avro could not write, with the path of the value at fault. */
  private SerializationException failure(String topic, Schema schema, Object datum, Exception e) {
    Throwable failure = e instanceof RuntimeException runtime ? ValidatingWriters.withPath(runtime, schema, datum,
        datum instanceof SpecificRecord ? SpecificData.getForSchema(schema)
            : GenericModels.of(config.logicalTypeConverters())) : e;
    return new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic '" + topic
        + "' (subject '" + subject(topic, schema) + "'): " + failure.getMessage(), failure);
  }

  /**
   * Generated classes carry their logical-type conversions in their own model; generic data has
   * them only with {@code avro.use.logical.type.converters}.
   */
  private DatumWriter<Object> writer(Schema schema, Object datum) {
    return datum instanceof SpecificRecord
        ? specificWriters.computeIfAbsent(schema, s -> ValidatingWriters.specific(s, SpecificData.getForSchema(s)))
        : genericWriters.computeIfAbsent(schema,
            s -> ValidatingWriters.generic(s, GenericModels.of(config.logicalTypeConverters())));
  }

  private String subject(String topic, Schema schema) {
    return config.subject(topic, isKey, schema.getFullName());
  }

  /** Where a schema's records go on a topic, asking the registry once per topic and schema. */
  private Target target(String topic, Schema schema) {
    String subject = subject(topic, schema);
    Schema contract = JavaOnlyProperties.strip(schema);
    try {
      if (config.useLatestVersion()) {
        RegisteredSchema newest = registry.latestVersion(subject);
        Schema newer;
        try {
          newer = RegistryAvro.parse(registry, newest.schema());
        } catch (AvroRuntimeException e) {
          throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic '" + topic
              + "': the latest version " + newest.version() + " (id " + newest.id() + ") of subject '" + subject
              + "' does not parse: " + e.getMessage(), e);
        }
        if (config.latestCompatibilityStrict() && SchemaCompatibility.checkReaderWriterCompatibility(newer, contract)
            .getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
          throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic '" + topic
              + "': the latest version " + newest.version() + " (id " + newest.id() + ") of subject '" + subject
              + "' cannot read it (latest.compatibility.strict)");
        }
        return newer.equals(contract)
            ? new Target(newest.id(), null, null)
            : new Target(newest.id(), newer, AvroReaders.reader(schema, newer,
                GenericModels.of(config.logicalTypeConverters()), config.maxNestingDepth()));
      }
      RegistrySchema text = RegistrySchema.avro(contract.toString());
      int id = config.autoRegister()
          ? registry.register(subject, text, config.normalize())
          : registry.lookup(subject, text, config.normalize(), false).id();
      return new Target(id, null, null);
    } catch (SchemaRegistryException e) {
      String hint = !config.autoRegister() && (e.errorCode() == 40401 || e.errorCode() == 40403)
          ? "; contracts are registered by CI (contracts:register), or set auto.register.schemas=true"
          : "";
      throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic '" + topic
          + "': subject '" + subject + "': " + e.getMessage() + hint, e);
    }
  }

  /** The Avro schema of a datum: its own for records, the primitive's for Java primitives. */
  private static Schema schemaOf(String topic, Object data) {
    if (data instanceof GenericContainer container) {
      return container.getSchema();
    }
    Schema primitive = Primitives.schemaOf(data.getClass());
    if (primitive == null) {
      throw new SerializationException("Cannot serialize a " + data.getClass().getName() + " for topic '" + topic
          + "': not an Avro record or primitive (SpecificRecord, GenericRecord, String, Integer, Long, Float, "
          + "Double, Boolean, byte[], ByteBuffer)");
    }
    return primitive;
  }

  /** Closes the registry client if configure built it; a client given to the constructor is its owner's to close. */
  @Override
  public void close() {
    if (ownsRegistry) {
      registry.close();
    }
  }
}
