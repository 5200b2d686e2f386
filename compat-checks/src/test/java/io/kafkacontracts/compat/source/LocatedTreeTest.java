package io.kafkacontracts.compat.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import org.junit.jupiter.api.Test;

class LocatedTreeTest {

  @Test
  void remembersWhereEachValueStarts() throws Exception {
    LocatedTree tree = LocatedTree.parseJson("""
        {
          "name": "A",
          "fields": [
            {"name": "x", "type": "int"}
          ]
        }""");

    assertThat(tree.positionOf(JsonPointer.compile("/name"))).contains(new SourcePosition(2, 11));
    assertThat(tree.positionOf(JsonPointer.compile("/fields/0/type"))).contains(new SourcePosition(4, 27));
    assertThat(tree.nearestPositionOf(JsonPointer.compile("/fields/0/missing"))).isEqualTo(new SourcePosition(4, 5));
  }

  @Test
  void yamlPositionsAreLines() throws Exception {
    LocatedTree tree = LocatedTree.parseYaml("""
        topics:
          - name: orders
            partitions: 3
        """);

    assertThat(tree.positionOf(JsonPointer.compile("/topics/0/partitions"))).contains(new SourcePosition(3, 17));
  }

  @Test
  void syntaxErrorCarriesLineAndColumn() {
    assertThatThrownBy(() -> LocatedTree.parseJson("{\n  \"name\": \"A\",\n  \"type\" \"record\"\n}"))
        .isInstanceOfSatisfying(SyntaxException.class,
            e -> assertThat(e.position()).isEqualTo(new SourcePosition(3, 10)))
        .hasMessageContaining("was expecting a colon");
  }

  @Test
  void duplicateKeysAreSyntaxErrors() {
    assertThatThrownBy(() -> LocatedTree.parseJson("{\"name\": \"A\",\n \"name\": \"B\"}"))
        .isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.position().line()).isEqualTo(2))
        .hasMessageContaining("Duplicate field 'name'");
  }

  @Test
  void trailingContentIsRefused() {
    assertThatThrownBy(() -> LocatedTree.parseJson("{}\n{}"))
        .isInstanceOfSatisfying(SyntaxException.class,
            e -> assertThat(e.position()).isEqualTo(new SourcePosition(2, 1)))
        .hasMessage("unexpected content after the end of the document");
  }

  @Test
  void deepNestingIsAPlainError() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    assertThatThrownBy(() -> LocatedTree.parseJson(deep))
        .isInstanceOfSatisfying(SyntaxException.class,
            e -> assertThat(e.position()).isEqualTo(new SourcePosition(1, 65)))
        .hasMessage("nesting is deeper than 64 levels");
  }

  @Test
  void emptyTextIsRefused() {
    assertThatThrownBy(() -> LocatedTree.parseJson("  \n"))
        .isInstanceOf(SyntaxException.class)
        .hasMessage("the file is empty");
  }
}
