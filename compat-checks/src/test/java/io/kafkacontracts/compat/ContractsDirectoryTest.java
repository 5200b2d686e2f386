package io.kafkacontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a contracts directory, and the messages the build shows for it. */
class ContractsDirectoryTest {

  @TempDir
  Path root;

  private void write(String relative, String text) throws IOException {
    TestFiles.write(root, relative, text);
  }

  private ContractsDirectory load() throws IOException {
    return ContractsDirectory.load(root, path -> path.toAbsolutePath().normalize());
  }

  @Test
  void reportsEveryProblemOfTheSchemasEachAtItsFileAndLine() throws IOException {
    write("avro/shop/Order.avsc", """
        {
          "type": "record",
          "name": "Order",
          "namespace": "com.example",
          "fields": [
            {"name": "id", "type": "string"},
          ]
        }
        """);
    write("avro/shop/Customer.avsc", """
        {"type": "record", "name": "Customer", "namespace": "com.example",
         "fields": [{"name": "address", "type": "com.example.Address"}]}
        """);
    write("contracts.yaml", "topics: []\n");

    String shown = root.toAbsolutePath().normalize().toString();
    assertThat(load().problemReport(root))
        .isEqualTo("2 problems in the contracts under " + root + "; fix them and build again:\n"
            + shown + "/avro/shop/Customer.avsc:2:41: unknown type 'com.example.Address' in field 'address': no "
            + ".avsc file of the folder defines it and it is not an Avro primitive; check the spelling, and write "
            + "the full name of a type an .avsc file of the folder defines [UNKNOWN_TYPE]\n"
            + shown + "/avro/shop/Order.avsc:7:3: invalid JSON: Unexpected character (']' (code 93)): expected a "
            + "valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') [SYNTAX_ERROR]");
  }

  @Test
  void reportsTheCataloguesProblemsWithTheSchemasProblemsInOneRun() throws IOException {
    write("avro/Order.avsc", """
        {"type": "record", "name": "Order", "namespace": "com.example", "fields": [{"name": "id", "type": "strin"}]}
        """);
    write("contracts.yaml", """
        topics:
          - name: orders
            value: com.example.Order
            compatibility: BACKWARDS
          - name: bad topic
            value: com.example.Nowhere
        """);

    ContractsDirectory contracts = load();

    // The catalogue's own mistakes are reported now; its names are not checked against broken schemas.
    assertThat(contracts.problems()).extracting(Problem::rule)
        .containsExactly("UNKNOWN_TYPE", "COMPATIBILITY_LEVEL_INVALID", "TOPIC_NAME_INVALID");
    assertThat(contracts.catalogue().topics()).isEmpty();
  }

  @Test
  void checksTheCatalogueOnceTheSchemasAreValid() throws IOException {
    write("avro/Order.avsc", """
        {"type": "record", "name": "Order", "namespace": "com.example", "fields": [{"name": "id", "type": "string"}]}
        """);
    write("contracts.yaml", """
        topics:
          - name: orders
            value: com.example.Ordr
        """);

    assertThat(load().problemReport(root))
        .endsWith("/contracts.yaml:3:12: topic 'orders' names value schema 'com.example.Ordr', "
            + "which no .avsc file defines; did you mean 'com.example.Order'? [UNKNOWN_SCHEMA]");
  }

  @Test
  void summarizesWhatItValidated() throws IOException {
    write("avro/Order.avsc", """
        {"type": "record", "name": "Order", "namespace": "com.example", "fields": [{"name": "id", "type": "string"}]}
        """);
    write("contracts.yaml", """
        topics:
          - name: orders
            value: com.example.Order
        """);

    ContractsDirectory contracts = load();
    assertThat(contracts.problems()).isEmpty();
    assertThat(contracts.summary()).isEqualTo("kafka-contracts: 1 schema files, 1 named types and 1 topics are valid");
  }
}
