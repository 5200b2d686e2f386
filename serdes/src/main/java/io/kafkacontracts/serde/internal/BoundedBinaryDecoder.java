package io.kafkacontracts.serde.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one payload held in memory, that trusts no length in it. Avro's own
 * {@code BinaryDecoder} allocates whatever a length prefix says (2 GB from a 14-byte payload) and
 * its {@code org.apache.avro.limits.*} default to about {@code Integer.MAX_VALUE}; here every
 * string, bytes and fixed length must fit in the bytes left, and the items of all arrays and maps
 * together may not outnumber the payload's bytes by more than {@link #ZERO_SIZE_ITEM_ALLOWANCE}
 * (only items of zero size, such as nulls, take no byte). Violations are {@link EOFException} (the
 * payload ends too early) or {@link AvroRuntimeException} (it is malformed). Not thread-safe: one
 * instance per thread, {@link #reset} for each payload.
 */
public final class BoundedBinaryDecoder extends Decoder {

  /** How many zero-size array or map items a payload may hold beyond one per byte. */
  public static final int ZERO_SIZE_ITEM_ALLOWANCE = 10_000;

  private byte[] buf;
  private int limit;
  private int pos;
  private long itemBudget;

  /** Decodes {@code length} bytes of {@code buf} from {@code offset}. */
  public BoundedBinaryDecoder(byte[] buf, int offset, int length) {
    reset(buf, offset, length);
  }

  /** Starts over on another payload, so one decoder per thread serves every record. */
  public BoundedBinaryDecoder reset(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new IllegalArgumentException("region " + offset + "+" + length + " outside a buffer of " + buf.length);
    }
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
    this.itemBudget = (long) length + ZERO_SIZE_ITEM_ALLOWANCE;
    return this;
  }

  /** Bytes not read yet: anything left after a record is a malformed payload. */
  public int remaining() {
    return limit - pos;
  }

  /** Fails unless {@code bytes} are left; {@code what} and {@code detail} make the message only then. */
  private void need(long bytes, String what, String detail) throws IOException {
    if (bytes > remaining()) {
      // The message is built here, not by callers: this runs for every value decoded.
      String subject = detail.isEmpty() ? what : what + detail + bytes + (detail.endsWith("block of ") ? " bytes" : "");
      throw new EOFException(subject + " needs " + bytes + " bytes but only " + remaining() + " are left");
    }
  }

  private int length(String what) throws IOException {
    long length = readLong();
    if (length < 0) {
      throw new AvroRuntimeException("negative " + what + " length " + length);
    }
    need(length, what, " of length ");
    return (int) length;
  }

  private long items(long count, String what) throws IOException {
    if (count < 0) {
      // A block written with its byte size: -count items in the next size bytes.
      long size = readLong();
      if (size < 0) {
        throw new AvroRuntimeException("negative " + what + " block size " + size);
      }
      need(size, what, " block of ");
      count = -count;
      if (count < 0) {
        throw new AvroRuntimeException("invalid " + what + " block count");
      }
    }
    itemBudget -= count;
    if (itemBudget < 0) {
      throw new AvroRuntimeException(what + " item count " + count + " is more than a payload of " + (limit - pos)
          + " bytes left can hold");
    }
    return count;
  }

  @Override
  public void readNull() {
    // null takes no bytes
  }

  @Override
  public boolean readBoolean() throws IOException {
    need(1, "boolean", "");
    byte b = buf[pos++];
    if (b != 0 && b != 1) {
      throw new AvroRuntimeException("invalid boolean byte " + b);
    }
    return b == 1;
  }

  @Override
  public int readInt() throws IOException {
    long value = readLong();
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new AvroRuntimeException("int value out of range: " + value);
    }
    return (int) value;
  }

  @Override
  public long readLong() throws IOException {
    long raw = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1, "long", "");
      byte b = buf[pos++];
      raw |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1); // zig-zag
      }
    }
    throw new AvroRuntimeException("invalid long encoding: more than 10 bytes");
  }

  @Override
  public float readFloat() throws IOException {
    need(4, "float", "");
    float value = ByteBuffer.wrap(buf, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    pos += 4;
    return value;
  }

  @Override
  public double readDouble() throws IOException {
    need(8, "double", "");
    double value = ByteBuffer.wrap(buf, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
    pos += 8;
    return value;
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length("string");
    checkUtf8(length);
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    System.arraycopy(buf, pos, result.getBytes(), 0, length);
    pos += length;
    return result;
  }

  @Override
  public String readString() throws IOException {
    int length = length("string");
    checkUtf8(length);
    String value = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return value;
  }

  /**
   * Strings are read strictly: Java would replace a malformed sequence with U+FFFD, and the record
   * would silently hold other text than was written. Well-formed means RFC 3629: no overlong forms,
   * no surrogates, nothing above U+10FFFF.
   */
  private void checkUtf8(int length) {
    int end = pos + length;
    for (int i = pos; i < end; ) {
      int b = buf[i];
      if (b >= 0) { // ASCII, most of what strings hold
        i++;
        continue;
      }
      int lead = b & 0xFF;
      int size;
      int min;
      if (lead >= 0xC2 && lead <= 0xDF) {
        size = 2;
        min = 0x80;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        size = 3;
        min = 0x800;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        size = 4;
        min = 0x10000;
      } else {
        throw invalidUtf8(i - pos, length);
      }
      if (i + size > end) {
        throw invalidUtf8(i - pos, length);
      }
      int code = lead & (0xFF >> (size + 1));
      for (int k = 1; k < size; k++) {
        int next = buf[i + k] & 0xFF;
        if ((next & 0xC0) != 0x80) {
          throw invalidUtf8(i - pos, length);
        }
        code = (code << 6) | (next & 0x3F);
      }
      if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        throw invalidUtf8(i - pos, length);
      }
      i += size;
    }
  }

  private static InvalidUtf8Exception invalidUtf8(int at, int length) {
    return new InvalidUtf8Exception("a string of " + length + " bytes holds invalid UTF-8 at its byte " + at);
  }

  /** A string whose bytes are not well-formed UTF-8. */
  public static final class InvalidUtf8Exception extends AvroRuntimeException {
    InvalidUtf8Exception(String message) {
      super(message);
    }
  }

  @Override
  public void skipString() throws IOException {
    int length = length("string"); // read first: "pos += length(..)" would add to the old pos
    pos += length;
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length("bytes");
    ByteBuffer result = old != null && old.capacity() >= length ? old : ByteBuffer.allocate(length);
    result.clear();
    result.put(buf, pos, length);
    result.flip();
    pos += length;
    return result;
  }

  @Override
  public void skipBytes() throws IOException {
    int length = length("bytes");
    pos += length;
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    need(length, "fixed", " of size ");
    System.arraycopy(buf, pos, bytes, start, length);
    pos += length;
  }

  @Override
  public void skipFixed(int length) throws IOException {
    need(length, "fixed", " of size ");
    pos += length;
  }

  @Override
  public int readEnum() throws IOException {
    int index = readInt();
    if (index < 0) {
      throw new AvroRuntimeException("negative enum index " + index);
    }
    return index;
  }

  @Override
  public long readArrayStart() throws IOException {
    return items(readLong(), "array");
  }

  @Override
  public long arrayNext() throws IOException {
    return items(readLong(), "array");
  }

  @Override
  public long skipArray() throws IOException {
    return skipBlocks("array");
  }

  @Override
  public long readMapStart() throws IOException {
    return items(readLong(), "map");
  }

  @Override
  public long mapNext() throws IOException {
    return items(readLong(), "map");
  }

  @Override
  public long skipMap() throws IOException {
    return skipBlocks("map");
  }

  /** Skips blocks that carry their byte size; returns the item count of the first that does not. */
  private long skipBlocks(String what) throws IOException {
    long count = readLong();
    while (count < 0) {
      long size = readLong();
      if (size < 0) {
        throw new AvroRuntimeException("negative " + what + " block size " + size);
      }
      need(size, what, " block of ");
      pos += (int) size;
      count = readLong();
    }
    return items(count, what);
  }

  @Override
  public int readIndex() throws IOException {
    int index = readInt();
    if (index < 0) {
      throw new AvroRuntimeException("negative union index " + index);
    }
    return index;
  }
}
