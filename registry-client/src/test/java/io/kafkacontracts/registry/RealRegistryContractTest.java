package io.kafkacontracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry contract against a real Apicurio Registry 3.3 started by the build, and its quirks.
 * Skipped where no Java 21+ exists; {@code LegacyRegistryContractTest} runs against 2.6 everywhere.
 */
@ExtendWith(ApicurioRegistry.Current.class)
class RealRegistryContractTest extends SchemaRegistryContract {

  @Override
  protected SchemaRegistryClient registry() {
    return SchemaRegistryClient.builder().baseUrls(ApicurioRegistry.url(ApicurioRegistry.Distribution.CURRENT)).build();
  }

  @Test
  void apicurioListsAnEarlierSoftDeletedVersionWhenTheSubjectIsDeleted() {
    registry.register(subject, order(), false);
    registry.register(subject, order(QTY_DEFAULT), false);
    registry.deleteVersion(subject, 2, false);

    assertThat(registry.deleteSubject(subject, false)).containsExactly(1, 2);
  }

  @Test
  void apicurioAnswersTheGlobalLevelForASubjectWithoutItsOwn() {
    registry.register(subject, order(), false);
    registry.setGlobalCompatibility("BACKWARD");

    // Confluent answers 40408 (empty here) unless defaultToGlobal; Apicurio 3.3.3 answers the global level.
    assertThat(registry.subjectCompatibility(subject, false)).contains("BACKWARD");
  }
}
