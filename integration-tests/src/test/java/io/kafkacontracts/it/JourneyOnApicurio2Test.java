package io.kafkacontracts.it;

import io.kafkacontracts.registry.ApicurioRegistry;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CI journey against Apicurio Registry 2.6. */
@ExtendWith({KafkaBroker.class, ApicurioRegistry.Legacy.class})
class JourneyOnApicurio2Test extends ContractsJourney {

  @Override
  ApicurioRegistry.Distribution distribution() {
    return ApicurioRegistry.Distribution.LEGACY;
  }

  @Override
  boolean judgesGitAlone() {
    return false; // JourneyOnApicurio3Test judges every intentional change on git alone too
  }
}
