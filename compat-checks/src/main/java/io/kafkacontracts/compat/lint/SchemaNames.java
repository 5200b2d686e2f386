package io.kafkacontracts.compat.lint;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkacontracts.compat.source.Pointers;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks an Avro schema's JSON tree the way Avro's parser does, reporting named-type definitions
 * and by-name references with their JSON pointers and full names. Avro's own parser cannot say
 * where in the file a reference is; this walk can, so an unknown type is reported at its line.
 */
public final class SchemaNames {

  /** Avro's primitive type names. */
  public static final Set<String> PRIMITIVES =
      Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");
  private static final Set<String> NAMED = Set.of("record", "error", "enum", "fixed");

  /** A named type defined at {@code pointer}. */
  public record Definition(String fullName, JsonPointer pointer) {}

  /**
   * A use of a type by name at {@code pointer}; {@code candidates} are the full names it may mean,
   * in Avro's lookup order (the enclosing namespace first, then the name as written).
   */
  public record Reference(String written, List<String> candidates, JsonPointer pointer, String field) {}

  private final Consumer<Definition> definitions;
  private final Consumer<Reference> references;

  private SchemaNames(Consumer<Definition> definitions, Consumer<Reference> references) {
    this.definitions = definitions;
    this.references = references;
  }

  public static void walk(JsonNode root, Consumer<Definition> definitions, Consumer<Reference> references) {
    new SchemaNames(definitions, references).visit(root, "", "", null);
  }

  private void visit(JsonNode node, String at, String namespace, String field) {
    if (node.isTextual()) {
      String name = node.asText();
      if (!PRIMITIVES.contains(name)) {
        references.accept(new Reference(name, candidates(name, namespace), JsonPointer.compile(at), field));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        visit(node.get(i), Pointers.index(at, i), namespace, field);
      }
    } else if (node.isObject()) {
      visitObject(node, at, namespace, field);
    }
  }

  private void visitObject(JsonNode node, String at, String namespace, String field) {
    JsonNode type = node.get("type");
    if (type == null) {
      return; // Avro's parser reports the missing type.
    }
    if (!type.isTextual()) {
      visit(type, Pointers.property(at, "type"), namespace, field);
      return;
    }
    String kind = type.asText();
    if (NAMED.contains(kind)) {
      String fullName = fullName(node, namespace);
      if (fullName != null) {
        definitions.accept(new Definition(fullName, JsonPointer.compile(at)));
      }
      String inner = fullName != null && fullName.contains(".")
          ? fullName.substring(0, fullName.lastIndexOf('.'))
          : namespace;
      JsonNode fields = node.get("fields");
      if (fields != null && fields.isArray()) {
        for (int i = 0; i < fields.size(); i++) {
          JsonNode f = fields.get(i);
          JsonNode fieldType = f.get("type");
          if (fieldType != null) {
            String fieldName = f.path("name").asText(null);
            visit(fieldType, at + "/fields/" + i + "/type", inner, fieldName);
          }
        }
      }
    } else if (kind.equals("array")) {
      JsonNode items = node.get("items");
      if (items != null) {
        visit(items, at + "/items", namespace, field);
      }
    } else if (kind.equals("map")) {
      JsonNode values = node.get("values");
      if (values != null) {
        visit(values, at + "/values", namespace, field);
      }
    } else if (!PRIMITIVES.contains(kind)) {
      references.accept(new Reference(kind, candidates(kind, namespace), JsonPointer.compile(at + "/type"), field));
    }
  }

  private static String fullName(JsonNode node, String enclosing) {
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual()) {
      return null;
    }
    String simple = name.asText();
    if (simple.contains(".")) {
      return simple;
    }
    JsonNode ns = node.get("namespace");
    String namespace = ns != null && ns.isTextual() ? ns.asText() : enclosing;
    return namespace.isEmpty() ? simple : namespace + "." + simple;
  }

  private static List<String> candidates(String name, String namespace) {
    if (name.contains(".") || namespace.isEmpty()) {
      return List.of(name);
    }
    return List.of(namespace + "." + name, name);
  }
}
