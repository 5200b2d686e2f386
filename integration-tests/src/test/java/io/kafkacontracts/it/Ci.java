package io.kafkacontracts.it;

import io.kafkacontracts.compat.JavaOnlyProperties;
import io.kafkacontracts.contracts.ExampleValues;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.serde.Topic;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** What CI and operators do before producers run: create the catalogue's topics, register its contracts. */
final class Ci {

  private Ci() {}

  /**
   * Creates the topics (and their dead-letter topics, with the topic's partitions, as topics-apply
   * makes them) that the shared broker lacks, with one replica: the test cluster has one broker.
   * CiScriptsTest's topics-apply may have created them already, empty.
   */
  static void createTopics(List<Topic<?, ?>> topics) throws ExecutionException, InterruptedException, TimeoutException {
    try (Admin admin = KafkaBroker.admin()) {
      java.util.Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> created = new java.util.ArrayList<>();
      for (Topic<?, ?> topic : topics) {
        created.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.newTopic().configs()));
        topic.deadLetterTopic().ifPresent(dlq -> created.add(new NewTopic(dlq, topic.partitions(), (short) 1)));
      }
      created.removeIf(topic -> existing.contains(topic.name()));
      admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
    }
  }

  /** Registers each topic's value contract as written and its key schema, under the catalogue's subjects. */
  static void registerContracts(SchemaRegistryClient registry, List<Topic<?, ?>> topics) {
    for (Topic<?, ?> topic : topics) {
      Schema value = SpecificData.get().getSchema(topic.valueType());
      registry.register(topic.valueSubject(), RegistrySchema.avro(JavaOnlyProperties.strip(value).toString()), false);
      topic.keySubject().ifPresent(subject -> registry.register(subject,
          RegistrySchema.avro(keySchema(topic).toString()), false));
    }
  }

  private static Schema keySchema(Topic<?, ?> topic) {
    Schema schema = SpecificData.get().getSchema(topic.valueType());
    for (String step : topic.keyField().orElseThrow().split("\\.")) {
      schema = schema.getField(step).schema();
    }
    return Schema.create(schema.getType());
  }

  /** Fully populated values of a topic, each different from the one before. */
  static ExampleValues examples(Topic<?, ?> topic) {
    return new ExampleValues(SpecificData.getForClass(topic.valueType()));
  }

  /** The next example value, its key field set to {@code key} (a String key of a uuid field is its text). */
  static <V> V example(Topic<?, V> topic, ExampleValues examples, Object key) {
    Object value = examples.of(SpecificData.get().getSchema(topic.valueType()));
    SpecificRecord record = (SpecificRecord) value;
    String[] path = topic.keyField().orElseThrow().split("\\.");
    for (int i = 0; i < path.length - 1; i++) {
      record = (SpecificRecord) record.get(record.getSchema().getField(path[i]).pos());
    }
    Schema.Field field = record.getSchema().getField(path[path.length - 1]);
    boolean uuid = field.schema().getLogicalType() != null && field.schema().getLogicalType().getName().equals("uuid");
    record.put(field.pos(), uuid ? java.util.UUID.fromString((String) key) : key);
    return topic.valueType().cast(value);
  }

  /** Common client settings of the serdes against the test registry. */
  static Map<String, Object> serdeConfig(String registryUrl) {
    return Map.of("schema.registry.url", registryUrl);
  }
}
