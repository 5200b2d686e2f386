package io.kafkacontracts.operations;

import io.kafkacontracts.registry.ApicurioRegistry;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every intentional-change test again, against Apicurio Registry 2.6. */
@ExtendWith(ApicurioRegistry.Legacy.class)
class IntentionalChangesOnApicurio2Test extends IntentionalChangesTest {

  @Override
  String registryUrl() {
    return ApicurioRegistry.url(ApicurioRegistry.Distribution.LEGACY);
  }
}
