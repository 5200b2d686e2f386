package io.kafkacontracts.it;

import io.kafkacontracts.registry.ApicurioRegistry;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CI journey against Apicurio Registry 3.3 (skipped where no Java 21+ runtime exists). */
@ExtendWith({KafkaBroker.class, ApicurioRegistry.Current.class})
class JourneyOnApicurio3Test extends ContractsJourney {

  @Override
  ApicurioRegistry.Distribution distribution() {
    return ApicurioRegistry.Distribution.CURRENT;
  }
}
