package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.operations.Registration;
import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.serde.AvroDeserializer;
import io.kafkacontracts.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts registered with references ({@code contracts.register.references}), from the serdes'
 * side, on the real registry: a producer configured as Confluent documents for references
 * ({@code use.latest.version=true}, {@code auto.register.schemas=false}) writes with the registered
 * version's id, and a consumer reads the record back, on Apicurio 3.3 and 2.6. Found by the
 * contract's inlined text (the lookup producers of inlined contracts make) on 3.3 only: 2.6 answers
 * 40403, which is why Confluent documents {@code use.latest.version} for references.
 */
class ReferencesTest {

  @TempDir
  Path contracts;

  @Nested
  @ExtendWith(ApicurioRegistry.Current.class)
  class OnApicurio3 {
    @Test
    void writtenWithUseLatestVersionReadBackAndAlsoFoundByItsInlinedText() throws Exception {
      // Apicurio 3.3 also finds the referencing version by the contract's inlined text.
      registerProduceAndConsume(ApicurioRegistry.url(ApicurioRegistry.Distribution.CURRENT), true);
    }
  }

  @Nested
  @ExtendWith(ApicurioRegistry.Legacy.class)
  class OnApicurio2 {
    @Test
    void writtenWithUseLatestVersionReadBackButNotFoundByItsInlinedText() throws Exception {
      // 2.6 does not, as Confluent's documentation leads to expect: producers need use.latest.version.
      registerProduceAndConsume(ApicurioRegistry.url(ApicurioRegistry.Distribution.LEGACY), false);
    }
  }

  private void registerProduceAndConsume(String url, boolean foundByText) throws Exception {
    String topic = "references-" + UUID.randomUUID();
    Files.createDirectories(contracts.resolve("avro"));
    Files.writeString(contracts.resolve("avro/Money.avsc"), "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":"
        + "\"com.example.refs\",\"doc\":\"Money.\",\"fields\":[{\"name\":\"cents\",\"type\":\"long\",\"doc\":\"Cents.\"}]}");
    Files.writeString(contracts.resolve("avro/Payment.avsc"), "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":"
        + "\"com.example.refs\",\"doc\":\"A payment.\",\"fields\":[{\"name\":\"amount\",\"type\":\"com.example.refs.Money\","
        + "\"doc\":\"Amount.\"}]}");
    Files.writeString(contracts.resolve("contracts.yaml"), "topics:\n  - name: " + topic + "\n    description: Payments.\n"
        + "    value: com.example.refs.Payment\n    partitions: 1\n    replication: 1\n    retention: 1d\n");
    ContractsDirectory directory = ContractsDirectory.load(contracts, Function.identity());
    assertThat(directory.problems()).isEmpty();
    try (SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(url).build()) {
      List<Registration.Candidate> candidates = Registration.candidates(directory, true);
      Registration.apply(registry, Registration.inspect(registry, candidates, 2), false, 2, result -> { });
      int id = registry.latestVersion(topic + "-value").id();
      assertThat(registry.latestVersion(topic + "-value").schema().references()).isNotEmpty();

      Schema payment = directory.schemas().type("com.example.refs.Payment").orElseThrow();
      GenericRecord amount = new GenericData.Record(payment.getField("amount").schema());
      amount.put("cents", 1234L);
      GenericRecord record = new GenericData.Record(payment);
      record.put("amount", amount);

      AvroSerializer<Object> latest = new AvroSerializer<>();
      latest.configure(Map.of("schema.registry.url", url, "use.latest.version", true, "auto.register.schemas", false),
          false);
      byte[] bytes = latest.serialize(topic, record);
      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
      AvroDeserializer<Object> reader = new AvroDeserializer<>();
      reader.configure(Map.of("schema.registry.url", url), false);
      GenericRecord read = (GenericRecord) reader.deserialize(topic, bytes);
      assertThat(((GenericRecord) read.get("amount")).get("cents")).isEqualTo(1234L);

      // The lookup producers of inlined contracts make: the contract's text with its types written in.
      AvroSerializer<Object> byText = new AvroSerializer<>();
      byText.configure(Map.of("schema.registry.url", url, "auto.register.schemas", false), false);
      if (foundByText) {
        assertThat(ByteBuffer.wrap(byText.serialize(topic, record), 1, 4).getInt()).isEqualTo(id);
      } else {
        assertThatThrownBy(() -> byText.serialize(topic, record)).isInstanceOf(SerializationException.class)
            .hasMessageContaining("error code 40403");
      }
    }
  }
}
