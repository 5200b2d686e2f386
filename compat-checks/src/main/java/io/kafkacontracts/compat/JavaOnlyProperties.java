package io.kafkacontracts.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Removes the properties Avro's Java code generator adds to a class's embedded schema
 * ({@code "avro.java.string": "String"} and the {@code java-class} family). They are not part of
 * the contract: a registry that sees them holds a different schema text, and lookups of the
 * contract as written miss (error 40403). Stateless.
 */
public final class JavaOnlyProperties {

  /** The properties that only steer Java code generation and Java's reflection-based readers. */
  public static final Set<String> NAMES =
      Set.of("avro.java.string", "java-class", "java-key-class", "java-element-class");

  private static final ObjectMapper JSON = new ObjectMapper();

  private JavaOnlyProperties() {}

  /** The same schema without Java-only properties, at any depth. */
  public static Schema strip(Schema schema) {
    try {
      JsonNode tree = JSON.readTree(schema.toString());
      removeFrom(tree);
      return new Schema.Parser().parse(JSON.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      // Avro wrote this JSON itself; failing to read it back is a bug, not bad input.
      throw new IllegalStateException("cannot re-read the JSON of schema " + schema.getFullName(), e);
    }
  }

  private static void removeFrom(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(NAMES);
    }
    node.forEach(JavaOnlyProperties::removeFrom);
  }
}
