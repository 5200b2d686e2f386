package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryContract;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory registry passes the same contract as the real one, and answers as Confluent does. */
class MockRegistryContractTest extends SchemaRegistryContract {

  @Override
  protected SchemaRegistryClient registry() {
    return MockSchemaRegistry.forUrl("mock://contract-" + UUID.randomUUID());
  }

  @Test
  void aSubjectWithoutItsOwnLevelAnswersEmptyUnlessDefaultToGlobal() {
    registry.register(subject, order(), false);

    assertThat(registry.subjectCompatibility(subject, false)).isEmpty();
    assertThat(registry.subjectCompatibility(subject, true)).contains("BACKWARD");
  }

  @Test
  void deletingTheSubjectAnswersOnlyTheVersionsDeletedNow() {
    registry.register(subject, order(), false);
    registry.register(subject, order(QTY_DEFAULT), false);
    registry.deleteVersion(subject, 2, false);

    assertThat(registry.deleteSubject(subject, false)).containsExactly(1);
  }

  @Test
  void confluentsErrorCodesForDeletesLevelsAndBadSchemas() {
    registry.register(subject, order(), false);
    assertThatThrownBy(() -> registry.deleteSubject(subject, true))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40405));
    registry.deleteSubject(subject, false);
    assertThatThrownBy(() -> registry.deleteSubject(subject, false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40404));
    assertThatThrownBy(() -> registry.setSubjectCompatibility(subject, "SIDEWAYS"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    assertThatThrownBy(() -> registry.register(subject, RegistrySchema.avro("{\"type\": \"record\"}"), false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo(42201);
        });
  }

  @Test
  void scopesAreSharedByUrlAndDroppable() {
    String scope = "shared-" + UUID.randomUUID();
    MockSchemaRegistry.forUrl("mock://" + scope).register("s", order(), false);

    assertThat(MockSchemaRegistry.forScope(scope).versions("s")).containsExactly(1);
    MockSchemaRegistry.dropScope(scope);
    assertThat(MockSchemaRegistry.forScope(scope).subjects(false, java.util.Optional.empty())).isEmpty();
  }

  @Test
  void transitiveLevelsAreEnforcedWithTheGatesEngine() {
    registry.setSubjectCompatibility(subject, "BACKWARD_TRANSITIVE");
    registry.register(subject, order(), false);
    registry.register(subject, order(QTY_DEFAULT), false);

    assertThatThrownBy(() -> registry.register(subject, order(QTY), false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
        .hasMessageContaining("field 'qty' of record 'com.example.Order' has no default");
  }
}
