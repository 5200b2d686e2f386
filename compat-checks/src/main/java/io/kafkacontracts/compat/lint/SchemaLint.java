package io.kafkacontracts.compat.lint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.Accessor;

/**
 * Checks a valid schema folder against the lint rules a repository chose ({@link LintConfig}).
 * Each finding is a {@link Problem} with its rule's id and severity, at the token it is about.
 * Stateless.
 */
public final class SchemaLint {

  private SchemaLint() {}

  /**
   * Lints every named type of the folder, in file order.
   *
   * @param folder  a folder without problems
   * @param config  the rules in force
   * @param display how to name files in findings
   */
  public static List<Problem> check(SchemaFolder folder, LintConfig config, Function<Path, Path> display) {
    requireNonNull(folder, "folder == null");
    requireNonNull(config, "config == null");
    requireNonNull(display, "display == null");
    List<Problem> found = new ArrayList<>();
    for (ContractFile file : folder.files()) {
      Path shown = display.apply(folder.root().resolve(file.path()));
      for (String name : file.definedNames()) {
        TypeDefinition definition = folder.definition(name).orElseThrow();
        if (definition.file() == file) {
          new TypeCheck(file, shown, definition.pointer(), folder.type(name).orElseThrow(), config, found).run();
        }
      }
    }
    return found;
  }

  /** The checks of one named type. */
  private record TypeCheck(ContractFile file, Path shown, JsonPointer at, Schema type, LintConfig config,
      List<Problem> found) {

    void run() {
      String simple = type.getName();
      String kind = type.getType().getName();
      if (!simple.matches("[A-Z][a-zA-Z0-9]*")) {
        add(LintRule.TYPE_NAME_PASCAL_CASE, at.appendProperty("name"), kind + " '" + type.getFullName()
            + "' is not PascalCase; name it '" + pascalCase(simple) + "', and add \"" + type.getFullName()
            + "\" to its aliases if data was written under the old name");
      }
      if (at.matches()) {
        checkFileAndFolder();
      }
      if (type.getType() == Schema.Type.RECORD) {
        if (blank(node().get("doc"))) {
          add(LintRule.RECORD_DOC, at.appendProperty("name"), "record '" + type.getFullName()
              + "' has no doc; say what one record stands for and when it is written");
        }
        for (int i = 0; i < type.getFields().size(); i++) {
          checkField(type.getFields().get(i), at.appendProperty("fields").appendIndex(i));
        }
      } else if (type.getType() == Schema.Type.ENUM) {
        checkEnum();
      }
    }

    private JsonNode node() {
      return file.tree().root().at(at);
    }

    /** The file's top-level type: named like the file, its namespace ending with the file's folder. */
    private void checkFileAndFolder() {
      String fileName = file.path().getFileName().toString();
      if (!fileName.equals(type.getName() + ".avsc")) {
        add(LintRule.NAMESPACE_MATCHES_FOLDER, at.appendProperty("name"), type.getType().getName() + " '"
            + type.getFullName() + "' is in " + fileName + "; name the file " + type.getName() + ".avsc");
      }
      Path folder = file.path().getParent();
      if (folder == null) {
        return;
      }
      String expected = folder.toString().replace('\\', '/').replace('/', '.');
      String namespace = type.getNamespace() == null ? "" : type.getNamespace();
      if (!namespace.equals(expected) && !namespace.endsWith("." + expected)) {
        JsonPointer where = node().has("namespace") ? at.appendProperty("namespace") : at.appendProperty("name");
        add(LintRule.NAMESPACE_MATCHES_FOLDER, where, "namespace '" + namespace + "' of '" + type.getName()
            + "' does not end with its folder " + folder.toString().replace('\\', '/') + "/; use a namespace ending in '"
            + expected + "' (e.g. com.example." + expected + "), or move the file to the folder its namespace names");
      }
    }

    private void checkField(Schema.Field field, JsonPointer fieldAt) {
      if (!config.fieldCase().matches(field.name())) {
        add(LintRule.FIELD_NAME_CASE, fieldAt.appendProperty("name"), "field '" + field.name() + "' of record '"
            + type.getFullName() + "' is not " + config.fieldCase().written() + "; name it '"
            + new FieldCaseHint(config.fieldCase()).rewrite(field.name()) + "' with \"aliases\": [\"" + field.name() + "\"] so earlier data stays readable");
      }
      if (blank(file.tree().root().at(fieldAt).get("doc"))) {
        add(LintRule.FIELD_DOC, fieldAt.appendProperty("name"), "field '" + field.name() + "' of record '"
            + type.getFullName() + "' has no doc; say what it holds, its unit or format");
      }
      Schema schema = field.schema();
      if (!schema.isUnion()) {
        return;
      }
      boolean hasNull = schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
      JsonNode defaultValue = field.hasDefaultValue() ? Accessor.defaultValue(field) : null;
      if (defaultValue != null && !schema.getTypes().get(0).isValidDefault(defaultValue)) {
        Schema matched = schema.getTypes().stream().filter(t -> t.isValidDefault(defaultValue)).findFirst().orElseThrow();
        add(LintRule.UNION_DEFAULT_NOT_FIRST_BRANCH, fieldAt.appendProperty("default"), "the default " + defaultValue
            + " of field '" + field.name() + "' matches branch " + branch(matched) + " of its union " + union(schema)
            + ", not the first: Avro 1.11 and earlier, and other languages' libraries, refuse this schema; put "
            + branch(matched) + " first" + (hasNull ? ", or make the default null with \"null\" first" : ""));
      }
      if (hasNull && (schema.getTypes().get(0).getType() != Schema.Type.NULL
          || defaultValue == null || !defaultValue.isNull())) {
        String others = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).map(SchemaLint::branch)
            .collect(Collectors.joining(", "));
        add(LintRule.OPTIONAL_FIELD_NULL_FIRST, fieldAt.appendProperty("type"), "optional field '" + field.name()
            + "' of record '" + type.getFullName() + "' is " + union(schema)
            + (defaultValue == null ? " without a default" : " with default " + defaultValue)
            + "; write it as [\"null\", " + others + "] with \"default\": null");
      }
    }

    private void checkEnum() {
      List<String> symbols = type.getEnumSymbols();
      for (int i = 0; i < symbols.size(); i++) {
        if (!symbols.get(i).matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
          add(LintRule.ENUM_SYMBOL_UPPER_SNAKE_CASE, at.appendProperty("symbols").appendIndex(i), "symbol '"
              + symbols.get(i) + "' of enum '" + type.getFullName() + "' is not UPPER_SNAKE_CASE; write '"
              + new FieldCaseHint(LintConfig.FieldCase.SNAKE_CASE).rewrite(symbols.get(i)).toUpperCase(Locale.ROOT)
              + "' (a renamed symbol is a removed one for earlier data: rename only before the first release)");
        }
      }
      if (type.getEnumDefault() == null) {
        add(LintRule.ENUM_DEFAULT, at.appendProperty("name"), "enum '" + type.getFullName() + "' has no default, so "
            + "readers built before a new symbol would fail on it; add \"default\": \"" + symbols.get(0)
            + "\" (or an UNKNOWN symbol listed first)");
      }
    }

    private void add(LintRule rule, JsonPointer pointer, String message) {
      if (config.applies(rule, file.path())) {
        found.add(new Problem(rule.name(), rule.severity(),
            new SourceLocation(shown, file.tree().nearestPositionOf(pointer)), message));
      }
    }
  }

  /** Rewrites a name into a case: camelCase from snake_case and back. */
  private record FieldCaseHint(LintConfig.FieldCase target) {
    String rewrite(String name) {
      List<String> words = new ArrayList<>();
      for (String part : name.split("[_\\-]+")) {
        for (String word : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
          if (!word.isEmpty()) {
            words.add(word.toLowerCase(Locale.ROOT));
          }
        }
      }
      if (target == LintConfig.FieldCase.SNAKE_CASE) {
        return String.join("_", words);
      }
      StringBuilder out = new StringBuilder();
      for (String word : words) {
        out.append(out.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
      }
      return out.toString();
    }
  }

  private static String pascalCase(String name) {
    String camel = new FieldCaseHint(LintConfig.FieldCase.CAMEL_CASE).rewrite(name);
    return camel.isEmpty() ? name : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
  }

  private static boolean blank(JsonNode doc) {
    return doc == null || !doc.isTextual() || doc.asText().isBlank();
  }

  private static String branch(Schema schema) {
    return "\"" + (schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED ? schema.getFullName() : schema.getType().getName()) + "\"";
  }

  private static String union(Schema union) {
    return union.getTypes().stream().map(SchemaLint::branch).collect(Collectors.joining(",", "[", "]"));
  }
}
