package io.kafkacontracts.serde.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.ResolvingDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Datum readers from a writer schema into a reader schema that cannot be driven into a
 * {@link StackOverflowError}. Only a recursive schema lets data nest without bound; for those the
 * reader counts record depth and refuses data deeper than the limit, on Avro's classic read path
 * (its fast reader, on by default in 1.12, has no hook for that). Every other schema gets Avro's
 * fast reader unchanged. The readers are thread-safe, as Avro's are.
 */
public final class AvroReaders {

  private AvroReaders() {}

  /**
   * A reader resolving {@code writer} data into {@code reader}, with {@code model} (a
   * {@link SpecificData} for generated classes, a {@link GenericData} for generic records).
   */
  public static DatumReader<Object> reader(Schema writer, Schema reader, GenericData model, int maxDepth) {
    boolean recursive = isRecursive(writer) || isRecursive(reader);
    boolean specific = model instanceof SpecificData;
    if (!recursive) {
      return specific
          ? new SpecificDatumReader<>(writer, reader, (SpecificData) model)
          : new GenericDatumReader<>(writer, reader, model);
    }
    return specific
        ? new DepthLimitedSpecificReader(writer, reader, classicCopy((SpecificData) model), maxDepth)
        : new DepthLimitedGenericReader(writer, reader, classicCopy(model), maxDepth);
  }

  /** Whether a named type can be reached from itself, so that data may nest without bound. */
  public static boolean isRecursive(Schema schema) {
    return reachesItself(schema, new HashSet<>());
  }

  private static boolean reachesItself(Schema schema, Set<String> open) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!open.add(schema.getFullName())) {
          return true;
        }
        for (Schema.Field field : schema.getFields()) {
          if (reachesItself(field.schema(), open)) {
            return true;
          }
        }
        open.remove(schema.getFullName());
        return false;
      }
      case ARRAY -> {
        return reachesItself(schema.getElementType(), open);
      }
      case MAP -> {
        return reachesItself(schema.getValueType(), open);
      }
      case UNION -> {
        for (Schema branch : schema.getTypes()) {
          if (reachesItself(branch, open)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * The model that reads into a generated class: its own ({@code MODEL$}, with its logical-type
   * conversions), loading classes through the class's loader. A generated {@code MODEL$} loads
   * through Avro's loader, which cannot see a contract jar loaded on its own (two contract versions
   * in one JVM, a Connect plugin, an application server) and would read generic records instead.
   */
  public static SpecificData modelOf(Class<?> generated) {
    SpecificData model = SpecificData.getForClass(generated);
    if (model.getClassLoader() == generated.getClassLoader()) {
      return model;
    }
    SpecificData own = new SpecificData(generated.getClassLoader());
    for (Conversion<?> conversion : model.getConversions()) {
      own.addLogicalTypeConversion(conversion);
    }
    return own;
  }

  /** The same model on Avro's classic read path, where readRecord is called for every record. */
  private static SpecificData classicCopy(SpecificData model) {
    SpecificData copy = new SpecificData(model.getClassLoader());
    copyConversions(model, copy);
    return copy;
  }

  private static GenericData classicCopy(GenericData model) {
    GenericData copy = new GenericData(model.getClassLoader());
    copyConversions(model, copy);
    return copy;
  }

  private static void copyConversions(GenericData from, GenericData to) {
    for (Conversion<?> conversion : from.getConversions()) {
      to.addLogicalTypeConversion(conversion);
    }
    to.setFastReaderEnabled(false);
  }

  /**
   * The dotted path of the field whose string is not UTF-8 in a payload that failed to read, found
   * by reading it again with the writer's schema and noting the field being read: only a failed
   * read pays for it. Empty when no field is at fault (a top-level string) or it cannot be told.
   */
  public static String fieldWithInvalidUtf8(Schema writer, byte[] data, int offset, int length) {
    java.util.Deque<String> path = new java.util.ArrayDeque<>();
    GenericDatumReader<Object> tracing = new GenericDatumReader<>(writer, writer, classicCopy(GenericData.get())) {
      @Override
      protected void readField(Object record, Schema.Field field, Object oldDatum, ResolvingDecoder in, Object state)
          throws IOException {
        path.addLast(field.name());
        super.readField(record, field, oldDatum, in, state);
        path.removeLast();
      }
    };
    try {
      tracing.read(null, new BoundedBinaryDecoder(data, offset, length));
    } catch (BoundedBinaryDecoder.InvalidUtf8Exception e) {
      return String.join(".", path);
    } catch (IOException | RuntimeException e) {
      return "";
    }
    return "";
  }

  /** Record depth of the datum being read on this thread. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private static void enter(int maxDepth) {
    int[] depth = DEPTH.get();
    if (depth[0] >= maxDepth) {
      throw new AvroRuntimeException("records nest deeper than the limit of " + maxDepth
          + " (avro.max.nesting.depth)");
    }
    depth[0]++;
  }

  private static void exit() {
    DEPTH.get()[0]--;
  }

  private static final class DepthLimitedSpecificReader extends SpecificDatumReader<Object> {
    private final int maxDepth;

    DepthLimitedSpecificReader(Schema writer, Schema reader, SpecificData model, int maxDepth) {
      super(writer, reader, model);
      this.maxDepth = maxDepth;
    }

    @Override
    protected Object readRecord(Object old, Schema expected, ResolvingDecoder in) throws IOException {
      enter(maxDepth);
      try {
        return super.readRecord(old, expected, in);
      } finally {
        exit();
      }
    }
  }

  private static final class DepthLimitedGenericReader extends GenericDatumReader<Object> {
    private final int maxDepth;

    DepthLimitedGenericReader(Schema writer, Schema reader, GenericData model, int maxDepth) {
      super(writer, reader, model);
      this.maxDepth = maxDepth;
    }

    @Override
    protected Object readRecord(Object old, Schema expected, ResolvingDecoder in) throws IOException {
      enter(maxDepth);
      try {
        return super.readRecord(old, expected, in);
      } finally {
        exit();
      }
    }
  }
}
