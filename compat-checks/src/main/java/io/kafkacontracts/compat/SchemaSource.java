package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkacontracts.compat.lint.SchemaFolder;
import io.kafkacontracts.compat.lint.SchemaNames;
import io.kafkacontracts.compat.lint.TypeDefinition;
import io.kafkacontracts.compat.source.LocatedTree;
import io.kafkacontracts.compat.source.SourceLocation;
import io.kafkacontracts.compat.source.SyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A schema together with the text it came from, when there is one, so that a finding at a path
 * such as {@code /fields/currency/type} can be reported at its file, line and column. A schema
 * whose named types live in other files (a schema folder) is located across those files. Immutable.
 */
public final class SchemaSource {

  /** Where a schema element is written: a file, its tree and the element's pointer. */
  private record Written(Path file, LocatedTree tree, JsonPointer pointer) {}

  private final Schema schema;
  private final Path file;
  /** Where the top level is written; asked only to locate a finding (null: nowhere). */
  private final Supplier<Written> root;
  private final Function<String, Optional<Written>> definitions;

  private SchemaSource(Schema schema, Path file, Supplier<Written> root,
      Function<String, Optional<Written>> definitions) {
    this.schema = requireNonNull(schema, "schema == null");
    this.file = file;
    this.root = root;
    this.definitions = definitions;
  }

  /** A schema with no text to point into, e.g. one fetched from a registry and not saved. */
  public static SchemaSource of(Schema schema) {
    return new SchemaSource(schema, null, null, name -> Optional.empty());
  }

  /**
   * A self-contained schema text (every named type defined inline).
   *
   * @param file how to name the text in findings
   * @throws SchemaParseException when the text is not a valid schema
   * @throws org.apache.avro.AvroTypeException when it uses a type it does not define
   */
  public static SchemaSource parse(Path file, String text) {
    return parse(file, text, List.of());
  }

  /**
   * A schema text that may use named types defined in other texts, which are read first, in the
   * order given: each after those it uses (a registry's references). Findings locate only in
   * {@code text}.
   *
   * @param file how to name the text in findings
   * @throws SchemaParseException when a text is not a valid schema
   * @throws org.apache.avro.AvroTypeException when a text uses a type none defines
   */
  public static SchemaSource parse(Path file, String text, List<String> referencedFirst) {
    requireNonNull(file, "file == null");
    Schema.Parser parser = new Schema.Parser();
    referencedFirst.forEach(parser::parse);
    Schema schema = parser.parse(text);
    // The text's tree and where its named types are written are needed only to locate a finding,
    // which most versions never have: worked out on first use.
    record Located(LocatedTree tree, Map<String, Written> byName) {}
    Supplier<Located> located = once(() -> {
      LocatedTree tree;
      try {
        tree = LocatedTree.parseJson(text);
      } catch (SyntaxException e) {
        // Avro parsed it, so this cannot happen short of a Jackson/Avro disagreement.
        throw new SchemaParseException(file + ":" + e.position() + ": " + e.getMessage());
      }
      Map<String, Written> byName = new HashMap<>();
      SchemaNames.walk(tree.root(),
          definition -> byName.putIfAbsent(definition.fullName(), new Written(file, tree, definition.pointer())),
          reference -> { });
      return new Located(tree, byName);
    });
    return new SchemaSource(schema, file, () -> new Written(file, located.get().tree(), JsonPointer.empty()),
        name -> Optional.ofNullable(located.get().byName().get(name)));
  }

  /** A supplier that asks {@code compute} once, on first use; thread-safe. */
  private static <T> Supplier<T> once(Supplier<T> compute) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = compute.get();
        }
        return value;
      }
    };
  }

  /**
   * A named type of a schema folder; its named types are located in whichever files define them.
   *
   * @param display how to name files in findings
   */
  public static SchemaSource fromFolder(SchemaFolder folder, String fullName, Function<Path, Path> display) {
    Schema schema = folder.type(fullName)
        .orElseThrow(() -> new IllegalArgumentException("no type '" + fullName + "' in " + folder.root()));
    Function<String, Optional<Written>> definitions = name -> folder.definition(name).map(d -> written(folder, d, display));
    Optional<Written> root = definitions.apply(fullName);
    return new SchemaSource(schema, root.map(Written::file).orElse(null), root.<Supplier<Written>>map(w -> () -> w)
        .orElse(null), definitions);
  }

  private static Written written(SchemaFolder folder, TypeDefinition definition, Function<Path, Path> display) {
    Path file = display.apply(folder.root().resolve(definition.file().path()));
    return new Written(file, definition.file().tree(), definition.pointer());
  }

  public Schema schema() {
    return schema;
  }

  /** The file the schema's top level is written in, if any. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Where the element at a path of names is written; the nearest enclosing element when the
   * element itself is not (e.g. a field that this version does not have).
   */
  public Optional<SourceLocation> locate(SchemaPath path) {
    if (root == null) {
      return Optional.empty();
    }
    Schema current = schema;
    Written at = root.get();
    Written best = at;
    List<String> steps = path.steps();
    for (int i = 0; i < steps.size() && current != null; i++) {
      String step = steps.get(i);
      JsonNode node = at.tree().root().at(at.pointer());
      if (node.isTextual() && CompatibilityEngine.isNamed(current)) {
        // A by-name reference: continue in the type's definition, wherever that is written.
        Optional<Written> definition = definitions.apply(current.getFullName());
        if (definition.isEmpty()) {
          break;
        }
        at = definition.get();
        node = at.tree().root().at(at.pointer());
      }
      Schema next = null;
      JsonPointer pointer = null;
      if (current.getType() == Schema.Type.UNION) {
        Integer index = current.getIndexNamed(step);
        if (index != null) {
          next = current.getTypes().get(index);
          pointer = node.isArray() ? at.pointer().appendIndex(index) : null;
        }
      } else if (step.equals("fields") && i + 1 < steps.size() && current.getType() == Schema.Type.RECORD) {
        String fieldName = steps.get(++i);
        Schema.Field field = current.getField(fieldName);
        int index = indexOfField(node.path("fields"), fieldName);
        if (field != null && index >= 0) {
          pointer = at.pointer().appendProperty("fields").appendIndex(index);
          // Stay on the record until "type" steps into the field's schema.
          if (i + 1 < steps.size() && steps.get(i + 1).equals("type")) {
            i++;
            next = field.schema();
            pointer = pointer.appendProperty("type");
          } else {
            next = null;
          }
        } else if (node.has("fields")) {
          // This version has no such field: point at the record's field list, then stop.
          best = new Written(at.file(), at.tree(), at.pointer().appendProperty("fields"));
          break;
        }
      } else if (step.equals("items") && current.getType() == Schema.Type.ARRAY) {
        next = current.getElementType();
        pointer = at.pointer().appendProperty("items");
      } else if (step.equals("values") && current.getType() == Schema.Type.MAP) {
        next = current.getValueType();
        pointer = at.pointer().appendProperty("values");
      } else if (node.has(step)) {
        pointer = at.pointer().appendProperty(step);
      }
      if (pointer == null) {
        break;
      }
      at = new Written(at.file(), at.tree(), pointer);
      best = at;
      current = next;
    }
    return Optional.of(new SourceLocation(best.file(), best.tree().nearestPositionOf(best.pointer())));
  }


  private static int indexOfField(JsonNode fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (name.equals(fields.get(i).path("name").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return schema.getFullName() + file().map(f -> " (" + f + ")").orElse("");
  }
}
