package io.kafkacontracts.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry contract against Apicurio Registry 2.6, the fallback for machines without Java 21.
 * Where 2.6 answers differently from Confluent, the overriding test states what it answers, so the
 * client's behaviour against it is known rather than assumed.
 */
@ExtendWith(ApicurioRegistry.Legacy.class)
class LegacyRegistryContractTest extends SchemaRegistryContract {

  @Override
  protected SchemaRegistryClient registry() {
    return SchemaRegistryClient.builder().baseUrls(ApicurioRegistry.url(ApicurioRegistry.Distribution.LEGACY)).build();
  }

  @Test
  @Override
  void registerIsIdempotentAndLookupFindsTheVersion() {
    int id = registry.register(subject, order(), false);

    assertThat(registry.register(subject, order(), false)).isEqualTo(id);
    assertThat(registry.lookup(subject, order(), false, false).version()).isEqualTo(1);
    assertThat(registry.versionsOfId(id)).contains(new SubjectVersion(subject, 1));
    // 2.6 has no GET /schemas/ids/{id}/subjects.
    assertThatThrownBy(() -> registry.subjectsOfId(id))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  @Override
  void subjectLevelsAndTheGlobalDefault() {
    registry.register(subject, order(), false);
    assertThat(registry.globalCompatibility()).isEqualTo("BACKWARD");
    // 2.6 ignores defaultToGlobal and answers NONE for a subject without its own level...
    assertThat(registry.subjectCompatibility(subject, true)).contains("NONE");

    registry.setSubjectCompatibility(subject, "FULL_TRANSITIVE");
    assertThat(registry.subjectCompatibility(subject, false)).contains("FULL_TRANSITIVE");
    // ...while it still enforces the global BACKWARD rule when registering.
    registry.deleteSubjectCompatibility(subject);
    assertThatThrownBy(() -> registry.register(subject, order(QTY), false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  /**
   * Apicurio 2.6 differs from Confluent: a subject set to NONE answers NONE, yet its global BACKWARD
   * rule still refuses a break. An accepted break publishes there with its level relaxed to a level
   * that allows it (FORWARD for a field added without default), not NONE.
   */
  @Test
  @Override
  void aSubjectAtNoneTakesABreakWhateverTheGlobalLevel() {
    registry.register(subject, order(), false);
    assertThat(registry.globalCompatibility()).isEqualTo("BACKWARD");

    registry.setSubjectCompatibility(subject, "NONE");

    assertThat(registry.subjectCompatibility(subject, false)).contains("NONE");
    assertThatThrownBy(() -> registry.register(subject, order(QTY), false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
    registry.setSubjectCompatibility(subject, "FORWARD");
    registry.register(subject, order(QTY), false);
    assertThat(registry.versions(subject)).containsExactly(1, 2);
  }

  @Test
  @Override
  void softThenPermanentDelete() {
    registry.register(subject, order(), false);
    registry.register(subject, order(QTY_DEFAULT), false);

    assertThat(registry.deleteVersion(subject, 2, false)).isEqualTo(2);
    assertThat(registry.versions(subject)).containsExactly(1);
    // 2.6 refuses to soft-delete a subject that holds a soft-deleted version (40404)...
    assertThatThrownBy(() -> registry.deleteSubject(subject, false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40404));
    // ...but soft-deletes one without.
    String other = subject + "-other";
    registry.register(other, order(), false);
    assertThat(registry.deleteSubject(other, false)).containsExactly(1);
    assertThat(registry.subjects(false, Optional.empty())).doesNotContain(other);
    assertThat(registry.deleteSubject(other, true)).containsExactly(1);
  }

  @Test
  @Override
  void schemaTypesAndMode() {
    assertThat(registry.schemaTypes()).contains("AVRO", "JSON", "PROTOBUF");
    // 2.6 has no GET /mode.
    assertThatThrownBy(() -> registry.mode())
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  // Where Apicurio 2.6 differs from Confluent's documented answers, recorded as such.

  @Test
  @Override
  void registeringASoftDeletedSchemaAgainLeavesOnlyTheNewVersion() {
    registry.register(subject, order(), false);
    registry.deleteSubject(subject, false);
    registry.register(subject, order(), false);

    assertThat(registry.versions(subject)).containsExactly(2);
    assertThat(registry.deleteSubject(subject, false)).containsExactly(2);
    // Confluent drops the soft-deleted version 1 when the same schema comes back: [2].
    assertThat(registry.deleteSubject(subject, true)).containsExactly(1, 2);
  }

  @Test
  @Override
  void aReadOnlyRegistryRefusesRegistrationAndDeletes() {
    // Apicurio 2.6's Confluent API has no mode to set (nor to read, see schemaTypesAndMode).
    assertRefused(() -> registry.setMode("READONLY"), 404, 404);
  }

  @Test
  @Override
  void anUnknownModeIsRefused() {
    assertRefused(() -> registry.setMode("BOGUS"), 404, 404); // Confluent: 422, 42204
  }

  @Test
  @Override
  void deletingALevelTheSubjectDoesNotHaveAnswersSubjectNotFound() {
    registry.register(subject, order(), false);

    registry.deleteSubjectCompatibility(subject); // Confluent 7.7: 40401; Apicurio 2.6 answers 200
  }

  /** Apicurio 2.6 has no GET /schemas: 404; the baseline falls back to one request per version. */
  @Test
  @Override
  void theListingGivesEveryLiveVersionBySubjectThenVersionPagedByOffsetAndLimit() {
    registry.register(subject, order(), false);

    assertRefused(() -> registry.schemas("", 0, -1), 404, 404);
  }

  @Test
  @Override
  void aGuidNoSchemaHasIsNotFound() {
    // Apicurio 2.6 has no GUIDs (no GET /schemas/guids/{guid}): a plain 404; Confluent 8 answers 40403 for an
    // unknown GUID. The deserializer says the registry has no GUIDs for a header-framed record.
    assertRefused(() -> registry.schemaByGuid(java.util.UUID.fromString("cc0e0e0e-53c1-4a1a-8f1a-000000000001")),
        404, 404);
  }
}
