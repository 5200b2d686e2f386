package io.kafkacontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.JavaOnlyProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named type in schemas/ has a generated class that is faithful to the contract. */
class GeneratedClassesTest {

  @BeforeAll
  static void contractsAreValid() {
    assertThat(Contracts.load().problems()).isEmpty();
  }

  static Stream<String> namedTypes() {
    return Contracts.load().schemas().types().keySet().stream().sorted();
  }

  static Stream<String> recordTypes() {
    return Contracts.load().schemas().types().values().stream()
        .filter(schema -> schema.getType() == Schema.Type.RECORD)
        .map(Schema::getFullName)
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("namedTypes")
  void everyNamedTypeHasAGeneratedClass(String fullName) throws ClassNotFoundException {
    Class<?> generated = Class.forName(fullName);
    Schema contract = Contracts.load().schemas().type(fullName).orElseThrow();

    if (contract.getType() == Schema.Type.RECORD) {
      assertThat(generated).isAssignableTo(SpecificRecordBase.class);
    } else {
      assertThat(contract.getType()).isEqualTo(Schema.Type.ENUM);
      assertThat(generated.isEnum()).as("%s is an enum", generated).isTrue();
      assertThat(generated).isAssignableTo(GenericEnumSymbol.class);
    }
  }

  @ParameterizedTest
  @MethodSource("namedTypes")
  void theEmbeddedSchemaIsTheContractOnceJavaOnlyPropertiesAreRemoved(String fullName) throws Exception {
    Schema embedded = SpecificData.get().getSchema(Class.forName(fullName));
    Schema contract = Contracts.load().schemas().type(fullName).orElseThrow();

    Schema stripped = JavaOnlyProperties.strip(embedded);

    // toString() renders docs, defaults, order and every property, so this is the strictest equality.
    assertThat(stripped.toString()).isEqualTo(contract.toString());
    assertThat(stripped).isEqualTo(contract);
  }

  @ParameterizedTest
  @MethodSource("recordTypes")
  void aFullyPopulatedInstanceRoundTripsThroughBinaryAndJson(String fullName) throws Exception {
    Class<?> generated = Class.forName(fullName);
    SpecificData model = SpecificData.getForClass(generated);
    Schema schema = model.getSchema(generated);
    IndexedRecord original = (IndexedRecord) new ExampleValues(model).of(schema);
    assertThat(original).isInstanceOf(generated);
    assertThat(IntStream.range(0, schema.getFields().size()).mapToObj(original::get)).doesNotContainNull();

    assertThat(binaryRoundTrip(original, schema, model)).isEqualTo(original);
    assertThat(jsonRoundTrip(original, schema, model)).isEqualTo(original);
  }

  private static Object binaryRoundTrip(Object record, Schema schema, SpecificData model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(schema, model).write(record, encoder);
    encoder.flush();
    return new SpecificDatumReader<>(schema, schema, model)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }

  private static Object jsonRoundTrip(Object record, Schema schema, SpecificData model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
    new SpecificDatumWriter<>(schema, model).write(record, encoder);
    encoder.flush();
    return new SpecificDatumReader<>(schema, schema, model)
        .read(null, DecoderFactory.get().jsonDecoder(schema, out.toString(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
