package io.kafkacontracts.compat.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON or YAML document read into a Jackson tree that remembers where each value started, so
 * that a problem found in the tree can be reported at its line and column. Immutable once built;
 * safe to share between threads.
 *
 * <p>Jackson's own tree model drops locations, hence this small builder over its streaming parser.
 * Nesting is bounded: a document deeper than {@link #MAX_DEPTH} is a syntax error with a plain
 * message instead of a parser stack overflow. Positions are worked out on the first question
 * about one (a second read of the text): most documents, such as the earlier versions of a git
 * baseline, are never asked, and building positions was most of the cost of reading them.
 */
public final class LocatedTree {

  /** Deeper nesting than this is refused. No sane contract comes near it. */
  public static final int MAX_DEPTH = 64;

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final JsonNode root;
  private final JsonFactory factory;
  private final String text;
  private volatile Map<String, SourcePosition> positions;

  private LocatedTree(JsonNode root, JsonFactory factory, String text) {
    this.root = root;
    this.factory = factory;
    this.text = text;
  }

  /** Reads one JSON document; trailing content after it is an error. */
  public static LocatedTree parseJson(String text) throws SyntaxException {
    return parse(JSON, text);
  }

  /** Reads one YAML document. */
  public static LocatedTree parseYaml(String text) throws SyntaxException {
    return parse(YAML, text);
  }

  private static LocatedTree parse(JsonFactory factory, String text) throws SyntaxException {
    requireNonNull(text, "text == null");
    if (text.isBlank()) {
      throw new SyntaxException("the file is empty", SourcePosition.START);
    }
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SyntaxException("the file holds no document", SourcePosition.START);
      }
      JsonNode root = readValue(parser, "", 0, null);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new SyntaxException(
            "unexpected content after the end of the document", position(parser.currentTokenLocation()));
      }
      return new LocatedTree(root, factory, text);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      throw new SyntaxException(e.getOriginalMessage(), position(location));
    } catch (IOException e) {
      // Reading from a String cannot fail for I/O reasons; anything here is a parse failure.
      throw new SyntaxException(String.valueOf(e.getMessage()), SourcePosition.START);
    }
  }

  /** Reads the value at the parser; records positions by pointer when {@code positions} is given. */
  private static JsonNode readValue(
      JsonParser parser, String pointer, int depth, Map<String, SourcePosition> positions)
      throws IOException, SyntaxException {
    if (positions != null) {
      positions.put(pointer, position(parser.currentTokenLocation()));
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        checkDepth(depth, parser);
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, readValue(parser, positions == null ? null : Pointers.property(pointer, name), depth + 1,
              positions));
        }
        return object;
      }
      case START_ARRAY -> {
        checkDepth(depth, parser);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser, positions == null ? null : Pointers.index(pointer, index), depth + 1, positions));
          index++;
        }
        return array;
      }
      case VALUE_STRING -> {
        return JsonNodeFactory.instance.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return JsonNodeFactory.instance.booleanNode(parser.getBooleanValue());
      }
      case VALUE_NULL -> {
        return JsonNodeFactory.instance.nullNode();
      }
      default -> throw new SyntaxException("unexpected " + token, position(parser.currentTokenLocation()));
    }
  }

  private static void checkDepth(int depth, JsonParser parser) throws SyntaxException {
    if (depth >= MAX_DEPTH) {
      throw new SyntaxException("nesting is deeper than " + MAX_DEPTH + " levels", position(parser.currentTokenLocation()));
    }
  }

  private static SourcePosition position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourcePosition.START;
    }
    return new SourcePosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** The document. Do not modify it: the tree is shared. */
  public JsonNode root() {
    return root;
  }

  /** Where the value at a JSON pointer (e.g. {@code /fields/2/type}) starts, if it exists. */
  public Optional<SourcePosition> positionOf(JsonPointer pointer) {
    return Optional.ofNullable(positions().get(pointer.toString()));
  }

  /** Every value's position by pointer, from a second read of the text on first use. */
  private Map<String, SourcePosition> positions() {
    Map<String, SourcePosition> known = positions;
    if (known == null) {
      Map<String, SourcePosition> read = new HashMap<>();
      try (JsonParser parser = factory.createParser(text)) {
        parser.nextToken();
        readValue(parser, "", 0, read);
      } catch (IOException | SyntaxException e) {
        throw new IllegalStateException("the text parsed once and not again", e);
      }
      known = Map.copyOf(read);
      positions = known;
    }
    return known;
  }

  /** Where the value at a pointer starts, or the nearest enclosing value that has a position. */
  public SourcePosition nearestPositionOf(JsonPointer pointer) {
    for (JsonPointer p = pointer; p != null; p = p.head()) {
      SourcePosition found = positions().get(p.toString());
      if (found != null) {
        return found;
      }
    }
    return SourcePosition.START;
  }
}
