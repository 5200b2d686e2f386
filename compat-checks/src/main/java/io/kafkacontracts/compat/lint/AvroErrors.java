package io.kafkacontracts.compat.lint;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkacontracts.compat.source.LocatedTree;
import io.kafkacontracts.compat.source.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points Avro's parse errors at the faulty token, not its container: the second {@code id} of a
 * duplicate field, the {@code default} that does not fit, the second of two equal enum symbols or
 * union branches, a fixed's negative {@code size}. Avro's messages name the element but not where
 * it is; each known message shape is matched to the tree, and anything else falls back to the
 * longest string of the file the message quotes.
 */
final class AvroErrors {

  /** Where a problem is and how to say it. */
  record Located(SourcePosition position, String message) {}

  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field (\\S+) in record (\\S+?):");
  private static final Pattern INVALID_DEFAULT = Pattern.compile("Invalid default for field (\\S+?):");
  private static final Pattern DUPLICATE_SYMBOL = Pattern.compile("Duplicate enum symbol: (\\S+)");
  private static final Pattern DUPLICATE_BRANCH = Pattern.compile("Duplicate in union:\\s*(\\S+)");
  private static final Pattern NEGATIVE_LENGTH = Pattern.compile("Length is negative: (-\\d+)");

  private AvroErrors() {}

  static Located locate(LocatedTree tree, String avroMessage) {
    String message = avroMessage == null ? "" : avroMessage;
    JsonNode root = tree.root();
    Matcher m;
    if ((m = DUPLICATE_FIELD.matcher(message)).find()) {
      String field = m.group(1);
      String record = simpleName(m.group(2));
      return at(tree, find(root, (node, at) -> {
        if (node.isObject() && record.equals(simpleName(node.path("name").asText())) && node.path("fields").isArray()) {
          List<Integer> named = indexes(node.get("fields"), f -> field.equals(f.path("name").asText()));
          return named.size() > 1 ? at.appendProperty("fields").appendIndex(named.get(1)).appendProperty("name") : null;
        }
        return null;
      }), "invalid Avro schema: record '" + m.group(2) + "' has two fields named '" + field
          + "'; rename or remove one of them", message);
    }
    if ((m = INVALID_DEFAULT.matcher(message)).find()) {
      String field = m.group(1);
      return at(tree, find(root, (node, at) -> node.isObject() && node.path("fields").isArray()
          ? first(indexes(node.get("fields"), f -> field.equals(f.path("name").asText()) && f.has("default")))
              .map(i -> at.appendProperty("fields").appendIndex(i).appendProperty("default")).orElse(null)
          : null), "invalid Avro schema: " + message, message);
    }
    if ((m = DUPLICATE_SYMBOL.matcher(message)).find()) {
      String symbol = m.group(1);
      return at(tree, find(root, (node, at) -> {
        if (node.isObject() && "enum".equals(node.path("type").asText()) && node.path("symbols").isArray()) {
          List<Integer> same = indexes(node.get("symbols"), s -> symbol.equals(s.asText()));
          return same.size() > 1 ? at.appendProperty("symbols").appendIndex(same.get(1)) : null;
        }
        return null;
      }), "invalid Avro schema: enum symbol '" + symbol + "' is listed twice; remove the second", message);
    }
    if ((m = DUPLICATE_BRANCH.matcher(message)).find()) {
      String branch = m.group(1);
      return at(tree, find(root, (node, at) -> {
        if (node.isArray()) {
          List<Integer> same = indexes(node, b -> branch.equals(b.asText()) || branch.equals(b.path("type").asText())
              || branch.equals(b.path("name").asText()));
          return same.size() > 1 ? at.appendIndex(same.get(1)) : null;
        }
        return null;
      }), "invalid Avro schema: the union lists " + branch + " twice; a union holds each type once", message);
    }
    if ((m = NEGATIVE_LENGTH.matcher(message)).find()) {
      long size = Long.parseLong(m.group(1));
      List<String> name = new ArrayList<>();
      Optional<JsonPointer> pointer = find(root, (node, at) -> {
        if (node.isObject() && "fixed".equals(node.path("type").asText()) && node.path("size").asLong() == size) {
          name.add(node.path("name").asText());
          return at.appendProperty("size");
        }
        return null;
      });
      if (pointer.isPresent()) {
        // Avro's parser reuses its data decoder's words here ("Malformed data"): say what is wrong with the schema.
        return new Located(tree.nearestPositionOf(pointer.get()), "invalid Avro schema: fixed '" + name.get(0)
            + "' has size " + size + "; a fixed's size is its length in bytes, 0 or more");
      }
    }
    return new Located(SchemaFolder.locate(tree, message), "invalid Avro schema: " + message);
  }

  /** The located pointer with the clearer words, or the fallback when the tree does not match the message. */
  private static Located at(LocatedTree tree, Optional<JsonPointer> pointer, String clearer, String avroMessage) {
    return pointer.map(p -> new Located(tree.nearestPositionOf(p), clearer))
        .orElseGet(() -> new Located(SchemaFolder.locate(tree, avroMessage), "invalid Avro schema: " + avroMessage));
  }

  private interface PointerMatch {
    JsonPointer match(JsonNode node, JsonPointer at);
  }

  /** The first match in document order. */
  private static Optional<JsonPointer> find(JsonNode root, PointerMatch matcher) {
    List<JsonPointer> found = new ArrayList<>();
    walk(root, JsonPointer.empty(), (node, at) -> {
      if (found.isEmpty()) {
        JsonPointer match = matcher.match(node, at);
        if (match != null) {
          found.add(match);
        }
      }
    });
    return first(found);
  }

  private static void walk(JsonNode node, JsonPointer at, BiConsumer<JsonNode, JsonPointer> visitor) {
    visitor.accept(node, at);
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at.appendIndex(i), visitor);
      }
    } else if (node.isObject()) {
      node.properties().forEach(e -> walk(e.getValue(), at.appendProperty(e.getKey()), visitor));
    }
  }

  private static List<Integer> indexes(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (test.test(array.get(i))) {
        found.add(i);
      }
    }
    return found;
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
