package io.kafkacontracts.serde.internal;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/**
 * The models generic records are written and read with: Avro's plain one, whose logical types stay
 * in their raw Avro types, and one with Avro's own conversions for them (BigDecimal, UUID, Instant,
 * LocalDate, LocalTime, LocalDateTime), as Confluent's {@code avro.use.logical.type.converters}
 * gives. Both are shared and never changed after creation.
 */
public final class GenericModels {

  private static final GenericData WITH_CONVERSIONS = withConversions();

  private GenericModels() {}

  /** The model for generic records: with logical-type conversions when asked, else Avro's default. */
  public static GenericData of(boolean logicalTypeConverters) {
    return logicalTypeConverters ? WITH_CONVERSIONS : GenericData.get();
  }

  private static GenericData withConversions() {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new Conversions.UUIDConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    return model;
  }
}
