package io.kafkacontracts.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.registry.ApicurioRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every registration test again, against Apicurio Registry 2.6 (and where 2.6 answers otherwise, its answer). */
@ExtendWith(ApicurioRegistry.Legacy.class)
class RegistrationOnApicurio2Test extends RegistrationTest {

  @Override
  String registryUrl() {
    return ApicurioRegistry.url(ApicurioRegistry.Distribution.LEGACY);
  }

  @Test
  @Override
  void normalizingIsTheRegistrysToDo() throws java.io.IOException {
    // Apicurio 2.6 finds a version in another text of the same schema only with normalize=true.
    assertThat(normalizeFindsAPrettyPrintedVersion()).containsExactly(
        java.util.Map.entry(false, Registration.Outcome.NEW_VERSION),
        java.util.Map.entry(true, Registration.Outcome.UNCHANGED));
  }
}
