package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkacontracts.compat.JavaOnlyProperties;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaReference;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.serde.test.v1.Order;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final String scope = "serde-" + UUID.randomUUID();
  private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
  private final Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", "mock://" + scope));

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  private <T> AvroSerializer<T> serializer(boolean isKey) {
    AvroSerializer<T> serializer = new AvroSerializer<>();
    serializer.configure(config, isKey);
    return serializer;
  }

  private <T> AvroDeserializer<T> deserializer(Class<T> type) {
    AvroDeserializer<T> deserializer = AvroDeserializer.forType(type);
    deserializer.configure(config, false);
    return deserializer;
  }

  private static String contractText(Schema schema) {
    return JavaOnlyProperties.strip(schema).toString();
  }

  @Test
  void aGeneratedClassOfAnotherClassLoaderIsReadIntoThatClass() throws Exception {
    // As in two services, a Connect plugin or an application server: the contract jar loaded on its own.
    ClassLoader isolated = new ClassLoader(getClass().getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("io.kafkacontracts.serde.test.v1.")) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          if (loaded == null) {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
              byte[] bytes = in.readAllBytes();
              loaded = defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
          return loaded;
        }
      }
    };
    @SuppressWarnings("unchecked")
    Class<Object> isolatedOrder = (Class<Object>) isolated.loadClass(Order.class.getName());
    assertThat(isolatedOrder).isNotEqualTo(Order.class);
    byte[] bytes = serializer(false).serialize("orders", TestRecords.orderV1(1));

    Object read = deserializer(isolatedOrder).deserialize("orders", bytes);

    assertThat(read.getClass()).isEqualTo(isolatedOrder);
  }

  @Test
  void aGeneratedRecordRoundTripsInTheConfluentWireFormat() throws IOException {
    Order order = TestRecords.orderV1(1);

    byte[] bytes = serializer(false).serialize("orders", order);

    int id = registry.lookup("orders-value", RegistrySchema.avro(contractText(Order.SCHEMA$)), false, false).id();
    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(plain, null);
    new SpecificDatumWriter<Order>(Order.class).write(order, encoder);
    encoder.flush();
    assertThat(java.util.Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plain.toByteArray());
    assertThat(deserializer(Order.class).deserialize("orders", bytes)).isEqualTo(order);
  }

  @Test
  void theRegisteredSchemaIsTheContractWithoutJavaOnlyProperties() {
    serializer(false).serialize("orders", TestRecords.orderV1(1));

    String registered = registry.latestVersion("orders-value").schema().schema();
    assertThat(Order.SCHEMA$.toString()).contains("avro.java.string");
    assertThat(registered).doesNotContain("avro.java.string").isEqualTo(contractText(Order.SCHEMA$));
  }

  @Test
  void genericRecordsRoundTripAndSpecificReaderGivesTheGeneratedClass() {
    Schema contract = new Schema.Parser().parse(contractText(Order.SCHEMA$));
    // A generic record carries raw Avro values: no logical-type conversions.
    GenericRecord raw = (GenericRecord) toGeneric(TestRecords.orderV1(3), contract);

    byte[] bytes = serializer(false).serialize("orders", raw);

    AvroDeserializer<GenericRecord> genericReader = new AvroDeserializer<>();
    genericReader.configure(config, false);
    GenericRecord back = genericReader.deserialize("orders", bytes);
    assertThat(back.getSchema()).isEqualTo(contract);
    assertThat(back.get("lines").toString()).isEqualTo(raw.get("lines").toString());
    config.put("specific.avro.reader", "true");
    AvroDeserializer<Object> specificReader = new AvroDeserializer<>();
    specificReader.configure(config, false);
    assertThat(specificReader.deserialize("orders", bytes)).isEqualTo(TestRecords.orderV1(3));
  }

  @Test
  void schemasRegisteredWithReferencesAreReadWithTheTypesTheyReference() {
    // As Confluent's tools register a shared type: in a subject of its own, referenced by name.
    String money = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"com.example\","
        + "\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}";
    registry.register("money", RegistrySchema.avro(money), false);
    int id = registry.register("payments-value", new RegistrySchema("{\"type\":\"record\",\"name\":\"Payment\","
        + "\"namespace\":\"com.example\",\"fields\":[{\"name\":\"amount\",\"type\":\"com.example.Money\"}]}",
        RegistrySchema.AVRO, List.of(new SchemaReference("com.example.Money", "money", 1))), false);
    Schema payment = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"amount\",\"type\":" + money + "}]}");
    GenericRecord amount = new GenericData.Record(payment.getField("amount").schema());
    amount.put("cents", 1250L);
    GenericRecord record = new GenericData.Record(payment);
    record.put("amount", amount);
    config.put("use.latest.version", "true");
    config.put("auto.register.schemas", "false");

    byte[] bytes = serializer(false).serialize("payments", record);
    AvroDeserializer<GenericRecord> reader = new AvroDeserializer<>();
    reader.configure(config, false);

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    GenericRecord back = reader.deserialize("payments", bytes);
    assertThat(back.getSchema()).isEqualTo(payment);
    assertThat(((GenericRecord) back.get("amount")).get("cents")).isEqualTo(1250L);
  }

  /** A generated record as a generic one of the same schema, via Avro binary. */
  private static Object toGeneric(Order order, Schema schema) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<Order>(Order.class).write(order, encoder);
      encoder.flush();
      return new org.apache.avro.generic.GenericDatumReader<GenericRecord>(schema)
          .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void primitiveKeysUseTheKeySubjectAndReadBackAsJavaTypes() {
    byte[] key = this.<String>serializer(true).serialize("orders", "org-7");
    byte[] count = this.<Long>serializer(true).serialize("counts", 7L);

    assertThat(registry.latestVersion("orders-key").schema().schema()).isEqualTo("\"string\"");
    assertThat(registry.latestVersion("counts-key").schema().schema()).isEqualTo("\"long\"");
    AvroDeserializer<String> keys = AvroDeserializer.forType(String.class);
    keys.configure(config, true);
    assertThat(keys.deserialize("orders", key)).isEqualTo("org-7");
    AvroDeserializer<Long> counts = AvroDeserializer.forType(Long.class);
    counts.configure(config, true);
    assertThat(counts.deserialize("counts", count)).isEqualTo(7L);
  }

  @Test
  void subjectNameStrategiesNameTheSubjects() {
    config.put("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy");
    serializer(false).serialize("orders", TestRecords.orderV1(1));
    config.put("value.subject.name.strategy", "TopicRecordNameStrategy");
    serializer(false).serialize("orders", TestRecords.orderV1(1));

    assertThat(registry.subjects(false, java.util.Optional.empty()))
        .containsExactlyInAnyOrder("io.kafkacontracts.serde.test.v1.Order", "orders-io.kafkacontracts.serde.test.v1.Order");
  }

  @Test
  void withoutAutoRegistrationAnUnregisteredContractIsAClearError() {
    config.put("auto.register.schemas", false);
    AvroSerializer<Order> serializer = serializer(false);

    assertThatThrownBy(() -> serializer.serialize("orders", TestRecords.orderV1(1)))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize a io.kafkacontracts.serde.test.v1.Order for topic 'orders': subject "
            + "'orders-value': Subject 'orders-value' not found. (error code 40401); contracts are "
            + "registered by CI (contracts:register), or set auto.register.schemas=true");

    int id = registry.register("orders-value", RegistrySchema.avro(contractText(Order.SCHEMA$)), false);
    assertThat(ByteBuffer.wrap(serializer.serialize("orders", TestRecords.orderV1(1)), 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void dataOfEitherVersionIsReadIntoTheOtherVersionsClass() {
    byte[] v1Bytes = serializer(false).serialize("orders", TestRecords.orderV1(2));
    byte[] v2Bytes = serializer(false).serialize("orders", TestRecords.orderV2(2, "app"));

    assertThat(registry.versions("orders-value")).containsExactly(1, 2);
    io.kafkacontracts.serde.test.v2.Order newReader =
        deserializer(io.kafkacontracts.serde.test.v2.Order.class).deserialize("orders", v1Bytes);
    assertThat(newReader.getChannel()).isEqualTo("web");
    assertThat(newReader.getId()).isEqualTo(TestRecords.orderV1(2).getId());
    Order oldReader = deserializer(Order.class).deserialize("orders", v2Bytes);
    assertThat(oldReader.getAmount()).isEqualByComparingTo("99.95");
    assertThat(oldReader.getStatus()).isEqualTo(io.kafkacontracts.serde.test.v1.Status.NEW);
  }

  @Test
  void useLatestVersionRewritesAnOlderRecordIntoTheLatestContract() {
    serializer(false).serialize("orders", TestRecords.orderV1(1));
    byte[] registeredV2 = serializer(false).serialize("orders", TestRecords.orderV2(1, "app"));
    config.put("use.latest.version", "true");
    config.put("auto.register.schemas", "false");

    byte[] bytes = serializer(false).serialize("orders", TestRecords.orderV1(5));

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(ByteBuffer.wrap(registeredV2, 1, 4).getInt());
    io.kafkacontracts.serde.test.v2.Order read =
        deserializer(io.kafkacontracts.serde.test.v2.Order.class).deserialize("orders", bytes);
    assertThat(read.getChannel()).isEqualTo("web");
    assertThat(read.getLines()).hasSize(1);
  }

  @Test
  void useLatestVersionRefusesARecordTheLatestCannotRead() {
    Schema unrelated = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
        + "[{\"name\":\"total\",\"type\":\"double\"}]}");
    registry.register("orders-value", RegistrySchema.avro(unrelated.toString()), false);
    config.put("use.latest.version", "true");

    assertThatThrownBy(() -> serializer(false).serialize("orders", TestRecords.orderV1(1)))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize a io.kafkacontracts.serde.test.v1.Order for topic 'orders': the latest "
            + "version 1 (id 1) of subject 'orders-value' cannot read it (latest.compatibility.strict)");
  }

  @Test
  void aLatestVersionThatDoesNotParseIsASerializationExceptionNamingIt() {
    // A registry that answers with a type it never defines (a reference it dropped, say).
    SchemaRegistryClient broken = (SchemaRegistryClient) Proxy.newProxyInstance(
        SchemaRegistryClient.class.getClassLoader(), new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("latestVersion")) {
            return new RegisteredSchema("orders-value", 9, 4, RegistrySchema.avro("{\"type\":\"record\",\"name\":"
                + "\"Order\",\"fields\":[{\"name\":\"total\",\"type\":\"com.example.Money\"}]}"));
          }
          return method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : null;
        });
    config.put("use.latest.version", "true");
    AvroSerializer<Order> serializer = new AvroSerializer<>(broken);
    serializer.configure(config, false);

    // Avro's own words for the type it lacks, in the running Avro's wording (1.12: "Undefined schema: ...").
    String avroSays = catchThrowable(() -> new org.apache.avro.Schema.Parser().parse("{\"type\":\"record\","
        + "\"name\":\"Order\",\"fields\":[{\"name\":\"total\",\"type\":\"com.example.Money\"}]}")).getMessage();
    assertThat(avroSays).contains("com.example.Money");
    assertThatThrownBy(() -> serializer.serialize("orders", TestRecords.orderV1(1)))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize a io.kafkacontracts.serde.test.v1.Order for topic 'orders': the latest version 4 "
            + "(id 9) of subject 'orders-value' does not parse: " + avroSays);
  }

  @Test
  void afterTheFirstRecordNeitherSideCallsTheRegistry() {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    SchemaRegistryClient counting = counting(registry, calls);
    AvroSerializer<Order> serializer = new AvroSerializer<>(counting);
    serializer.configure(config, false);
    AvroDeserializer<Order> deserializer = AvroDeserializer.forType(Order.class, counting);
    deserializer.configure(config, false);

    for (int i = 0; i < 1_000; i++) {
      Order order = TestRecords.orderV1(i);
      assertThat(deserializer.deserialize("orders", serializer.serialize("orders", order))).isEqualTo(order);
    }

    assertThat(calls).containsOnlyKeys("register", "schemaById");
    assertThat(calls.get("register")).hasValue(1);
    assertThat(calls.get("schemaById")).hasValue(1);
  }

  @Test
  void manyThreadsSerializeAndDeserializeAtOnce() throws Exception {
    AvroSerializer<Order> serializer = serializer(false);
    AvroDeserializer<Order> deserializer = deserializer(Order.class);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 500; i++) {
            Order order = TestRecords.orderV1(thread * 1_000 + i);
            if (deserializer.deserialize("orders", serializer.serialize("orders", order)).equals(order)) {
              ok++;
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(500);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(registry.versions("orders-value")).containsExactly(1);
  }

  @Test
  void nullsAreTombstonesBothWays() {
    assertThat(serializer(false).serialize("orders", null)).isNull();
    assertThat(deserializer(Order.class).deserialize("orders", null)).isNull();
  }

  @Test
  void aValueThatIsNoAvroTypeIsRefusedByName() {
    assertThatThrownBy(() -> serializer(false).serialize("orders", new StringBuilder("x").append('y').chars()))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot serialize a java.util.stream.");
  }

  @Test
  void closingASerdeClosesTheRegistryClientItBuiltButNotOneItWasGiven() {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    AvroSerde<Order> given = AvroSerde.of(Order.class, counting(registry, calls));
    given.configure(config, false);
    given.close();
    assertThat(calls).doesNotContainKey("close");

    Map<String, Object> http = Map.of("schema.registry.url", "http://127.0.0.1:1");
    AvroSerializer<Order> serializer = new AvroSerializer<>();
    serializer.configure(http, false);
    AvroDeserializer<Order> deserializer = AvroDeserializer.forType(Order.class);
    deserializer.configure(http, false);
    serializer.close();
    deserializer.close();

    assertThatThrownBy(() -> serializer.serialize("orders", TestRecords.orderV1(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this schema registry client is closed: POST /subjects/orders-value/versions not sent");
    assertThatThrownBy(() -> deserializer.deserialize("orders", new byte[] {0, 0, 0, 0, 7, 2}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this schema registry client is closed: GET /schemas/ids/7 not sent");
  }

  /**
   * Counts the calls that reach the registry. A default method the target does not override (one
   * built on the others, such as {@code referencedSchemas}) runs on the proxy, so the calls it makes
   * are what is counted.
   */
  static SchemaRegistryClient counting(SchemaRegistryClient target, Map<String, AtomicInteger> calls) {
    return (SchemaRegistryClient) Proxy.newProxyInstance(SchemaRegistryClient.class.getClassLoader(),
        new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
          if (method.isDefault() && target.getClass().getMethod(method.getName(), method.getParameterTypes()).isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          calls.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
