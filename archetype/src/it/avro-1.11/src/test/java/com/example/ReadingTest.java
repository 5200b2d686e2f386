package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ReadingTest {
  @Test
  void aReadingGoesThroughTheCatalogueSerdesOnAvro111() {
    assertEquals(System.getProperty("expected.avro.version"),
        org.apache.avro.Schema.class.getPackage().getImplementationVersion());
    Map<String, Object> config = Map.of("schema.registry.url", "mock://avro-1.11", "auto.register.schemas", true);
    Serde<Reading> values = Topics.READINGS.valueSerde(config);
    Reading reading = Reading.newBuilder().setSensor("s-1").setAt(Instant.ofEpochMilli(1_763_900_000_000L))
        .setValue(new BigDecimal("21.500")).setUnit(Unit.KELVIN).build();

    byte[] bytes = values.serializer().serialize("readings", reading);

    assertEquals(reading, values.deserializer().deserialize("readings", bytes));
    assertEquals("s-1", Topics.READINGS.keyOf(reading));
  }
}
