package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The serdes' tests run twice, on Avro 1.12 and 1.11 (see the pom): each run on the Avro it means to. */
class AvroVersionTest {

  @Test
  void theTestsRunOnTheAvroTheirRunNames() {
    assertThat(Schema.class.getPackage().getImplementationVersion())
        .isEqualTo(System.getProperty("expected.avro.version")).isNotNull();
  }
}
