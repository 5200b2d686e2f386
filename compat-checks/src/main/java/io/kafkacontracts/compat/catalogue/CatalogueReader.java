package io.kafkacontracts.compat.catalogue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.Severity;
import io.kafkacontracts.compat.lint.LintConfig;
import io.kafkacontracts.compat.lint.LintRule;
import io.kafkacontracts.compat.lint.NearestName;
import io.kafkacontracts.compat.lint.SchemaFolder;
import io.kafkacontracts.compat.lint.SchemaNames;
import io.kafkacontracts.compat.source.LocatedTree;
import io.kafkacontracts.compat.source.SourceLocation;
import io.kafkacontracts.compat.source.SourcePosition;
import io.kafkacontracts.compat.source.SyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Reads {@code contracts.yaml} and checks it against the schema folder: every problem (unknown
 * schema, duplicate topic, conflicting subject, bad level, unknown property, ...) is reported with
 * its line, all in one pass. Stateless; safe to share.
 *
 * <pre>{@code
 * defaults:                      # optional; these are the defaults when omitted
 *   compatibility: BACKWARD
 *   subjectNameStrategy: TopicNameStrategy
 *   partitions: 1
 *   replication: 3
 *   retention: 7d
 *   deadLetterRetention: 14d
 * topics:
 *   - name: orders
 *     description: Orders as they are placed
 *     value: com.example.Order    # full name of a record defined under avro/
 *     key: {field: customer_id}   # or {type: string}, or {type: com.example.OrderKey}; omit for none;
 *                                 # a primitive key is plain (Kafka's own serializers) unless format: avro
 *     partitions: 12
 *     retention: 30d              # <n>ms|s|m|h|d, or 'infinite'
 *     deadLetter: true            # adds orders.dlq
 *     consumerGroups: [billing]
 *     config: {compression.type: lz4}
 *     valueSubject: legacy_orders # a subject named outright, instead of the strategy's (keySubject too)
 * }</pre>
 */
public final class CatalogueReader {

  /** What reading gave: the topics that could be read, and every problem found. */
  public record Result(Catalogue catalogue, List<Problem> problems) {
    public Result {
      requireNonNull(catalogue, "catalogue == null");
      problems = List.copyOf(problems);
    }
  }

  private static final Set<String> TOP_LEVEL = Set.of("defaults", "topics", "lint");
  private static final Set<String> LINT = Set.of("use", "except", "fieldCase", "ignore", "ignoreOnly");
  private static final Set<String> DEFAULTS = Set.of(
      "compatibility", "subjectNameStrategy", "partitions", "replication", "retention", "deadLetterRetention");
  private static final Set<String> TOPIC = Set.of(
      "name", "description", "value", "key", "subjectNameStrategy", "compatibility", "partitions",
      "replication", "retention", "deadLetter", "consumerGroups", "config", "allowPartitionIncrease",
      "valueSubject", "keySubject");
  private static final Set<String> KEY = Set.of("field", "type", "format");
  private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Duration INFINITE = Duration.ofMillis(-1);

  private CatalogueReader() {}

  /**
   * Reads a catalogue file.
   *
   * @param file    contracts.yaml
   * @param schemas the loaded schema folder the catalogue's names must exist in; when it has problems, names are
   *                not checked against it (everything else is)
   * @param display the file name to print in problems
   */
  public static Result read(Path file, SchemaFolder schemas, Path display) throws IOException {
    requireNonNull(file, "file == null");
    requireNonNull(schemas, "schemas == null");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return read(text, schemas, display);
  }

  /** Reads catalogue text; {@code display} names it in problems. */
  public static Result read(String text, SchemaFolder schemas, Path display) {
    requireNonNull(text, "text == null");
    requireNonNull(display, "display == null");
    LocatedTree tree;
    try {
      tree = LocatedTree.parseYaml(text);
    } catch (SyntaxException e) {
      return new Result(Catalogue.of(List.of()), List.of(Problem.error(
          "CATALOGUE_SYNTAX_ERROR", new SourceLocation(display, e.position()), "invalid YAML: " + e.getMessage())));
    }
    return new Reading(tree, schemas, display).read();
  }

  /** One read of one file; collects problems. */
  private static final class Reading {
    private final LocatedTree tree;
    private final SchemaFolder schemas;
    private final Path display;
    private final List<Problem> problems = new ArrayList<>();

    private CompatibilityLevel defaultLevel = CompatibilityLevel.BACKWARD;
    /** Where the defaults set the level; null while they do not. */
    private SourcePosition defaultLevelPosition;
    private SubjectNameStrategy defaultStrategy = SubjectNameStrategy.TOPIC_NAME;
    private LintConfig lint = LintConfig.DEFAULT;
    private int defaultPartitions = 1;
    private int defaultReplication = 3;
    private Duration defaultRetention = Duration.ofDays(7);
    private Duration defaultDeadLetterRetention = Duration.ofDays(14);

    Reading(LocatedTree tree, SchemaFolder schemas, Path display) {
      this.tree = tree;
      this.schemas = schemas;
      this.display = display;
    }

    Result read() {
      JsonNode root = tree.root();
      JsonPointer top = JsonPointer.empty();
      if (!root.isObject()) {
        problem("CATALOGUE_INVALID", top, "the catalogue must be a mapping with 'topics' (and optionally 'defaults')");
        return result(List.of());
      }
      unknownProperties(root, top, TOP_LEVEL, "top level");
      if (root.has("lint")) {
        lint = readLint(root.get("lint"), top.appendProperty("lint"));
      }
      JsonNode defaults = root.get("defaults");
      if (defaults != null) {
        readDefaults(defaults, top.appendProperty("defaults"));
      }
      JsonNode topicsNode = root.get("topics");
      JsonPointer topicsAt = top.appendProperty("topics");
      if (topicsNode == null || !topicsNode.isArray()) {
        problem("CATALOGUE_INVALID", topicsNode == null ? top : topicsAt, "'topics' must be a list of topics");
        return result(List.of());
      }
      List<TopicContract> topics = new ArrayList<>();
      for (int i = 0; i < topicsNode.size(); i++) {
        readTopic(topicsNode.get(i), topicsAt.appendIndex(i)).ifPresent(topics::add);
      }
      checkAcrossTopics(topics);
      return result(topics);
    }

    private Result result(List<TopicContract> topics) {
      return new Result(new Catalogue(topics, lint), problems);
    }

    /** The {@code lint:} section: rule ids and categories checked against the known ones, with a hint. */
    private LintConfig readLint(JsonNode node, JsonPointer at) {
      if (!node.isObject()) {
        problem("CATALOGUE_INVALID", at, "'lint' must be a mapping with use, except, fieldCase, ignore or ignoreOnly");
        return LintConfig.DEFAULT;
      }
      unknownProperties(node, at, LINT, "lint");
      Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
      List<String> use = node.has("use") ? textList(node, at, "use") : List.of(LintRule.Category.MINIMAL.name());
      for (int i = 0; i < use.size(); i++) {
        String id = use.get(i);
        Optional<LintRule.Category> category = Arrays.stream(LintRule.Category.values())
            .filter(c -> c.name().equals(id)).findFirst();
        if (category.isPresent()) {
          Arrays.stream(LintRule.values()).filter(r -> r.in(category.get())).forEach(rules::add);
        } else {
          lintRule(id, at.appendProperty("use").appendIndex(i), true).ifPresent(rules::add);
        }
      }
      List<String> except = textList(node, at, "except");
      for (int i = 0; i < except.size(); i++) {
        lintRule(except.get(i), at.appendProperty("except").appendIndex(i), false).ifPresent(rules::remove);
      }
      LintConfig.FieldCase fieldCase = LintConfig.FieldCase.CAMEL_CASE;
      Optional<String> written = optionalText(node, at, "fieldCase");
      if (written.isPresent()) {
        Optional<LintConfig.FieldCase> known = Arrays.stream(LintConfig.FieldCase.values())
            .filter(c -> c.written().equals(written.get())).findFirst();
        if (known.isEmpty()) {
          problem("CATALOGUE_INVALID", at.appendProperty("fieldCase"), "lint.fieldCase '" + written.get()
              + "' is neither camelCase nor snake_case");
        }
        fieldCase = known.orElse(fieldCase);
      }
      List<String> ignore = textList(node, at, "ignore");
      Map<LintRule, List<String>> ignoreOnly = new EnumMap<>(LintRule.class);
      JsonNode only = node.get("ignoreOnly");
      if (only != null && !only.isObject()) {
        problem("CATALOGUE_INVALID", at.appendProperty("ignoreOnly"), "'ignoreOnly' must map rule ids to lists of paths");
      } else if (only != null) {
        JsonPointer onlyAt = at.appendProperty("ignoreOnly");
        only.fieldNames().forEachRemaining(id -> lintRule(id, onlyAt.appendProperty(id), false)
            .ifPresent(rule -> ignoreOnly.put(rule, textList(only, onlyAt, id))));
      }
      return new LintConfig(rules, fieldCase, ignore, ignoreOnly);
    }

    private Optional<LintRule> lintRule(String id, JsonPointer at, boolean categories) {
      Optional<LintRule> rule = Arrays.stream(LintRule.values()).filter(r -> r.name().equals(id)).findFirst();
      if (rule.isEmpty()) {
        List<String> known = new ArrayList<>(Arrays.stream(LintRule.values()).map(Enum::name).toList());
        if (categories) {
          Arrays.stream(LintRule.Category.values()).map(Enum::name).forEach(known::add);
        }
        problem("LINT_RULE_UNKNOWN", at, "unknown lint " + (categories ? "rule or category '" : "rule '") + id + "'"
            + NearestName.of(id, known).map(n -> "; did you mean '" + n + "'?").orElse("; the rules are "
                + Arrays.stream(LintRule.values()).map(Enum::name).collect(Collectors.joining(", "))));
      }
      return rule;
    }

    private void readDefaults(JsonNode node, JsonPointer at) {
      if (!node.isObject()) {
        problem("CATALOGUE_INVALID", at, "'defaults' must be a mapping");
        return;
      }
      unknownProperties(node, at, DEFAULTS, "defaults");
      defaultLevel = level(node, at).orElse(defaultLevel);
      if (node.has("compatibility")) {
        defaultLevelPosition = tree.nearestPositionOf(at.appendProperty("compatibility"));
      }
      defaultStrategy = strategy(node, at).orElse(defaultStrategy);
      defaultPartitions = positiveInt(node, at, "partitions").orElse(defaultPartitions);
      defaultReplication = positiveInt(node, at, "replication").orElse(defaultReplication);
      defaultRetention = duration(node, at, "retention").orElse(defaultRetention);
      defaultDeadLetterRetention = duration(node, at, "deadLetterRetention").orElse(defaultDeadLetterRetention);
    }

    private Optional<TopicContract> readTopic(JsonNode node, JsonPointer at) {
      if (!node.isObject()) {
        problem("CATALOGUE_INVALID", at, "each topic must be a mapping with at least 'name' and 'value'");
        return Optional.empty();
      }
      int before = problems.size();
      unknownProperties(node, at, TOPIC, "a topic");
      String name = requiredText(node, at, "name").orElse(null);
      if (name != null && !legalTopicName(name)) {
        problem("TOPIC_NAME_INVALID", at.appendProperty("name"), "topic name '" + name
            + "' is not a legal Kafka topic name: use 1 to 249 of a-z A-Z 0-9 . _ - (and not '.' or '..')");
      }
      String label = name == null ? "this topic" : "topic '" + name + "'";
      String description = optionalText(node, at, "description").orElse("");
      String valueType = requiredText(node, at, "value").orElse(null);
      Schema valueSchema = null;
      if (valueType != null && !schemas.hasProblems()) {
        valueSchema = schemas.type(valueType).orElse(null);
        if (valueSchema == null) {
          problem("UNKNOWN_SCHEMA", at.appendProperty("value"), label + " names value schema '" + valueType
              + "', which no .avsc file defines" + suggestion(valueType));
        } else if (valueSchema.getType() != Schema.Type.RECORD) {
          problem("VALUE_NOT_A_RECORD", at.appendProperty("value"), label + " names value schema '" + valueType
              + "', which is " + article(valueSchema.getType()) + ", not a record; a topic's value must be a record");
          valueSchema = null;
        }
      }
      KeySpec key = readKey(node.get("key"), at.appendProperty("key"), valueSchema, label);
      SubjectNameStrategy strategy = strategy(node, at).orElse(defaultStrategy);
      CompatibilityLevel level = level(node, at).orElse(defaultLevel);
      int partitions = positiveInt(node, at, "partitions").orElse(defaultPartitions);
      int replication = positiveInt(node, at, "replication").orElse(defaultReplication);
      Duration retention = duration(node, at, "retention").orElse(defaultRetention);
      boolean deadLetter = bool(node, at, "deadLetter").orElse(false);
      List<String> groups = textList(node, at, "consumerGroups");
      Map<String, String> config = textMap(node, at, "config");
      boolean allowPartitionIncrease = bool(node, at, "allowPartitionIncrease").orElse(false);
      Optional<String> valueSubject = subjectName(node, at, "valueSubject");
      Optional<String> keySubject = subjectName(node, at, "keySubject");
      if (keySubject.isPresent() && (key instanceof KeySpec.None || key.format() == KeyFormat.PLAIN)) {
        problem("KEY_SUBJECT_WITHOUT_SCHEMA", at.appendProperty("keySubject"), label + " names key subject '"
            + keySubject.get() + "', but its key " + (key instanceof KeySpec.None ? "does not exist" : "is plain")
            + " and has no schema to register; remove keySubject, or frame the key in Avro with format: avro");
      }
      if (config.containsKey(TopicContract.RETENTION_MS)) {
        problem("CATALOGUE_INVALID", at.appendProperty("config").appendProperty(TopicContract.RETENTION_MS),
            label + ": write the retention as 'retention:' (e.g. 7d), not as config retention.ms");
      }
      if (key instanceof KeySpec.None && config.getOrDefault("cleanup.policy", "").contains("compact")) {
        problem("TOPIC_COMPACTED_WITHOUT_KEY", at.appendProperty("config").appendProperty("cleanup.policy"), label
            + " is compacted but its records carry no key: compaction keeps the latest record per key, and Kafka "
            + "refuses keyless records on a compacted topic; give the topic a key, or keep cleanup.policy: delete");
      }
      if (problems.size() > before || name == null || valueType == null) {
        return Optional.empty();
      }
      Optional<DeadLetterTopic> dlq = deadLetter
          ? Optional.of(new DeadLetterTopic(DeadLetterTopic.nameFor(name), defaultDeadLetterRetention))
          : Optional.empty();
      SourcePosition position = tree.nearestPositionOf(at);
      SourcePosition levelPosition = node.has("compatibility")
          ? tree.nearestPositionOf(at.appendProperty("compatibility"))
          : defaultLevelPosition == null ? position : defaultLevelPosition;
      Map<String, SourcePosition> positions = new LinkedHashMap<>();
      node.fieldNames().forEachRemaining(property ->
          positions.put(property, tree.nearestPositionOf(at.appendProperty(property))));
      return Optional.of(new TopicContract(name, description, valueType, key, strategy, level, partitions,
          replication, retention, dlq, groups, config, allowPartitionIncrease, position, positions, levelPosition,
          valueSubject, keySubject));
    }

    /** A subject named outright: any text the registry takes, without control characters or a slash's ambiguity. */
    private Optional<String> subjectName(JsonNode node, JsonPointer at, String property) {
      Optional<String> subject = optionalText(node, at, property);
      if (subject.isPresent() && (subject.get().chars().anyMatch(Character::isISOControl)
          || !subject.get().equals(subject.get().strip()))) {
        problem("CATALOGUE_INVALID", at.appendProperty(property), "'" + property + "' must be a subject name "
            + "without control characters or surrounding spaces");
        return Optional.empty();
      }
      return subject;
    }

    private KeySpec readKey(JsonNode node, JsonPointer at, Schema valueSchema, String label) {
      if (node == null || node.isNull()) {
        return new KeySpec.None();
      }
      boolean oneOf = node.isObject() && node.has("field") != node.has("type");
      if (!oneOf || node.size() != (node.has("format") ? 2 : 1)) {
        unknownProperties(node, at, KEY, "a key");
        problem("KEY_INVALID", at, label + ": 'key' must be exactly one of {field: <path in the value>} or "
            + "{type: <primitive or full name>}, with an optional format: avro | plain; omit it for records "
            + "without a key");
        return new KeySpec.None();
      }
      if (node.has("type")) {
        String type = requiredText(node, at, "type").orElse("string");
        KeyFormat format = readKeyFormat(node, at, label, type);
        if (!TopicContract.isPrimitive(type) && !schemas.hasProblems() && schemas.type(type).isEmpty()) {
          problem("UNKNOWN_SCHEMA", at.appendProperty("type"), label + " names key type '" + type
              + "', which is neither an Avro primitive nor defined by any .avsc file" + suggestion(type, true));
        } else {
          checkPlain(format, type, at, label);
        }
        return new KeySpec.Type(type, format);
      }
      String path = requiredText(node, at, "field").orElse("");
      Schema field = valueSchema != null && !path.isEmpty()
          ? checkKeyField(valueSchema, path, at.appendProperty("field"), label) : null;
      KeyFormat format = readKeyFormat(node, at, label, field == null ? "" : field.getType().getName());
      if (field != null) {
        checkPlain(format, field.getType().getName(), at, label);
      }
      return new KeySpec.Field(path, format, field == null ? "" : field.getType().getName());
    }

    /**
     * The key's format as written; unwritten, plain for a primitive Kafka has a serializer for (what
     * Kafka's own clients and other languages' producers write), else Avro.
     */
    private KeyFormat readKeyFormat(JsonNode node, JsonPointer at, String label, String avroType) {
      if (!node.has("format")) {
        return KeyFormat.PLAIN_TYPES.contains(avroType) ? KeyFormat.PLAIN : KeyFormat.AVRO;
      }
      String text = node.get("format").asText("");
      for (KeyFormat format : KeyFormat.values()) {
        if (format.name().equalsIgnoreCase(text)) {
          return format;
        }
      }
      problem("KEY_FORMAT_INVALID", at.appendProperty("format"), label + ": key format '" + text
          + "' is neither avro nor plain");
      return KeyFormat.AVRO;
    }

    /** A plain key is what Kafka's own serializers write: a primitive they have a serializer for. */
    private void checkPlain(KeyFormat format, String avroType, JsonPointer at, String label) {
      if (format == KeyFormat.PLAIN && !KeyFormat.PLAIN_TYPES.contains(avroType)) {
        problem("KEY_FORMAT_INVALID", at.appendProperty("format"), label + ": a key of type " + avroType
            + " has no plain form (Kafka's serializers write string, long, int, bytes, float and double); "
            + "use format: avro");
      }
    }

    /** The key field's schema when it is a valid key (a non-null primitive), else null with a problem. */
    private Schema checkKeyField(Schema value, String path, JsonPointer at, String label) {
      Schema current = value;
      String[] steps = path.split("\\.", -1);
      for (int i = 0; i < steps.length; i++) {
        Schema.Field field = current.getType() == Schema.Type.RECORD ? current.getField(steps[i]) : null;
        if (field == null) {
          String known = current.getType() == Schema.Type.RECORD
              ? current.getFields().stream().map(Schema.Field::name).collect(Collectors.joining(", "))
              : "none: '" + String.join(".", Arrays.copyOf(steps, i)) + "' is not a record";
          problem("KEY_FIELD_UNKNOWN", at, label + " takes its key from field '" + path + "', but record '"
              + current.getFullName() + "' has no field '" + steps[i] + "' (its fields: " + known + ")");
          return null;
        }
        current = field.schema();
      }
      boolean primitive = TopicContract.isPrimitive(current.getType().getName())
          && current.getType() != Schema.Type.NULL;
      if (!primitive) {
        problem("KEY_FIELD_NOT_PRIMITIVE", at, label + " takes its key from field '" + path + "', whose type is "
            + current + "; a key field must be a non-null primitive (string, long, int, bytes...)"
            + (current.isUnion() ? ": a nullable field would give records without a key" : ""));
        return null;
      }
      return current;
    }

    private void checkAcrossTopics(List<TopicContract> topics) {
      Map<String, TopicContract> byName = new HashMap<>();
      Map<String, TopicContract> byCollisionName = new HashMap<>();
      for (TopicContract topic : topics) {
        TopicContract earlier = byName.putIfAbsent(topic.name(), topic);
        if (earlier != null) {
          problemAt("DUPLICATE_TOPIC", topic.position(), "topic '" + topic.name() + "' is already declared at line "
              + earlier.position().line() + "; declare each topic once");
          continue;
        }
        // Kafka refuses topics whose names differ only by '.' versus '_' (their metrics collide).
        String collision = topic.name().replace('.', '_');
        TopicContract twin = byCollisionName.putIfAbsent(collision, topic);
        if (twin != null) {
          problemAt("TOPIC_NAME_COLLISION", topic.position(), "topic '" + topic.name() + "' collides with topic '"
              + twin.name() + "' (line " + twin.position().line() + "): Kafka treats '.' and '_' alike in metric "
              + "names and refuses such pairs; rename one of them");
        }
      }
      for (TopicContract topic : topics) {
        topic.deadLetter().ifPresent(dlq -> {
          if (byName.containsKey(dlq.name())) {
            problemAt("DUPLICATE_TOPIC", byName.get(dlq.name()).position(), "topic '" + dlq.name()
                + "' is also the dead-letter topic of '" + topic.name() + "' (line " + topic.position().line()
                + "); remove one of them");
          }
        });
      }
      record Use(TopicContract topic, String schema, CompatibilityLevel level) {}
      Map<String, Use> subjects = new LinkedHashMap<>();
      for (TopicContract topic : topics) {
        List<Map.Entry<String, String>> own = new ArrayList<>();
        own.add(Map.entry(topic.valueSubject(), topic.valueType()));
        topic.keySubject().ifPresent(subject -> own.add(Map.entry(subject, keySchemaName(topic))));
        for (Map.Entry<String, String> entry : own) {
          Use use = new Use(topic, entry.getValue(), topic.compatibility());
          Use earlier = subjects.putIfAbsent(entry.getKey(), use);
          if (earlier == null || earlier.topic() == topic) {
            continue;
          }
          // Record-based strategies share a subject between topics on purpose; only a conflict is wrong.
          if (!earlier.schema().equals(use.schema())) {
            problemAt("DUPLICATE_SUBJECT", topic.position(), "subject '" + entry.getKey() + "' of topic '"
                + topic.name() + "' is also the subject of topic '" + earlier.topic().name() + "' (line "
                + earlier.topic().position().line() + ") with schema '" + earlier.schema() + "' instead of '"
                + use.schema() + "'; " + (named(topic, entry.getKey()) || named(earlier.topic(), entry.getKey())
                    ? "name another subject for one of them" : "use TopicNameStrategy for one of them"));
          } else if (earlier.level() != use.level()) {
            problemAt("DUPLICATE_SUBJECT", topic.position(), "subject '" + entry.getKey() + "' is shared with topic '"
                + earlier.topic().name() + "' (line " + earlier.topic().position().line() + ") at level "
                + earlier.level() + " but topic '" + topic.name() + "' asks for " + use.level()
                + "; a subject has one level: give both topics the same compatibility");
          } else if (named(topic, entry.getKey()) || named(earlier.topic(), entry.getKey())) {
            // A strategy shares on purpose; a subject named outright by two topics may be a copied line.
            problems.add(new Problem("SUBJECT_SHARED", Severity.WARNING, new SourceLocation(display,
                subjectPosition(topic, entry.getKey())), "topic '" + topic.name() + "' claims subject '"
                + entry.getKey() + "', which topic '" + earlier.topic().name() + "' (line "
                + earlier.topic().position().line() + ") claims too: both topics' records then share one schema "
                + "lineage and level; if that is meant, leave it, else name another subject for one of them"));
          }
        }
      }
    }

    /** Whether the topic names this subject outright rather than by its strategy. */
    private static boolean named(TopicContract topic, String subject) {
      return topic.valueSubjectName().filter(subject::equals).isPresent()
          || topic.keySubjectName().filter(subject::equals).isPresent();
    }

    private static SourcePosition subjectPosition(TopicContract topic, String subject) {
      return topic.positionOf(topic.keySubjectName().filter(subject::equals).isPresent() ? "keySubject"
          : topic.valueSubjectName().filter(subject::equals).isPresent() ? "valueSubject" : "name");
    }

    private static String keySchemaName(TopicContract topic) {
      if (topic.key() instanceof KeySpec.Type type) {
        return type.name();
      }
      return "field " + ((KeySpec.Field) topic.key()).path() + " of " + topic.valueType();
    }

    private String suggestion(String name) {
      return suggestion(name, false);
    }

    /** "did you mean" a defined type's full name, or with {@code primitives} (a key's type) a primitive's too. */
    private String suggestion(String name, boolean primitives) {
      String simple = name.substring(name.lastIndexOf('.') + 1);
      List<String> similar = schemas.types().keySet().stream()
          .filter(known -> known.endsWith("." + simple) || known.equals(simple))
          .sorted()
          .toList();
      if (similar.isEmpty()) {
        List<String> known = new ArrayList<>(schemas.types().keySet());
        if (primitives) {
          known.addAll(SchemaNames.PRIMITIVES.stream().filter(p -> !p.equals("null")).sorted().toList());
        }
        similar = NearestName.of(name, known).stream().toList();
      }
      return similar.isEmpty() ? "; write the full name of a named type under avro/"
          : "; did you mean " + similar.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?";
    }

    private Optional<CompatibilityLevel> level(JsonNode node, JsonPointer at) {
      return optionalText(node, at, "compatibility").flatMap(text -> {
        Optional<CompatibilityLevel> level = CompatibilityLevel.named(text);
        if (level.isEmpty()) {
          problem("COMPATIBILITY_LEVEL_INVALID", at.appendProperty("compatibility"), "unknown compatibility level '"
              + text + "'; use one of " + Arrays.toString(CompatibilityLevel.values()));
        }
        return level;
      });
    }

    private Optional<SubjectNameStrategy> strategy(JsonNode node, JsonPointer at) {
      return optionalText(node, at, "subjectNameStrategy").flatMap(text -> {
        Optional<SubjectNameStrategy> strategy = SubjectNameStrategy.named(text);
        if (strategy.isEmpty()) {
          problem("SUBJECT_NAME_STRATEGY_INVALID", at.appendProperty("subjectNameStrategy"),
              "unknown subject name strategy '" + text + "'; use TopicNameStrategy, RecordNameStrategy or "
                  + "TopicRecordNameStrategy");
        }
        return strategy;
      });
    }

    private Optional<Integer> positiveInt(JsonNode node, JsonPointer at, String property) {
      JsonNode value = node.get(property);
      if (value == null) {
        return Optional.empty();
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
        problem("CATALOGUE_INVALID", at.appendProperty(property), "'" + property
            + "' must be a whole number of at least 1, not " + value);
        return Optional.empty();
      }
      return Optional.of(value.intValue());
    }

    private Optional<Duration> duration(JsonNode node, JsonPointer at, String property) {
      return optionalText(node, at, property).flatMap(text -> {
        if (text.equals("infinite")) {
          return Optional.of(INFINITE);
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
          problem("CATALOGUE_INVALID", at.appendProperty(property), "'" + property + "' must be a duration such as "
              + "500ms, 30s, 15m, 24h or 7d, or 'infinite'; not '" + text + "'");
          return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        });
      });
    }

    private Optional<Boolean> bool(JsonNode node, JsonPointer at, String property) {
      JsonNode value = node.get(property);
      if (value == null) {
        return Optional.empty();
      }
      if (!value.isBoolean()) {
        problem("CATALOGUE_INVALID", at.appendProperty(property), "'" + property + "' must be true or false");
        return Optional.empty();
      }
      return Optional.of(value.booleanValue());
    }

    private List<String> textList(JsonNode node, JsonPointer at, String property) {
      JsonNode value = node.get(property);
      if (value == null) {
        return List.of();
      }
      if (!value.isArray()) {
        problem("CATALOGUE_INVALID", at.appendProperty(property), "'" + property + "' must be a list");
        return List.of();
      }
      List<String> items = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        if (value.get(i).isTextual()) {
          items.add(value.get(i).asText());
        } else {
          problem("CATALOGUE_INVALID", at.appendProperty(property).appendIndex(i), "'" + property
              + "' items must be text");
        }
      }
      return items;
    }

    private Map<String, String> textMap(JsonNode node, JsonPointer at, String property) {
      JsonNode value = node.get(property);
      if (value == null) {
        return Map.of();
      }
      if (!value.isObject()) {
        problem("CATALOGUE_INVALID", at.appendProperty(property), "'" + property + "' must be a mapping");
        return Map.of();
      }
      Map<String, String> entries = new LinkedHashMap<>();
      value.fields().forEachRemaining(e -> {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) {
          entries.put(e.getKey(), e.getValue().asText());
        } else {
          problem("CATALOGUE_INVALID", at.appendProperty(property).appendProperty(e.getKey()), "'" + property
              + "." + e.getKey() + "' must be a plain value");
        }
      });
      return entries;
    }

    private Optional<String> requiredText(JsonNode node, JsonPointer at, String property) {
      if (!node.has(property)) {
        problem("CATALOGUE_INVALID", at, "missing '" + property + "'");
        return Optional.empty();
      }
      return optionalText(node, at, property);
    }

    private Optional<String> optionalText(JsonNode node, JsonPointer at, String property) {
      JsonNode value = node.get(property);
      if (value == null) {
        return Optional.empty();
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        problem("CATALOGUE_INVALID", at.appendProperty(property), "'" + property + "' must be non-empty text");
        return Optional.empty();
      }
      return Optional.of(value.asText());
    }

    private void unknownProperties(JsonNode node, JsonPointer at, Set<String> known, String where) {
      if (!node.isObject()) {
        return;
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          problem("CATALOGUE_UNKNOWN_PROPERTY", at.appendProperty(name), "unknown property '" + name + "' in "
              + where + "; known: " + known.stream().sorted().collect(Collectors.joining(", ")));
        }
      }
    }

    private static boolean legalTopicName(String name) {
      return LEGAL_TOPIC.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    private static String article(Schema.Type type) {
      String name = type.getName();
      return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name.toLowerCase(Locale.ROOT);
    }

    private void problem(String rule, JsonPointer at, String message) {
      problemAt(rule, tree.nearestPositionOf(at), message);
    }

    private void problemAt(String rule, SourcePosition position, String message) {
      problems.add(Problem.error(rule, new SourceLocation(display, position), message));
    }
  }
}
