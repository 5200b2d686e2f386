package io.kafkacontracts.serde.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Decodes what Avro's decoder decodes, and refuses hostile lengths before allocating. The module's
 * tests run with -Xmx256m: a 2 GB allocation would fail them.
 */
class BoundedBinaryDecoderTest {

  private static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type": "record", "name": "Envelope", "namespace": "com.example", "fields": [
        {"name": "id", "type": "string"},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "count", "type": "int"},
        {"name": "ratio", "type": "float"},
        {"name": "score", "type": "double"},
        {"name": "ok", "type": "boolean"},
        {"name": "state", "type": {"type": "enum", "name": "State", "symbols": ["A", "B", "C"]}},
        {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
        {"name": "source", "type": {"type": "record", "name": "Source", "fields": [
          {"name": "service", "type": "string"}, {"name": "instance", "type": ["null", "string"]}]}},
        {"name": "labels", "type": {"type": "map", "values": "string"}},
        {"name": "tags", "type": ["null", {"type": "array", "items": "long"}]},
        {"name": "nothing", "type": {"type": "array", "items": "null"}}
      ]}""");

  private static GenericRecord sample() {
    GenericRecord source = new GenericData.Record(SCHEMA.getField("source").schema());
    source.put("service", "connector-service");
    source.put("instance", "pod-éß-1");
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      labels.put("key-" + i, "value-" + i);
    }
    List<Long> tags = new ArrayList<>();
    for (long i = 0; i < 300; i++) {
      tags.add(i * 1_000_003L - 150_000_000L);
    }
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("id", "e1f2");
    record.put("at", 1_735_207_200_000L);
    record.put("count", -42);
    record.put("ratio", 0.25f);
    record.put("score", -1.5e300);
    record.put("ok", true);
    record.put("state", new GenericData.EnumSymbol(SCHEMA.getField("state").schema(), "C"));
    record.put("hash", new GenericData.Fixed(SCHEMA.getField("hash").schema(), new byte[] {1, 2, 3, 4}));
    record.put("amount", new Conversions.DecimalConversion().toBytes(new BigDecimal("1234567.89"),
        SCHEMA.getField("amount").schema(), LogicalTypes.decimal(9, 2)));
    record.put("source", source);
    record.put("labels", labels);
    record.put("tags", tags);
    record.put("nothing", Arrays.asList(null, null, null));
    return record;
  }

  private static byte[] encode(GenericRecord record, boolean blocking) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // The blocking encoder writes arrays and maps as blocks that carry their byte size.
    Encoder encoder = blocking ? EncoderFactory.get().blockingBinaryEncoder(out, null)
        : EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(SCHEMA).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static GenericRecord decode(byte[] bytes, Schema writer, Schema reader) throws IOException {
    return new GenericDatumReader<GenericRecord>(writer, reader).read(null, new BoundedBinaryDecoder(bytes, 0, bytes.length));
  }

  @Test
  void decodesWhatAvrosDecoderDecodesPlainAndBlocked() throws IOException {
    for (boolean blocking : new boolean[] {false, true}) {
      byte[] bytes = encode(sample(), blocking);
      GenericRecord expected = new GenericDatumReader<GenericRecord>(SCHEMA)
          .read(null, DecoderFactory.get().binaryDecoder(bytes, null));

      BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(bytes, 0, bytes.length);
      GenericRecord actual = new GenericDatumReader<GenericRecord>(SCHEMA).read(null, decoder);

      assertThat(actual).isEqualTo(expected).isEqualTo(sample());
      assertThat(decoder.remaining()).isZero();
    }
  }

  @Test
  void skipsWhatTheReaderDoesNotWant() throws IOException {
    Schema reader = new Schema.Parser().parse("""
        {"type": "record", "name": "Envelope", "namespace": "com.example", "fields": [
          {"name": "id", "type": "string"}, {"name": "score", "type": "double"}]}""");
    for (boolean blocking : new boolean[] {false, true}) {
      GenericRecord read = decode(encode(sample(), blocking), SCHEMA, reader);

      assertThat(read.get("id").toString()).isEqualTo("e1f2");
      assertThat(read.get("score")).isEqualTo(-1.5e300);
    }
  }

  @Test
  void aHugeStringLengthInATinyPayloadIsRefusedBeforeAllocating() {
    // "string of Integer.MAX_VALUE bytes" followed by a few bytes: plain Avro allocates 2 GB here.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeLong(out, Integer.MAX_VALUE);
    out.writeBytes(new byte[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'});
    byte[] payload = out.toByteArray();
    assertThat(payload).hasSize(14);

    assertThatThrownBy(() -> new BoundedBinaryDecoder(payload, 0, payload.length).readString())
        .isInstanceOf(EOFException.class)
        .hasMessage("string of length 2147483647 needs 2147483647 bytes but only 9 are left");
    assertThatThrownBy(() -> new BoundedBinaryDecoder(payload, 0, payload.length).readBytes(null))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void hugeArrayAndMapCountsAreRefused() {
    byte[] array = longs(Long.MAX_VALUE / 4);
    assertThatThrownBy(() -> new BoundedBinaryDecoder(array, 0, array.length).readArrayStart())
        .isInstanceOf(AvroRuntimeException.class)
        .hasMessageStartingWith("array item count 2305843009213693951 is more than");
    byte[] blocked = longs(-1_000_000, 3);
    assertThatThrownBy(() -> new BoundedBinaryDecoder(blocked, 0, blocked.length).readMapStart())
        .isInstanceOf(EOFException.class);
  }

  @Test
  void zeroSizeItemsHaveAnAllowanceNotAFreePass() throws IOException {
    byte[] fine = longs(BoundedBinaryDecoder.ZERO_SIZE_ITEM_ALLOWANCE, 0);
    assertThat(new BoundedBinaryDecoder(fine, 0, fine.length).readArrayStart())
        .isEqualTo(BoundedBinaryDecoder.ZERO_SIZE_ITEM_ALLOWANCE);
    // Many blocks of nulls: each costs a few bytes, together they may not exceed the allowance.
    List<Long> blocks = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      blocks.add(5_000L);
    }
    blocks.add(0L);
    byte[] many = longs(blocks.stream().mapToLong(Long::longValue).toArray());
    assertThatThrownBy(() -> {
      BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(many, 0, many.length);
      for (long n = decoder.readArrayStart(); n > 0; n = decoder.arrayNext()) {
        // nulls take no bytes
      }
    }).isInstanceOf(AvroRuntimeException.class);
  }

  @Test
  void malformedNumbersAndTruncationsAreErrors() {
    byte[] tooLong = new byte[11];
    Arrays.fill(tooLong, (byte) 0x80);
    assertThatThrownBy(() -> new BoundedBinaryDecoder(tooLong, 0, 11).readLong())
        .isInstanceOf(AvroRuntimeException.class).hasMessage("invalid long encoding: more than 10 bytes");
    assertThatThrownBy(() -> new BoundedBinaryDecoder(new byte[3], 0, 3).readDouble())
        .isInstanceOf(EOFException.class).hasMessage("double needs 8 bytes but only 3 are left");
    assertThatThrownBy(() -> new BoundedBinaryDecoder(new byte[] {2}, 0, 1).readBoolean())
        .isInstanceOf(AvroRuntimeException.class).hasMessage("invalid boolean byte 2");
    byte[] negative = longs(-5);
    assertThatThrownBy(() -> new BoundedBinaryDecoder(negative, 0, negative.length).readString())
        .isInstanceOf(AvroRuntimeException.class).hasMessage("negative string length -5");
    assertThatThrownBy(() -> new BoundedBinaryDecoder(negative, 0, negative.length).readIndex())
        .isInstanceOf(AvroRuntimeException.class).hasMessage("negative union index -5");
    byte[] bigInt = longs(1L << 40);
    assertThatThrownBy(() -> new BoundedBinaryDecoder(bigInt, 0, bigInt.length).readInt())
        .isInstanceOf(AvroRuntimeException.class).hasMessage("int value out of range: 1099511627776");
  }

  @Test
  void aTruncatedRecordEndsWithEof() throws IOException {
    byte[] bytes = encode(sample(), false);
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> decode(truncated, SCHEMA, SCHEMA)).isInstanceOf(EOFException.class);
  }

  @Test
  void trailingBytesRemain() throws IOException {
    byte[] bytes = encode(sample(), false);
    byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);
    BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(padded, 0, padded.length);

    new GenericDatumReader<GenericRecord>(SCHEMA).read(null, decoder);

    assertThat(decoder.remaining()).isEqualTo(3);
  }

  private static byte[] longs(long... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long v : values) {
      writeLong(out, v);
    }
    return out.toByteArray();
  }

  private static void writeLong(ByteArrayOutputStream out, long value) {
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      encoder.writeLong(value);
      encoder.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

}
