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

  // Where Apicurio 3.3.3 differs from Confluent's documented answers, recorded as such.

  @Test
  @Override
  void registeringASoftDeletedSchemaAgainLeavesOnlyTheNewVersion() {
    registry.register(subject, order(), false);
    registry.deleteSubject(subject, false);
    registry.register(subject, order(), false);

    assertThat(registry.versions(subject)).containsExactly(2);
    // Confluent drops the soft-deleted version 1 when the same schema comes back: [2].
    assertThat(registry.deleteSubject(subject, false)).containsExactly(1, 2);
    assertThat(registry.deleteSubject(subject, true)).contains(2);
  }

  @Test
  @Override
  void aReadOnlyRegistryRefusesRegistrationAndDeletes() {
    registry.register(subject, order(), false);
    registry.setMode("READONLY");
    try {
      assertThat(registry.mode()).isEqualTo("READONLY");
      // Confluent refuses with 42205; Apicurio 3.3.3 keeps the mode and still registers.
      registry.register(subject, order(QTY_DEFAULT), false);
    } finally {
      registry.setMode("READWRITE");
    }
    assertThat(registry.versions(subject)).containsExactly(1, 2);
  }

  @Test
  @Override
  void aSubjectWithoutAModeOfItsOwnHasNone() {
    registry.register(subject, order(), false);

    // Apicurio 3.3 answers the global mode (as it answers the global level); Confluent answers 40409.
    assertThat(registry.subjectMode(subject)).contains("READWRITE");
  }

  @Test
  @Override
  void anUnknownModeIsRefused() {
    assertRefused(() -> registry.setMode("BOGUS"), 422, 42201); // Confluent: 42204
    assertThat(registry.mode()).isEqualTo("READWRITE");
  }

  @Test
  @Override
  void deletingALevelTheSubjectDoesNotHaveAnswersSubjectNotFound() {
    registry.register(subject, order(), false);

    assertRefused(() -> registry.deleteSubjectCompatibility(subject), 404, 40408); // Confluent 7.7: 40401
  }

  /** Apicurio 3.3 answers GET /schemas with the schemas alone: no subject, no version; the baseline falls back. */
  @Test
  @Override
  void theListingGivesEveryLiveVersionBySubjectThenVersionPagedByOffsetAndLimit() {
    String prefix = "listing-" + java.util.UUID.randomUUID() + "-";
    registry.register(prefix + "a-value", order(), false);

    assertThat(registry.schemas(prefix, 0, -1)).isNotEmpty().noneMatch(ListedSchema::located);
  }

  @Test
  @Override
  void aGuidNoSchemaHasIsNotFound() {
    // Apicurio 3.3 has no GUIDs (no GET /schemas/guids/{guid}): a plain 404; Confluent 8 answers 40403 for an
    // unknown GUID. The deserializer says the registry has no GUIDs for a header-framed record.
    assertRefused(() -> registry.schemaByGuid(java.util.UUID.fromString("cc0e0e0e-53c1-4a1a-8f1a-000000000001")),
        404, 404);
  }
}
