package io.kafkacontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of reader/writer cases written from the resolution rules of the Avro specification,
 * each with the verdict the specification gives. Every case is checked three ways: the engine
 * gives the expected verdict, Avro's {@link SchemaCompatibility} gives the same one (so the two
 * never drift), and except where the engine is stricter on purpose (decimals) the two agree.
 */
class AvroAgreementCorpusTest {

  /** A case: can {@code reader} read what {@code writer} wrote? */
  record Case(String name, String writer, String reader, boolean compatible, boolean strictOnPurpose) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<String> PRIMITIVES =
      List.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");

  /** The specification's promotions: writer type → reader types it may be read as. */
  private static final Map<String, Set<String>> PROMOTIONS = Map.of(
      "int", Set.of("long", "float", "double"),
      "long", Set.of("float", "double"),
      "float", Set.of("double"),
      "string", Set.of("bytes"),
      "bytes", Set.of("string"));

  private static boolean promotes(String writer, String reader) {
    return writer.equals(reader) || PROMOTIONS.getOrDefault(writer, Set.of()).contains(reader);
  }

  private static String rec(String name, String... fields) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + String.join(",", fields) + "]}";
  }

  private static String field(String name, String type) {
    return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
  }

  private static String field(String name, String type, String defaultJson) {
    return "{\"name\":\"" + name + "\",\"type\":" + type + ",\"default\":" + defaultJson + "}";
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }

  static List<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    // 1. Every primitive against every primitive (64), then the same inside a field, an array and a map.
    for (String w : PRIMITIVES) {
      for (String r : PRIMITIVES) {
        boolean ok = promotes(w, r);
        cases.add(new Case("primitive " + w + " read as " + r, q(w), q(r), ok, false));
      }
    }
    for (String w : List.of("int", "long", "float", "string", "bytes", "boolean")) {
      for (String r : List.of("int", "long", "double", "string", "bytes")) {
        boolean ok = promotes(w, r);
        cases.add(new Case("field " + w + " read as " + r, rec("R", field("f", q(w))), rec("R", field("f", q(r))), ok, false));
        cases.add(new Case("array of " + w + " read as array of " + r, "{\"type\":\"array\",\"items\":" + q(w) + "}",
            "{\"type\":\"array\",\"items\":" + q(r) + "}", ok, false));
        cases.add(new Case("map of " + w + " read as map of " + r, "{\"type\":\"map\",\"values\":" + q(w) + "}",
            "{\"type\":\"map\",\"values\":" + q(r) + "}", ok, false));
      }
    }
    // 2. Records: fields added, removed, reordered, defaults, aliases, names.
    String a = field("a", q("int"));
    String b = field("b", q("string"));
    String bDefault = field("b", q("string"), q("x"));
    String bNullable = field("b", "[\"null\",\"string\"]", "null");
    cases.add(new Case("record: identical", rec("R", a, b), rec("R", a, b), true, false));
    cases.add(new Case("record: fields reordered", rec("R", a, b), rec("R", b, a), true, false));
    cases.add(new Case("record: reader adds field with default", rec("R", a), rec("R", a, bDefault), true, false));
    cases.add(new Case("record: reader adds nullable field with null default", rec("R", a), rec("R", a, bNullable), true, false));
    cases.add(new Case("record: reader adds field without default", rec("R", a), rec("R", a, b), false, false));
    cases.add(new Case("record: reader drops a field", rec("R", a, b), rec("R", a), true, false));
    cases.add(new Case("record: reader drops every field", rec("R", a, b), rec("R"), true, false));
    cases.add(new Case("record: empty writer, reader with defaults", rec("R"), rec("R", bDefault), true, false));
    cases.add(new Case("record: renamed without alias", rec("R", a), rec("S", a), false, false));
    cases.add(new Case("record: renamed with alias",
        rec("R", a), "{\"type\":\"record\",\"name\":\"S\",\"aliases\":[\"R\"],\"fields\":[" + a + "]}", true, false));
    // The specification matches records by unqualified name: a namespace change alone resolves.
    cases.add(new Case("record: namespace changed",
        rec("R", a), "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"fields\":[" + a + "]}", true, false));
    cases.add(new Case("record: field renamed without alias", rec("R", a), rec("R", field("c", q("int"))), false, false));
    cases.add(new Case("record: field renamed with alias", rec("R", a),
        rec("R", "{\"name\":\"c\",\"type\":\"int\",\"aliases\":[\"a\"]}"), true, false));
    cases.add(new Case("record: field renamed with alias and promoted", rec("R", a),
        rec("R", "{\"name\":\"c\",\"type\":\"long\",\"aliases\":[\"a\"]}"), true, false));
    cases.add(new Case("record: field type changed", rec("R", a), rec("R", field("a", q("string"))), false, false));
    cases.add(new Case("record: field made nullable", rec("R", a), rec("R", field("a", "[\"null\",\"int\"]")), true, false));
    cases.add(new Case("record: nullable field made required", rec("R", field("a", "[\"null\",\"int\"]")), rec("R", a), false, false));
    cases.add(new Case("record: writer has extra field with default", rec("R", a, bDefault), rec("R", a), true, false));
    cases.add(new Case("record: nested record adds field with default",
        rec("R", field("n", rec("N", a))), rec("R", field("n", rec("N", a, bDefault))), true, false));
    cases.add(new Case("record: nested record adds field without default",
        rec("R", field("n", rec("N", a))), rec("R", field("n", rec("N", a, b))), false, false));
    cases.add(new Case("record: nested record renamed",
        rec("R", field("n", rec("N", a))), rec("R", field("n", rec("M", a))), false, false));
    cases.add(new Case("record: record read as map", rec("R", a), "{\"type\":\"map\",\"values\":\"int\"}", false, false));
    cases.add(new Case("record: record read as string", rec("R", a), q("string"), false, false));
    // 3. Enums.
    String e2 = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}";
    String e3 = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\",\"C\"]}";
    String e2d = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}";
    String e3r = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"C\",\"B\",\"A\"]}";
    cases.add(new Case("enum: identical", e2, e2, true, false));
    cases.add(new Case("enum: reader adds symbol", e2, e3, true, false));
    cases.add(new Case("enum: reader lacks writer symbol", e3, e2, false, false));
    cases.add(new Case("enum: reader lacks symbol but has default", e3, e2d, true, false));
    cases.add(new Case("enum: symbols reordered", e3, e3r, true, false));
    cases.add(new Case("enum: renamed", e2, "{\"type\":\"enum\",\"name\":\"F\",\"symbols\":[\"A\",\"B\"]}", false, false));
    cases.add(new Case("enum: renamed with alias", e2,
        "{\"type\":\"enum\",\"name\":\"F\",\"aliases\":[\"E\"],\"symbols\":[\"A\",\"B\"]}", true, false));
    cases.add(new Case("enum: read as string", e2, q("string"), false, false));
    cases.add(new Case("enum: string read as enum", q("string"), e2, false, false));
    cases.add(new Case("enum: in a field, reader lacks symbol", rec("R", field("e", e3)), rec("R", field("e", e2)), false, false));
    cases.add(new Case("enum: in an array, reader adds symbol",
        "{\"type\":\"array\",\"items\":" + e2 + "}", "{\"type\":\"array\",\"items\":" + e3 + "}", true, false));
    // 4. Fixed.
    String f4 = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}";
    cases.add(new Case("fixed: identical", f4, f4, true, false));
    cases.add(new Case("fixed: size changed", f4, "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}", false, false));
    cases.add(new Case("fixed: renamed", f4, "{\"type\":\"fixed\",\"name\":\"G\",\"size\":4}", false, false));
    cases.add(new Case("fixed: renamed with alias", f4,
        "{\"type\":\"fixed\",\"name\":\"G\",\"aliases\":[\"F\"],\"size\":4}", true, false));
    cases.add(new Case("fixed: read as bytes", f4, q("bytes"), false, false));
    // 5. Unions.
    cases.add(new Case("union: identical", "[\"null\",\"string\"]", "[\"null\",\"string\"]", true, false));
    cases.add(new Case("union: reader adds branch", "[\"null\",\"string\"]", "[\"null\",\"string\",\"int\"]", true, false));
    cases.add(new Case("union: reader lacks branch", "[\"null\",\"string\",\"int\"]", "[\"null\",\"string\"]", false, false));
    cases.add(new Case("union: branches reordered", "[\"null\",\"string\"]", "[\"string\",\"null\"]", true, false));
    cases.add(new Case("union: writer branch promoted in reader", "[\"null\",\"int\"]", "[\"null\",\"long\"]", true, false));
    cases.add(new Case("union: non-union writer, union reader with branch", q("int"), "[\"null\",\"int\"]", true, false));
    cases.add(new Case("union: non-union writer promoted into union", q("int"), "[\"null\",\"double\"]", true, false));
    cases.add(new Case("union: non-union writer, union reader without branch", q("int"), "[\"null\",\"string\"]", false, false));
    cases.add(new Case("union: union writer, non-union reader matching all", "[\"int\"]", q("int"), true, false));
    cases.add(new Case("union: union writer, non-union reader missing one", "[\"null\",\"int\"]", q("int"), false, false));
    cases.add(new Case("union: union writer, promoting non-union reader", "[\"int\",\"long\"]", q("double"), true, false));
    cases.add(new Case("union: nested record adds field with default",
        "[\"null\"," + rec("N", a) + "]", "[\"null\"," + rec("N", a, bDefault) + "]", true, false));
    cases.add(new Case("union: nested record adds field without default",
        "[\"null\"," + rec("N", a) + "]", "[\"null\"," + rec("N", a, b) + "]", false, false));
    cases.add(new Case("union: of two records, reader keeps both", "[" + rec("A", a) + "," + rec("B", a) + "]",
        "[" + rec("B", a) + "," + rec("A", a) + "]", true, false));
    cases.add(new Case("union: of two records, reader drops one", "[" + rec("A", a) + "," + rec("B", a) + "]",
        "[" + rec("A", a) + "]", false, false));
    cases.add(new Case("union: in a map, reader adds branch",
        "{\"type\":\"map\",\"values\":[\"null\",\"int\"]}", "{\"type\":\"map\",\"values\":[\"null\",\"int\",\"string\"]}", true, false));
    cases.add(new Case("union: in an array, reader lacks branch",
        "{\"type\":\"array\",\"items\":[\"int\",\"string\"]}", "{\"type\":\"array\",\"items\":[\"int\"]}", false, false));
    // 6. Arrays and maps.
    cases.add(new Case("array read as map", "{\"type\":\"array\",\"items\":\"int\"}", "{\"type\":\"map\",\"values\":\"int\"}", false, false));
    cases.add(new Case("map read as array", "{\"type\":\"map\",\"values\":\"int\"}", "{\"type\":\"array\",\"items\":\"int\"}", false, false));
    cases.add(new Case("array of records, reader adds defaulted field",
        "{\"type\":\"array\",\"items\":" + rec("N", a) + "}", "{\"type\":\"array\",\"items\":" + rec("N", a, bDefault) + "}", true, false));
    cases.add(new Case("array of arrays, promoted", "{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":\"int\"}}",
        "{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":\"long\"}}", true, false));
    cases.add(new Case("map of maps, narrowed", "{\"type\":\"map\",\"values\":{\"type\":\"map\",\"values\":\"long\"}}",
        "{\"type\":\"map\",\"values\":{\"type\":\"map\",\"values\":\"int\"}}", false, false));
    // 7. Recursive types.
    String list1 = "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[" + a + ",{\"name\":\"next\",\"type\":[\"null\",\"Node\"],\"default\":null}]}";
    String list2 = "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[" + a + "," + bDefault + ",{\"name\":\"next\",\"type\":[\"null\",\"Node\"],\"default\":null}]}";
    String list3 = "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[" + a + "," + b + ",{\"name\":\"next\",\"type\":[\"null\",\"Node\"],\"default\":null}]}";
    cases.add(new Case("recursive: identical", list1, list1, true, false));
    cases.add(new Case("recursive: reader adds defaulted field", list1, list2, true, false));
    cases.add(new Case("recursive: reader adds field without default", list1, list3, false, false));
    cases.add(new Case("recursive: reader drops field", list2, list1, true, false));
    // 8. Logical types: Avro resolves by the underlying type.
    String ts = "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}";
    String tsMicros = "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}";
    String uuid = "{\"type\":\"string\",\"logicalType\":\"uuid\"}";
    String date = "{\"type\":\"int\",\"logicalType\":\"date\"}";
    cases.add(new Case("logical: long read as timestamp-millis", q("long"), ts, true, false));
    cases.add(new Case("logical: timestamp-millis read as long", ts, q("long"), true, false));
    cases.add(new Case("logical: timestamp-millis read as timestamp-micros", ts, tsMicros, true, false));
    cases.add(new Case("logical: uuid read as string", uuid, q("string"), true, false));
    cases.add(new Case("logical: string read as uuid", q("string"), uuid, true, false));
    cases.add(new Case("logical: date read as long", date, q("long"), true, false));
    cases.add(new Case("logical: timestamp read as int", ts, q("int"), false, false));
    String dec92 = "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}";
    String dec93 = "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":3}";
    String dec62 = "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":6,\"scale\":2}";
    String dec122 = "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}";
    cases.add(new Case("decimal: identical", dec92, dec92, true, false));
    cases.add(new Case("decimal: precision increased for the reader", dec92, dec122, true, false));
    cases.add(new Case("decimal: scale changed (stricter than Avro)", dec92, dec93, false, true));
    cases.add(new Case("decimal: precision decreased (stricter than Avro)", dec92, dec62, false, true));
    cases.add(new Case("decimal: in a nullable field, scale changed (stricter than Avro)",
        rec("R", field("d", "[\"null\"," + dec92 + "]", "null")), rec("R", field("d", "[\"null\"," + dec93 + "]", "null")), false, true));
    cases.add(new Case("decimal: bytes read as decimal", q("bytes"), dec92, true, false));
    cases.add(new Case("decimal: decimal read as string", dec92, q("string"), true, false));
    return cases;
  }

  @Test
  void theCorpusHasAtLeast150Cases() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(150);
  }

  static Stream<Arguments> cases() {
    return corpus().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void engineGivesTheSpecificationsVerdictAndAgreesWithAvro(Case c) {
    Schema writer = new Schema.Parser().parse(c.writer());
    Schema reader = new Schema.Parser().parse(c.reader());

    boolean engine = CompatibilityEngine.canRead(reader, writer);
    boolean avro = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibilityType.COMPATIBLE;

    assertThat(engine).as("engine verdict").isEqualTo(c.compatible());
    if (c.strictOnPurpose()) {
      assertThat(avro).as("Avro lets this through; the engine is stricter on purpose").isTrue();
    } else {
      assertThat(avro).as("Avro's verdict").isEqualTo(engine);
    }
  }
}
