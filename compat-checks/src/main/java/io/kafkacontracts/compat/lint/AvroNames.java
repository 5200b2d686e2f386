package io.kafkacontracts.compat.lint;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;
import org.apache.avro.NameValidator;

/**
 * Every name a schema text writes, checked by Avro's own validator (the one its parser uses), so
 * that each invalid name is reported at its token: every enum symbol, field, type name and
 * namespace part, where Avro's parser stops at the first and names no place. Stateless.
 */
final class AvroNames {

  private AvroNames() {}

  /** Reports each invalid name with the pointer to its token and a message naming it and what it names. */
  static void check(JsonNode node, JsonPointer at, BiConsumer<JsonPointer, String> invalid) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), at.appendIndex(i), invalid);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String type = node.path("type").asText("");
    boolean named = type.equals("record") || type.equals("error") || type.equals("enum") || type.equals("fixed");
    String label = named ? type + " '" + node.path("name").asText("?") + "'" : "";
    if (named && node.path("name").isTextual()) {
      String[] parts = node.get("name").asText().split("\\.", -1);
      for (String part : parts) {
        name(part, "a part of the name of " + label, at.appendProperty("name"), invalid);
      }
    }
    if (named && node.path("namespace").isTextual() && !node.get("namespace").asText().isEmpty()) {
      for (String part : node.get("namespace").asText().split("\\.", -1)) {
        name(part, "a part of the namespace of " + label, at.appendProperty("namespace"), invalid);
      }
    }
    if (type.equals("enum") && node.path("symbols").isArray()) {
      JsonNode symbols = node.get("symbols");
      for (int i = 0; i < symbols.size(); i++) {
        if (symbols.get(i).isTextual()) {
          name(symbols.get(i).asText(), "a symbol of " + label, at.appendProperty("symbols").appendIndex(i), invalid);
        }
      }
    }
    if ((type.equals("record") || type.equals("error")) && node.path("fields").isArray()) {
      JsonNode fields = node.get("fields");
      for (int i = 0; i < fields.size(); i++) {
        JsonPointer field = at.appendProperty("fields").appendIndex(i);
        if (fields.get(i).path("name").isTextual()) {
          name(fields.get(i).get("name").asText(), "a field of " + label, field.appendProperty("name"), invalid);
        }
        check(fields.get(i).path("type"), field.appendProperty("type"), invalid);
      }
    }
    check(node.path("type"), at.appendProperty("type"), invalid); // a name such as "string" is no container
    check(node.path("items"), at.appendProperty("items"), invalid);
    check(node.path("values"), at.appendProperty("values"), invalid);
  }

  private static void name(String name, String what, JsonPointer at, BiConsumer<JsonPointer, String> invalid) {
    NameValidator.Result result = NameValidator.UTF_VALIDATOR.validate(name);
    if (!result.isOK()) {
      invalid.accept(at, "invalid Avro name '" + name + "', " + what + ": " + result.getErrors()
          + "; a name starts with a letter or '_' and holds only letters, digits and '_'");
    }
  }
}
