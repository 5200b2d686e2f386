package io.kafkacontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.compat.JavaOnlyProperties;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.events.Topics;
import io.kafkacontracts.events.connector.RawDataEvent;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.serde.MockSchemaRegistry;
import io.kafkacontracts.serde.Topic;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The generated typed catalogue agrees with contracts.yaml and keeps types on their topics. */
class TopicsTest {

  private final List<TopicContract> catalogue = Contracts.load().catalogue().topics();

  @Test
  void everyCatalogueTopicHasAConstantWithTheCataloguesNames() {
    assertThat(Topics.ALL).extracting(Topic::name)
        .containsExactlyElementsOf(catalogue.stream().map(TopicContract::name).toList());
    for (TopicContract contract : catalogue) {
      Topic<?, ?> topic = Topics.ALL.stream().filter(t -> t.name().equals(contract.name())).findFirst().orElseThrow();
      assertThat(topic.valueType().getName()).isEqualTo(contract.valueType());
      assertThat(topic.valueSubject()).as(contract.name()).isEqualTo(contract.valueSubject());
      assertThat(topic.keySubject()).as(contract.name()).isEqualTo(contract.keySubject());
      assertThat(topic.deadLetterTopic()).isEqualTo(contract.deadLetter().map(d -> d.name()));
      assertThat(topic.partitions()).isEqualTo(contract.partitions());
      assertThat(topic.replication()).isEqualTo((short) contract.replication());
      assertThat(topic.retention()).isEqualTo(contract.retention());
      assertThat(topic.newTopic().configs()).containsEntry("retention.ms", Long.toString(contract.retention().toMillis()));
    }
  }

  @Test
  void theSerializersTextIsTheTextCiRegistersFromTheContractFiles() {
    for (Topic<?, ?> topic : Topics.ALL) {
      String fromFiles = Contracts.load().schemas().type(topic.valueType().getName()).orElseThrow().toString();
      String fromClass = JavaOnlyProperties.strip(SpecificData.get().getSchema(topic.valueType())).toString();
      assertThat(fromClass).as(topic.name()).isEqualTo(fromFiles);
    }
  }

  @Test
  void aRecordIsKeyedByTheCataloguesKeyField() {
    for (Topic<?, ?> topic : Topics.ALL) {
      assertKeyedByField(topic);
    }
  }

  private static <K, V> void assertKeyedByField(Topic<K, V> topic) {
    SpecificData model = SpecificData.getForClass(topic.valueType());
    V value = topic.valueType().cast(new ExampleValues(model).of(model.getSchema(topic.valueType())));
    ProducerRecord<K, V> record = topic.record(value);

    Object expected = value;
    for (String step : topic.keyField().orElseThrow().split("\\.")) {
      expected = ((SpecificRecord) expected).get(((SpecificRecord) expected).getSchema().getField(step).pos());
    }
    assertThat(record.topic()).isEqualTo(topic.name());
    assertThat(record.key()).as(topic.name()).isInstanceOf(topic.keyType());
    assertThat(record.key().toString()).isEqualTo(expected.toString());
    assertThat(record.value()).isSameAs(value);
  }

  @Test
  void catalogueSerdesDoNotRegisterAndRoundTripOnceCiHasRegistered() {
    String scope = "topics-" + UUID.randomUUID();
    Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);
    Topic<Long, RawDataEvent> topic = Topics.CONNECTOR_DATA_RAW;
    SpecificData model = SpecificData.getForClass(RawDataEvent.class);
    RawDataEvent event = (RawDataEvent) new ExampleValues(model).of(RawDataEvent.getClassSchema());
    Serde<RawDataEvent> values = topic.valueSerde(config);
    Serde<Long> keys = topic.keySerde(config);
    try {
      assertThatThrownBy(() -> values.serializer().serialize(topic.name(), event))
          .isInstanceOf(SerializationException.class)
          .hasMessage("Cannot serialize a io.kafkacontracts.events.connector.RawDataEvent for topic "
              + "'connector.data.raw': subject 'connector.data.raw-value': Subject 'connector.data.raw-value' not "
              + "found. (error code 40401); contracts are registered by CI (contracts:register), or set "
              + "auto.register.schemas=true");

      // What CI does: register the contract as written under the catalogue's subjects.
      MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
      registry.register(topic.valueSubject(),
          RegistrySchema.avro(JavaOnlyProperties.strip(RawDataEvent.getClassSchema()).toString()), false);
      // The key is plain (the default for a long key): no subject, Kafka's LongSerializer bytes.
      assertThat(topic.keySubject()).isEmpty();

      ProducerRecord<Long, RawDataEvent> record = topic.record(event);
      byte[] key = keys.serializer().serialize(topic.name(), record.key());
      assertThat(key).isEqualTo(new org.apache.kafka.common.serialization.LongSerializer()
          .serialize(topic.name(), record.key()));
      byte[] value = values.serializer().serialize(topic.name(), record.value());
      assertThat(keys.deserializer().deserialize(topic.name(), key)).isEqualTo(record.key());
      assertThat(values.deserializer().deserialize(topic.name(), value)).isEqualTo(event);
    } finally {
      MockSchemaRegistry.dropScope(scope);
    }
  }

  @Test
  void theWrongTypeOnATopicDoesNotCompile() {
    String wrong = "class Wrong {\n"
        + "  void send(org.apache.kafka.clients.producer.Producer<Long, Object> producer,\n"
        + "      io.kafkacontracts.events.bronze.CleanedDataEvent cleaned) {\n"
        + "    io.kafkacontracts.events.Topics.CONNECTOR_DATA_RAW.record(7L, cleaned);\n"
        + "  }\n"
        + "}\n";
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Wrong.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return wrong;
      }
    };

    boolean compiled = compiler.getTask(null, null, diagnostics,
        List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-d",
            System.getProperty("java.io.tmpdir")), null, List.of(source)).call();

    assertThat(compiled).isFalse();
    assertThat(diagnostics.getDiagnostics()).anySatisfy(d -> assertThat(d.getMessage(null))
        .contains("incompatible types: io.kafkacontracts.events.bronze.CleanedDataEvent cannot be converted to "
            + "io.kafkacontracts.events.connector.RawDataEvent"));
  }
}
