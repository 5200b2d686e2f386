package io.kafkacontracts.operations;

import io.kafkacontracts.registry.ApicurioRegistry;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every registration test again, against Apicurio Registry 2.6. */
@ExtendWith(ApicurioRegistry.Legacy.class)
class RegistrationOnApicurio2Test extends RegistrationTest {

  @Override
  String registryUrl() {
    return ApicurioRegistry.url(ApicurioRegistry.Distribution.LEGACY);
  }
}
