package io.kafkacontracts.compat.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFolderTest {

  @TempDir
  Path root;

  private void write(String relative, String text) throws IOException {
    TestFiles.write(root, relative, text);
  }

  private SchemaFolder load() throws IOException {
    return SchemaFolder.load(root, root::relativize);
  }

  private static final String ADDRESS = """
      {"type": "record", "name": "Address", "namespace": "com.example.common",
       "fields": [{"name": "city", "type": "string"}]}
      """;

  @Test
  void resolvesReferencesAcrossFilesInAnyOrder() throws IOException {
    // "a/" sorts before "common/": Customer refers forward to a type read later.
    write("a/Customer.avsc", """
        {"type": "record", "name": "Customer", "namespace": "com.example.a",
         "fields": [{"name": "home", "type": "com.example.common.Address"}]}
        """);
    write("common/Address.avsc", ADDRESS);

    SchemaFolder folder = load();

    assertThat(folder.problems()).isEmpty();
    assertThat(folder.types()).containsOnlyKeys("com.example.a.Customer", "com.example.common.Address");
    Schema customer = folder.type("com.example.a.Customer").orElseThrow();
    assertThat(customer.getField("home").schema().getField("city")).isNotNull();
    assertThat(folder.fileOf("com.example.common.Address").orElseThrow().path())
        .isEqualTo(Path.of("common/Address.avsc"));
    assertThat(folder.fileOf("com.example.common.Address").orElseThrow().text()).isEqualTo(ADDRESS);
  }

  @Test
  void malformedJsonNamesFileLineAndColumn() throws IOException {
    write("bad/Broken.avsc", """
        {
          "type": "record",
          "name": "Broken",
          "fields": [
            {"name": "a", "type": "string"}
            {"name": "b", "type": "int"}
          ]
        }
        """);

    assertThat(load().problems()).extracting(Problem::toString).containsExactly(
        "bad/Broken.avsc:6:5: invalid JSON: Unexpected character ('{' (code 123)): "
            + "was expecting comma to separate Array entries [SYNTAX_ERROR]");
  }

  @Test
  void everyInvalidNameIsReportedAtItsTokenEveryEnumSymbolAndANamespaceToo() throws IOException {
    write("a/Status.avsc", """
        {"type": "enum", "name": "Status", "namespace": "com.example",
         "symbols": ["OK", "not-ok", "1ST"]}
        """);
    write("b/Order.avsc", """
        {"type": "record", "name": "Order", "namespace": "com.bad-space.shop",
         "fields": [{"name": "total amount", "type": "long"}]}
        """);

    assertThat(load().problems()).extracting(Problem::toString).containsExactly(
        "a/Status.avsc:2:20: invalid Avro name 'not-ok', a symbol of enum 'Status': Illegal character in: not-ok; a name "
            + "starts with a letter or '_' and holds only letters, digits and '_' [INVALID_SCHEMA]",
        "a/Status.avsc:2:30: invalid Avro name '1ST', a symbol of enum 'Status': Illegal initial character: 1ST; a name "
            + "starts with a letter or '_' and holds only letters, digits and '_' [INVALID_SCHEMA]",
        "b/Order.avsc:1:50: invalid Avro name 'bad-space', a part of the namespace of record 'Order': Illegal character "
            + "in: bad-space; a name starts with a letter or '_' and holds only letters, digits and '_' [INVALID_SCHEMA]",
        "b/Order.avsc:2:22: invalid Avro name 'total amount', a field of record 'Order': Illegal character in: total "
            + "amount; a name starts with a letter or '_' and holds only letters, digits and '_' [INVALID_SCHEMA]");
  }

  @Test
  void aByteThatIsNotUtf8IsReportedAtItsLineAndColumn() throws IOException {
    java.nio.file.Files.createDirectories(root.resolve("a"));
    // Line 3, after the two characters of "ü" (two bytes) and "x": the fourth character is a lone 0xE9 (Latin-1 é).
    java.nio.file.Files.write(root.resolve("a/Latin.avsc"), concat("{\"type\": \"record\", \"name\": \"Latin\",\n"
        + " \"fields\": [],\n \"doc\": \"\u00fcx", new byte[] {(byte) 0xE9}, "\"}\n"));

    assertThat(load().problems()).extracting(Problem::toString).containsExactly(
        "a/Latin.avsc:3:12: the file is not UTF-8 text (a byte here is not UTF-8); save it as UTF-8 [SYNTAX_ERROR]");
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    byte[] a = before.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] c = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(middle, 0, all, a.length, middle.length);
    System.arraycopy(c, 0, all, a.length + middle.length, c.length);
    return all;
  }

  @Test
  void unknownTypeIsReportedAtTheReferenceWithItsField() throws IOException {
    write("common/Address.avsc", ADDRESS);
    write("a/Customer.avsc", """
        {"type": "record", "name": "Customer", "namespace": "com.example.a",
         "fields": [
           {"name": "home", "type": ["null", "com.example.common.Adress"], "default": null}
         ]}
        """);

    assertThat(load().problems()).extracting(Problem::toString).containsExactly(
        "a/Customer.avsc:3:38: unknown type 'com.example.common.Adress' in field 'home': no .avsc file of "
            + "the folder defines it and it is not an Avro primitive; did you mean 'com.example.common.Address'? "
            + "[UNKNOWN_TYPE]");
  }

  @Test
  void unqualifiedReferenceResolvesInTheEnclosingNamespace() throws IOException {
    write("common/Address.avsc", ADDRESS);
    write("common/Person.avsc", """
        {"type": "record", "name": "Person", "namespace": "com.example.common",
         "fields": [{"name": "home", "type": "Address"}]}
        """);

    assertThat(load().problems()).isEmpty();
  }

  @Test
  void aTypeDefinedTwiceNamesBothPlaces() throws IOException {
    write("a/Address.avsc", ADDRESS);
    write("b/Address.avsc", ADDRESS);

    assertThat(load().problems()).extracting(Problem::toString).containsExactly(
        "b/Address.avsc:1:28: type 'com.example.common.Address' is already defined at a/Address.avsc:1:28; "
            + "define each named type once and reference it by its full name [DUPLICATE_TYPE]");
  }

  @Test
  void avroErrorsArePointedAtTheNameTheyQuote() throws IOException {
    write("a/Order.avsc", """
        {"type": "record", "name": "Order", "namespace": "com.example",
         "fields": [
           {"name": "id", "type": "string"},
           {"name": "quantity", "type": "int", "default": "many"}
         ]}
        """);

    // At the default itself, not at the field's name.
    assertThat(load().problems()).singleElement().satisfies(problem -> {
      assertThat(problem.rule()).isEqualTo("INVALID_SCHEMA");
      assertThat(problem.location().toString()).isEqualTo("a/Order.avsc:4:51");
      assertThat(problem.message()).startsWith("invalid Avro schema: Invalid default for field quantity");
    });
  }

  @Test
  void reportsEveryProblemOfTheFolderInOneRun() throws IOException {
    write("a/Empty.avsc", "\n");
    write("b/Broken.avsc", "{\"type\": \"record\",");
    write("c/Unknown.avsc", """
        {"type": "record", "name": "U", "fields": [{"name": "x", "type": "Nope"}]}
        """);

    assertThat(load().problems()).extracting(Problem::rule)
        .containsExactly("EMPTY_FILE", "SYNTAX_ERROR", "UNKNOWN_TYPE");
  }

  @Test
  void usesOfATypeWhoseFileCannotBeReadAreNotReportedTwice() throws IOException {
    write("common/Address.avsc", "{\"type\": \"record\", \"name\": \"Address\",");
    write("a/Customer.avsc", """
        {"type": "record", "name": "Customer", "namespace": "com.example.a",
         "fields": [{"name": "home", "type": "com.example.common.Address"}, {"name": "x", "type": "Nope"}]}
        """);

    assertThat(load().problems()).extracting(Problem::rule).containsExactly("UNKNOWN_TYPE", "SYNTAX_ERROR");
    assertThat(load().problems().get(0).message()).startsWith("unknown type 'Nope'");
  }

  @Test
  void logicalTypesAvroWouldDropSilentlyAreReported() throws IOException {
    write("a/Odd.avsc", """
        {"type": "record", "name": "Odd", "fields": [
          {"name": "id", "type": {"type": "int", "logicalType": "uuid"}},
          {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 6}},
          {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
          {"name": "custom", "type": {"type": "string", "logicalType": "our-own"}}
        ]}
        """);

    assertThat(load().problems()).extracting(Problem::toString).containsExactly(
        "a/Odd.avsc:2:57: logicalType 'uuid' on type 'int' is ignored by Avro, which then reads plain int; uuid "
            + "needs fixed or string [LOGICAL_TYPE_IGNORED]",
        "a/Odd.avsc:3:63: decimal with scale 6 and precision 4 is ignored by Avro, which then reads plain bytes; "
            + "the scale must be between 0 and the precision [LOGICAL_TYPE_IGNORED]");
  }

  @Test
  void avroNameAndSymbolErrorsAreLocated() throws IOException {
    write("a/Names.avsc", """
        {"type": "record", "name": "Names", "fields": [
          {"name": "ok", "type": "int"},
          {"name": "not-a-name", "type": "int"}
        ]}
        """);
    write("b/Symbols.avsc", """
        {"type": "enum", "name": "Symbols",
         "symbols": ["A", "B", "A"]}
        """);

    assertThat(load().problems()).extracting(p -> p.location() + " " + p.rule()).containsExactly(
        "a/Names.avsc:3:12 INVALID_SCHEMA", "b/Symbols.avsc:2:24 INVALID_SCHEMA");
  }

  @Test
  void duplicatesArePointedAtTheirSecondOccurrence() throws IOException {
    write("a/Fields.avsc", """
        {"type": "record", "name": "Fields", "namespace": "com.example", "fields": [
          {"name": "id", "type": "string"},
          {"name": "note", "type": "string"},
          {"name": "id", "type": "long"}
        ]}
        """);
    write("b/Union.avsc", """
        {"type": "record", "name": "Union", "fields": [
          {"name": "maybe", "type": ["null", "string",
                                     "null"]}
        ]}
        """);

    assertThat(load().problems()).extracting(Problem::toString).containsExactly(
        "a/Fields.avsc:4:12: invalid Avro schema: record 'com.example.Fields' has two fields named 'id'; rename or "
            + "remove one of them [INVALID_SCHEMA]",
        "b/Union.avsc:3:30: invalid Avro schema: the union lists null twice; a union holds each type once "
            + "[INVALID_SCHEMA]");
  }

  @Test
  void aNegativeFixedSizeIsToldInTheSchemasWordsAtItsSize() throws IOException {
    write("a/Hash.avsc", """
        {"type": "fixed", "name": "Hash",
         "size": -16}
        """);

    assertThat(load().problems()).extracting(Problem::toString).containsExactly(
        "a/Hash.avsc:2:10: invalid Avro schema: fixed 'Hash' has size -16; a fixed's size is its length in bytes, "
            + "0 or more [INVALID_SCHEMA]");
  }

  @Test
  void anUnknownTypeGetsTheNearestDefinedNameOrPrimitive() throws IOException {
    write("common/Address.avsc", ADDRESS);
    write("a/Customer.avsc", """
        {"type": "record", "name": "Customer", "namespace": "com.example.common",
         "fields": [
           {"name": "home", "type": "Adress"},
           {"name": "name", "type": "strng"},
           {"name": "other", "type": "com.example.Unrelated"}
         ]}
        """);

    assertThat(load().problems()).extracting(Problem::message).containsExactly(
        "unknown type 'Adress' in field 'home': no .avsc file of the folder defines it and it is not an Avro "
            + "primitive; did you mean 'com.example.common.Address'?",
        "unknown type 'strng' in field 'name': no .avsc file of the folder defines it and it is not an Avro "
            + "primitive; did you mean 'string'?",
        "unknown type 'com.example.Unrelated' in field 'other': no .avsc file of the folder defines it and it is "
            + "not an Avro primitive; check the spelling, and write the full name of a type an .avsc file of the "
            + "folder defines");
  }
}
