package io.kafkacontracts.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every registry behind {@link SchemaRegistryClient} must do, as Confluent's does: run against
 * a real registry (Apicurio, {@code RealRegistryContractTest}) and against the in-memory registry
 * of the serdes module, so the two cannot drift. Each test uses its own subjects. Published in this
 * module's test jar.
 */
public abstract class SchemaRegistryContract {

  /** The registry under test, at global compatibility BACKWARD. */
  protected abstract SchemaRegistryClient registry();

  protected SchemaRegistryClient registry;
  protected final String subject = "orders-" + UUID.randomUUID() + "-value";

  @BeforeEach
  void connect() {
    registry = registry();
  }

  protected static RegistrySchema order(String... extraFields) {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
    for (String f : extraFields) {
      fields.append(',').append(f);
    }
    return RegistrySchema.avro("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.example\",\"fields\":["
        + fields + "]}");
  }

  protected static final String QTY_DEFAULT = "{\"name\":\"qty\",\"type\":\"int\",\"default\":1}";
  protected static final String QTY = "{\"name\":\"qty\",\"type\":\"int\"}";

  @Test
  void registerIsIdempotentAndLookupFindsTheVersion() {
    int id = registry.register(subject, order(), false);

    assertThat(registry.register(subject, order(), false)).isEqualTo(id);
    RegisteredSchema found = registry.lookup(subject, order(), false, false);
    assertThat(found.id()).isEqualTo(id);
    assertThat(found.version()).isEqualTo(1);
    assertThat(registry.versions(subject)).containsExactly(1);
    assertThat(registry.schemaById(id).schema()).isEqualTo(order().schema());
    assertThat(registry.subjectsOfId(id)).contains(subject);
    assertThat(registry.versionsOfId(id)).contains(new SubjectVersion(subject, 1));
    assertThat(registry.subjects(false, Optional.of("orders-"))).contains(subject);
  }

  @Test
  void versionsEvolveUnderBackward() {
    registry.register(subject, order(), false);
    int second = registry.register(subject, order(QTY_DEFAULT), false);

    RegisteredSchema latest = registry.latestVersion(subject);
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.id()).isEqualTo(second);
    assertThat(registry.version(subject, 1).schema().schema()).isEqualTo(order().schema());
  }

  @Test
  void aNewVersionIsFoundRightAfterItIsRegisteredThoughItWasMissingBefore() {
    registry.register(subject, order(), false);
    // Asked before the write, as registration does: not there yet.
    assertThatThrownBy(() -> registry.lookup(subject, order(QTY_DEFAULT), false, false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> registry.version(subject, 2))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    assertThat(registry.latestVersion(subject).version()).isEqualTo(1);

    int id = registry.register(subject, order(QTY_DEFAULT), false);

    RegisteredSchema found = registry.lookup(subject, order(QTY_DEFAULT), false, false);
    assertThat(found.version()).isEqualTo(2);
    assertThat(found.id()).isEqualTo(id);
    assertThat(registry.version(subject, 2).id()).isEqualTo(id);
    assertThat(registry.latestVersion(subject).version()).isEqualTo(2);
    assertThat(registry.versions(subject)).containsExactly(1, 2);
  }

  @Test
  void aDeletedVersionIsGoneRightAfterTheDelete() {
    registry.register(subject, order(), false);
    registry.register(subject, order(QTY_DEFAULT), false);
    assertThat(registry.lookup(subject, order(QTY_DEFAULT), false, false).version()).isEqualTo(2);
    assertThat(registry.latestVersion(subject).version()).isEqualTo(2);

    registry.deleteVersion(subject, 2, false);

    assertThatThrownBy(() -> registry.lookup(subject, order(QTY_DEFAULT), false, false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> registry.version(subject, 2))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    assertThat(registry.latestVersion(subject).version()).isEqualTo(1);
  }

  @Test
  void anIncompatibleSchemaIsRefusedWith409AndTheTestSaysSo() {
    registry.register(subject, order(), false);

    CompatibilityCheck check = registry.testCompatibility(subject, order(QTY), OptionalInt.empty(), true);
    assertThat(check.compatible()).isFalse();
    assertThat(registry.testCompatibility(subject, order(QTY_DEFAULT), OptionalInt.of(1), false).compatible()).isTrue();
    assertThatThrownBy(() -> registry.register(subject, order(QTY), false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.isRetriable()).isFalse();
        });
  }

  @Test
  void missingThingsHaveConfluentsErrorCodes() {
    assertThatThrownBy(() -> registry.versions(subject))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    assertThatThrownBy(() -> registry.schemaById(Integer.MAX_VALUE))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    registry.register(subject, order(), false);
    assertThatThrownBy(() -> registry.version(subject, 9))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
  }

  @Test
  void subjectLevelsAndTheGlobalDefault() {
    registry.register(subject, order(), false);
    assertThat(registry.globalCompatibility()).isEqualTo("BACKWARD");
    assertThat(registry.subjectCompatibility(subject, true)).contains("BACKWARD");

    registry.setSubjectCompatibility(subject, "FULL_TRANSITIVE");
    assertThat(registry.subjectCompatibility(subject, false)).contains("FULL_TRANSITIVE");

    registry.deleteSubjectCompatibility(subject);
    assertThat(registry.subjectCompatibility(subject, true)).contains("BACKWARD");
  }

  /**
   * Confluent: a subject's own level overrides the global one, NONE included, so a break registers
   * at NONE under a global BACKWARD (how an accepted break is published: the level relaxed first).
   */
  @Test
  void aSubjectAtNoneTakesABreakWhateverTheGlobalLevel() {
    registry.register(subject, order(), false);
    assertThat(registry.globalCompatibility()).isEqualTo("BACKWARD");

    registry.setSubjectCompatibility(subject, "NONE");

    assertThat(registry.subjectCompatibility(subject, false)).contains("NONE");
    registry.register(subject, order(QTY), false);
    assertThat(registry.versions(subject)).containsExactly(1, 2);
  }

  @Test
  void softThenPermanentDelete() {
    registry.register(subject, order(), false);
    registry.register(subject, order(QTY_DEFAULT), false);

    assertThat(registry.deleteVersion(subject, 2, false)).isEqualTo(2);
    assertThat(registry.versions(subject)).containsExactly(1);
    // Confluent answers [1]; Apicurio 3.3 also lists version 2, soft-deleted before (see its test).
    assertThat(registry.deleteSubject(subject, false)).contains(1);
    assertThat(registry.subjects(false, Optional.empty())).doesNotContain(subject);
    assertThat(registry.deleteSubject(subject, true)).isNotEmpty();
  }

  @Test
  void schemaTypesAndMode() {
    assertThat(registry.schemaTypes()).contains("AVRO", "JSON", "PROTOBUF");
    assertThat(registry.mode()).isEqualTo("READWRITE");
  }

  @Test
  void subjectsWithUnusualCharactersRoundTrip() {
    String unusual = "team:payments." + UUID.randomUUID() + " orders-value";
    int id = registry.register(unusual, order(), false);

    assertThat(registry.lookup(unusual, order(), false, false).id()).isEqualTo(id);
    assertThat(registry.subjects(false, Optional.of("team:payments."))).contains(unusual);
  }

  @Test
  void referencesAreRegisteredAndReadBack() {
    String common = "common-" + UUID.randomUUID();
    registry.register(common, RegistrySchema.avro(
        "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}"),
        false);
    RegistrySchema payment = new RegistrySchema(
        "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"amount\",\"type\":\"com.example.Money\"}]}",
        RegistrySchema.AVRO, List.of(new SchemaReference("com.example.Money", common, 1)));

    int id = registry.register(subject, payment, false);

    assertThat(registry.schemaById(id).references()).containsExactly(new SchemaReference("com.example.Money", common, 1));
    assertThat(registry.referencedBy(common, 1)).contains(id);
  }

  @Test
  void referencedSchemasComeEachOnceAndAfterTheSchemasTheyReference() {
    String money = "money-" + UUID.randomUUID();
    String price = "price-" + UUID.randomUUID();
    RegistrySchema moneySchema = RegistrySchema.avro("{\"type\":\"record\",\"name\":\"Money\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}");
    RegistrySchema priceSchema = new RegistrySchema("{\"type\":\"record\",\"name\":\"Price\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"net\",\"type\":\"com.example.Money\"}]}", RegistrySchema.AVRO,
        List.of(new SchemaReference("com.example.Money", money, 1)));
    RegistrySchema orderSchema = new RegistrySchema("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"price\",\"type\":\"com.example.Price\"},"
        + "{\"name\":\"tip\",\"type\":\"com.example.Money\"}]}", RegistrySchema.AVRO,
        List.of(new SchemaReference("com.example.Price", price, 1), new SchemaReference("com.example.Money", money, 1)));
    registry.register(money, moneySchema, false);
    registry.register(price, priceSchema, false);
    registry.register(subject, orderSchema, false);

    List<RegistrySchema> referenced = registry.referencedSchemas(registry.latestVersion(subject).schema());

    assertThat(referenced).extracting(RegistrySchema::schema).containsExactly(moneySchema.schema(), priceSchema.schema());
    assertThat(referenced.get(1).references()).containsExactly(new SchemaReference("com.example.Money", money, 1));
    assertThat(registry.referencedSchemas(moneySchema)).isEmpty();

    // A schema that names only Price: the registry reads Money through Price's own reference.
    RegistrySchema refund = new RegistrySchema("{\"type\":\"record\",\"name\":\"Refund\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"price\",\"type\":\"com.example.Price\"}]}", RegistrySchema.AVRO,
        List.of(new SchemaReference("com.example.Price", price, 1)));
    registry.register("refund-" + subject, refund, false);
    assertThat(registry.referencedSchemas(refund)).extracting(RegistrySchema::schema)
        .containsExactly(moneySchema.schema(), priceSchema.schema());
  }

  @Test
  void batchRegistrationReportsEachSubject() {
    String prefix = "batch-" + UUID.randomUUID() + "-";
    registry.register(prefix + "refused", order(), false);
    java.util.Map<String, RegistrySchema> batch = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      batch.put(prefix + i, order());
    }
    batch.put(prefix + "refused", order(QTY));

    BatchRegistration result = registry.registerAll(batch, false, 4);

    assertThat(result.ids()).hasSize(10);
    assertThat(result.failures()).containsOnlyKeys(prefix + "refused");
    assertThat(result.failures().get(prefix + "refused").status()).isEqualTo(409);
    // A rerun is idempotent: the same ids, no new versions.
    assertThat(registry.registerAll(batch, false, 4).ids()).isEqualTo(result.ids());
    assertThat(registry.versions(prefix + "0")).containsExactly(1);
  }

  /**
   * Confluent's GET /schemas?subjectPrefix=&latestOnly=false: every live version of every subject
   * with the prefix, by subject then version, paged by offset and limit; an empty list for no match.
   */
  @Test
  void theListingGivesEveryLiveVersionBySubjectThenVersionPagedByOffsetAndLimit() {
    String prefix = "listing-" + UUID.randomUUID() + "-";
    registry.register(prefix + "b-value", order(), false);
    registry.register(prefix + "a-value", order(), false);
    registry.register(prefix + "a-value", order(QTY_DEFAULT), false);
    registry.register(prefix + "a-value", order(QTY_DEFAULT, "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}"),
        false);
    registry.deleteVersion(prefix + "a-value", 3, false);

    assertThat(registry.schemas(prefix, 0, -1)).extracting(l -> l.subject().orElseThrow() + ":" + l.version().getAsInt())
        .containsExactly(prefix + "a-value:1", prefix + "a-value:2", prefix + "b-value:1");
    assertThat(registry.schemas(prefix, 0, -1).get(1).schema()).isEqualTo(order(QTY_DEFAULT));
    assertThat(registry.schemas(prefix, 1, 1)).extracting(l -> l.subject().orElseThrow() + ":" + l.version().getAsInt())
        .containsExactly(prefix + "a-value:2");
    assertThat(registry.schemas(prefix + "nothing", 0, -1)).isEmpty();
  }

  /** Asserts that a call fails with the HTTP status and error code Confluent documents for it. */
  protected static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
      int errorCode) {
    assertThatThrownBy(call).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
      assertThat(e.status()).as("status").isEqualTo(status);
      assertThat(e.errorCode()).as("error code").isEqualTo(errorCode);
    });
  }

  @Test
  void aReadOnlyRegistryRefusesRegistrationAndDeletes() {
    registry.register(subject, order(), false);
    registry.setMode("READONLY");
    try {
      assertThat(registry.mode()).isEqualTo("READONLY");
      assertRefused(() -> registry.register(subject, order(QTY_DEFAULT), false), 422, 42205);
      assertRefused(() -> registry.deleteSubject(subject, false), 422, 42205);
    } finally {
      registry.setMode("READWRITE");
    }
    assertThat(registry.versions(subject)).containsExactly(1);
  }

  @Test
  void aGuidNoSchemaHasIsNotFound() {
    assertRefused(() -> registry.schemaByGuid(java.util.UUID.fromString("cc0e0e0e-53c1-4a1a-8f1a-000000000001")),
        404, 40403);
  }

  @Test
  void aSubjectWithoutAModeOfItsOwnHasNone() {
    registry.register(subject, order(), false);

    assertThat(registry.subjectMode(subject)).isEmpty();
  }

  @Test
  void anUnknownModeIsRefused() {
    assertRefused(() -> registry.setMode("BOGUS"), 422, 42204);
    assertThat(registry.mode()).isEqualTo("READWRITE");
  }

  @Test
  void aVersionAnotherSchemaReferencesCannotBeDeleted() {
    String money = "money-" + UUID.randomUUID();
    registry.register(money, RegistrySchema.avro("{\"type\":\"record\",\"name\":\"Money\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}"), false);
    registry.register(subject, new RegistrySchema("{\"type\":\"record\",\"name\":\"Price\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"net\",\"type\":\"com.example.Money\"}]}", RegistrySchema.AVRO,
        List.of(new SchemaReference("com.example.Money", money, 1))), false);

    assertRefused(() -> registry.deleteVersion(money, 1, false), 422, 42206);
    assertRefused(() -> registry.deleteSubject(money, false), 422, 42206);
    assertThat(registry.versions(money)).containsExactly(1);
  }

  @Test
  void deletingALevelTheSubjectDoesNotHaveAnswersSubjectNotFound() {
    registry.register(subject, order(), false);

    assertRefused(() -> registry.deleteSubjectCompatibility(subject), 404, 40401);
  }

  @Test
  void registeringASoftDeletedSchemaAgainLeavesOnlyTheNewVersion() {
    registry.register(subject, order(), false);
    assertThat(registry.deleteSubject(subject, false)).containsExactly(1);

    registry.register(subject, order(), false);

    assertThat(registry.versions(subject)).containsExactly(2);
    assertThat(registry.deleteSubject(subject, false)).containsExactly(2);
    assertThat(registry.deleteSubject(subject, true)).containsExactly(2);
  }
}
