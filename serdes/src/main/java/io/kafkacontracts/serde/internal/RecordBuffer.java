package io.kafkacontracts.serde.internal;

import io.kafkacontracts.serde.WireFormat;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * One thread's reusable output for serialized records: a growing byte array that starts with room
 * for the wire-format header, and an Avro encoder writing straight into it. After the first records
 * a serialization allocates only the returned array. Not thread-safe: one per thread
 * ({@link #forThisThread()}).
 */
public final class RecordBuffer extends OutputStream {

  /** Records larger than this do not keep their buffer, so one huge record cannot pin memory. */
  private static final int KEEP_AT_MOST = 1 << 20;
  private static final ThreadLocal<RecordBuffer> PER_THREAD = ThreadLocal.withInitial(RecordBuffer::new);

  private byte[] bytes = new byte[512];
  private int size;
  private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(this, null);

  private RecordBuffer() {}

  public static RecordBuffer forThisThread() {
    RecordBuffer buffer = PER_THREAD.get();
    if (buffer.bytes.length > KEEP_AT_MOST) {
      buffer.bytes = new byte[512];
    }
    buffer.size = WireFormat.HEADER_SIZE;
    return buffer;
  }

  /** The encoder for the record's Avro body, after the header. */
  public BinaryEncoder encoder() {
    return encoder;
  }

  /** The header with {@code schemaId} followed by what was encoded. */
  public byte[] toRecord(int schemaId) {
    byte[] record = Arrays.copyOf(bytes, size);
    WireFormat.writeHeader(record, schemaId);
    return record;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
