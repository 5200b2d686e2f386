package io.kafkacontracts.benchmarks;

import io.kafkacontracts.benchmarks.avro.BenchEnvelope;
import io.kafkacontracts.benchmarks.avro.BenchEventType;
import io.kafkacontracts.benchmarks.avro.BenchSource;
import io.kafkacontracts.serde.AvroDeserializer;
import io.kafkacontracts.serde.AvroSerializer;
import io.kafkacontracts.serde.MockSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our serializer and deserializer against raw Avro with a reused encoder and decoder, on a ~250
 * byte envelope (nested record, map, enum, nullable array, uuid, timestamp-millis). Raw Avro
 * writes the same body without the 5-byte header into a reused stream and copies it out, as any
 * Kafka serializer must return a new array; it reads with a reused decoder. Ours runs after its
 * first record (registry answers cached), against the in-memory registry.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar SerdeBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SerdeBenchmark {

  private static final String TOPIC = "bench.envelopes";
  private static final String SCOPE = "serde-benchmark";

  private BenchEnvelope envelope;
  private AvroSerializer<BenchEnvelope> serializer;
  private AvroDeserializer<BenchEnvelope> deserializer;
  private byte[] framed;
  private byte[] body;

  private final SpecificDatumWriter<BenchEnvelope> rawWriter = new SpecificDatumWriter<>(BenchEnvelope.class);
  private final SpecificDatumReader<BenchEnvelope> rawReader = new SpecificDatumReader<>(BenchEnvelope.class);
  private final ByteArrayOutputStream rawOut = new ByteArrayOutputStream(512);
  private BinaryEncoder rawEncoder;
  private BinaryDecoder rawDecoder;

  @Setup
  public void setUp() throws IOException {
    envelope = BenchEnvelope.newBuilder()
        .setEventId(UUID.fromString("6f1c2a9e-3b4d-4c5e-8f70-123456789abc"))
        .setEventType(BenchEventType.UPDATED)
        .setEventVersion(3)
        .setTimestamp(Instant.ofEpochMilli(1_763_900_000_000L))
        .setSource(BenchSource.newBuilder().setService("billing-service").setInstance("billing-7f9c4-xk2p").build())
        .setCorrelationId("corr-2f6e1c0a-77b1-4f3e")
        .setOrgId(4_711L)
        .setEntityId("invoice-2026-000123")
        .setAttributes(Map.of("region", "eu-central", "channel", "api", "plan", "enterprise"))
        .setTags(List.of("billing", "priority", "audited"))
        .setAmount(1_234.56)
        .setPayload("{\"invoice\":\"2026-000123\",\"lines\":3,\"currency\":\"EUR\",\"status\":\"sent\"}")
        .build();
    Map<String, Object> config = Map.of("schema.registry.url", "mock://" + SCOPE);
    serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    deserializer = AvroDeserializer.forType(BenchEnvelope.class);
    deserializer.configure(config, false);
    framed = serializer.serialize(TOPIC, envelope);
    body = Arrays.copyOfRange(framed, 5, framed.length);
    if (!deserializer.deserialize(TOPIC, framed).equals(envelope) || !Arrays.equals(rawSerialize(), body)) {
      throw new IllegalStateException("the two sides do not write the same record");
    }
  }

  @TearDown
  public void tearDown() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Benchmark
  public byte[] serializeOurs() {
    return serializer.serialize(TOPIC, envelope);
  }

  @Benchmark
  public byte[] serializeRawAvro() throws IOException {
    return rawSerialize();
  }

  private byte[] rawSerialize() throws IOException {
    rawOut.reset();
    rawEncoder = EncoderFactory.get().binaryEncoder(rawOut, rawEncoder);
    rawWriter.write(envelope, rawEncoder);
    rawEncoder.flush();
    return rawOut.toByteArray();
  }

  @Benchmark
  public BenchEnvelope deserializeOurs() {
    return deserializer.deserialize(TOPIC, framed);
  }

  /** As a KafkaConsumer calls it: with the record's headers (here a producer's usual: none), looked at first. */
  @Benchmark
  public BenchEnvelope deserializeOursWithHeaders() {
    return deserializer.deserialize(TOPIC, NO_HEADERS, framed);
  }

  private static final org.apache.kafka.common.header.Headers NO_HEADERS =
      new org.apache.kafka.common.header.internals.RecordHeaders();

  @Benchmark
  public BenchEnvelope deserializeRawAvro() throws IOException {
    rawDecoder = DecoderFactory.get().binaryDecoder(body, rawDecoder);
    return rawReader.read(null, rawDecoder);
  }
}
