package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.util.internal.Accessor;

/**
 * Decides whether a candidate schema may follow a subject's earlier versions at a compatibility
 * level, and says why not: every violation against every version the level requires.
 *
 * <p>Avro's {@link SchemaCompatibility} gives the reader/writer verdict; this engine names each
 * incompatibility with a {@link Rule}, a path by names, the lines in both files and a fix, and
 * corrects two of Avro's misleading reports (a missing default inside a record reached through a
 * union; an added enum-typed field without a field default). It is stricter than Avro where data
 * would be silently corrupted: a decimal's scale change and a decimal precision decrease. Every
 * other verdict equals Avro's. Stateless and thread-safe.
 */
public final class CompatibilityEngine {

  /**
   * Checks a candidate against a subject's history.
   *
   * @param subject   the subject, for the report
   * @param candidate the schema proposed as the next version
   * @param earlier   the subject's earlier versions, in any order
   * @param level     the subject's compatibility level
   */
  public CompatibilityReport check(
      String subject, SchemaSource candidate, List<SchemaVersion> earlier, CompatibilityLevel level) {
    requireNonNull(subject, "subject == null");
    requireNonNull(candidate, "candidate == null");
    requireNonNull(earlier, "earlier == null");
    requireNonNull(level, "level == null");
    List<SchemaVersion> history = earlier.stream().sorted(Comparator.comparingInt(SchemaVersion::version)).toList();
    if (level == CompatibilityLevel.NONE || history.isEmpty()) {
      return new CompatibilityReport(subject, level, List.of(), List.of());
    }
    List<SchemaVersion> against = level.transitive() ? history : List.of(history.get(history.size() - 1));
    List<Violation> violations = new ArrayList<>();
    for (SchemaVersion version : against) {
      if (level.backward()) {
        violations.addAll(new Pair(candidate, version, Direction.BACKWARD, level).violations());
      }
      if (level.forward()) {
        violations.addAll(new Pair(candidate, version, Direction.FORWARD, level).violations());
      }
    }
    // Avro reports a named type used by several fields once per use, at the same path: one is enough.
    return new CompatibilityReport(subject, level, against.stream().map(SchemaVersion::version).toList(),
        violations.stream().distinct().toList());
  }

  /** Whether {@code reader} can read everything {@code writer} writes, by this engine's rules. */
  public static boolean canRead(Schema reader, Schema writer) {
    SchemaSource readerSource = SchemaSource.of(reader);
    return new Pair(readerSource, new SchemaVersion(1, SchemaSource.of(writer)), Direction.BACKWARD,
        CompatibilityLevel.BACKWARD).violations().stream().noneMatch(v -> v.severity() == Severity.ERROR);
  }

  /** One reader/writer check between the candidate and one earlier version. */
  private static final class Pair {
    private final SchemaSource candidate;
    private final SchemaVersion version;
    private final Direction direction;
    private final CompatibilityLevel level;
    private final Schema reader;
    private final Schema writer;
    private final List<Violation> found = new ArrayList<>();

    Pair(SchemaSource candidate, SchemaVersion version, Direction direction, CompatibilityLevel level) {
      this.candidate = candidate;
      this.version = version;
      this.direction = direction;
      this.level = level;
      boolean backward = direction == Direction.BACKWARD;
      this.reader = backward ? candidate.schema() : version.source().schema();
      this.writer = backward ? version.source().schema() : candidate.schema();
    }

    List<Violation> violations() {
      // One walk for what Avro does not check (decimals) and what makes it throw (ambiguous aliases).
      List<Violation> ambiguous = new ArrayList<>();
      List<Violation> decimals = new ArrayList<>();
      List<Violation> warnings = new ArrayList<>();
      walk(reader, writer, SchemaPath.ROOT, new HashSet<>(), (r, w, path) -> {
        checkRecordFields(r, w, path, ambiguous, warnings);
        checkDecimals(r, w, path, decimals);
        if (direction == Direction.BACKWARD) {
          checkEnumDefaults(r, w, path, warnings);
        }
      });
      if (ambiguous.isEmpty()) {
        explainAll(reader, writer, SchemaPath.ROOT, "");
      } else {
        // Avro's checker throws on such a record; what it would say beyond it is unknowable.
        found.addAll(ambiguous);
      }
      found.addAll(decimals);
      found.addAll(warnings);
      return found;
    }

    private void explainAll(Schema reader, Schema writer, SchemaPath prefix, String avroPrefix) {
      SchemaCompatibility.SchemaCompatibilityResult result;
      try {
        result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
      } catch (AvroRuntimeException e) {
        add(Rule.INCOMPATIBLE, prefix, avroPrefix, "Avro cannot compare the schemas: " + e.getMessage(),
            "make the schemas comparable by Avro's resolution rules");
        return;
      }
      for (Incompatibility incompatibility : result.getIncompatibilities()) {
        explain(incompatibility, reader, writer, prefix, avroPrefix);
      }
    }

    private void explain(Incompatibility inc, Schema reader, Schema writer, SchemaPath prefix, String avroPrefix) {
      String avroLocation = avroPrefix + inc.getLocation();
      PathTranslation.Result at = PathTranslation.translate(reader, writer, inc.getLocation());
      SchemaPath path = new SchemaPath(concat(prefix, at.path()));
      boolean backward = direction == Direction.BACKWARD;
      String other = version.name();
      switch (inc.getType()) {
        case READER_FIELD_MISSING_DEFAULT_VALUE ->
            missingField(inc.getMessage(), at.readerRecord(), at.writerRecord(), path, avroLocation);
        case TYPE_MISMATCH -> {
          if (at.readerField() != null && at.writerField() == null && at.writerRecord() != null) {
            // Avro compares an added field's type with the writer record itself (ENUM vs RECORD):
            // the real cause is the missing field default.
            missingField(at.readerField().name(), at.readerRecord(), at.writerRecord(),
                new SchemaPath(path.steps().subList(0, path.steps().size() - 1)), avroLocation);
            return;
          }
          String field = path.lastField();
          String subject = field == null ? "the schema" : "field '" + field + "'";
          Schema candidateType = backward ? inc.getReaderFragment() : inc.getWriterFragment();
          Schema earlierType = backward ? inc.getWriterFragment() : inc.getReaderFragment();
          if (at.readerField() != null && at.writerField() != null
              && (at.readerField().schema().isUnion() || at.writerField().schema().isUnion())) {
            // The failing element is one branch of a union: speak of the field's whole type.
            unionTypeChanged(inc, at, path, avroLocation);
            return;
          }
          add(Rule.FIELD_TYPE_CHANGED, path, avroLocation,
              subject + " is " + describe(earlierType) + " in " + other + " but " + describe(candidateType)
                  + " in the candidate; Avro cannot read " + describe(inc.getWriterFragment()) + " data as "
                  + describe(inc.getReaderFragment()),
              "keep " + subject + " as " + describe(earlierType) + "; to change its type, add a new field of the "
                  + "new type with a default and stop using " + (field == null ? "the old one" : "'" + field + "'"));
        }
        case NAME_MISMATCH -> {
          String earlierName = (backward ? inc.getWriterFragment() : inc.getReaderFragment()).getFullName();
          String candidateName = (backward ? inc.getReaderFragment() : inc.getWriterFragment()).getFullName();
          add(Rule.NAME_CHANGED, path, avroLocation,
              "type '" + earlierName + "' of " + other + " is named '" + candidateName + "' in the candidate",
              backward
                  ? "keep the name '" + earlierName + "', or add \"" + earlierName + "\" to the aliases of '"
                      + candidateName + "'"
                  : "keep the name '" + earlierName + "': readers built on " + other + " know no other");
        }
        case FIXED_SIZE_MISMATCH -> {
          Schema earlierType = backward ? inc.getWriterFragment() : inc.getReaderFragment();
          Schema candidateType = backward ? inc.getReaderFragment() : inc.getWriterFragment();
          add(Rule.FIXED_SIZE_CHANGED, path, avroLocation,
              "fixed '" + candidateType.getFullName() + "' has size " + candidateType.getFixedSize()
                  + " in the candidate but " + earlierType.getFixedSize() + " in " + other,
              "keep size " + earlierType.getFixedSize() + "; a new size needs a new fixed type and a new field");
        }
        case MISSING_ENUM_SYMBOLS -> {
          String enumName = inc.getReaderFragment().getFullName();
          if (backward) {
            add(Rule.ENUM_SYMBOL_REMOVED, path, avroLocation,
                "enum '" + enumName + "' no longer has symbols " + inc.getMessage() + ", which data written with "
                    + other + " may hold",
                "keep the symbols " + inc.getMessage() + ", or give enum '" + enumName + "' a default symbol so "
                    + "that unknown symbols are read as it: " + (inc.getReaderFragment().hasEnumSymbol("UNKNOWN")
                        ? "\"default\": \"UNKNOWN\""
                        // A default must be one of the symbols: applied alone, "default": "UNKNOWN" would not parse.
                        : "add \"UNKNOWN\" to its symbols and \"default\": \"UNKNOWN\""));
          } else {
            add(Rule.ENUM_SYMBOL_ADDED, path, avroLocation,
                "enum '" + enumName + "' gained symbols " + inc.getMessage() + ", which readers built on " + other
                    + " do not know (their enum has no default)",
                "do not add symbols until every version readers use has an enum default symbol; or check this "
                    + "subject at a level without FORWARD");
          }
        }
        case MISSING_UNION_BRANCH -> missingUnionBranch(inc, at, path, avroLocation);
        default -> add(Rule.INCOMPATIBLE, path, avroLocation,
            inc.getType() + " against " + other + ": " + inc.getMessage(),
            "change the candidate so that Avro can resolve it with " + other);
      }
    }

    private void missingField(String field, Schema readerRecord, Schema writerRecord, SchemaPath recordPath,
        String avroLocation) {
      SchemaPath path = fieldPath(recordPath, field);
      String record = readerRecord == null ? "the record" : "record '" + readerRecord.getFullName() + "'";
      String other = version.name();
      Schema.Field readerField = readerRecord == null ? null : readerRecord.getField(field);
      if (direction == Direction.BACKWARD) {
        Schema type = readerField == null ? null : readerField.schema();
        Schema.Field renamed = renamedFrom(readerField, readerRecord, writerRecord);
        if (renamed != null) {
          add(Rule.FIELD_ADDED_WITHOUT_DEFAULT, path, avroLocation,
              "field '" + field + "' of " + record + " has no default, and data written with " + other + " lacks it; "
                  + "it looks like a rename of field '" + renamed.name() + "', which the candidate no longer has",
              "keep the data: add \"aliases\": [\"" + renamed.name() + "\"] to field '" + field + "', so that it "
                  + "reads what earlier versions wrote as '" + renamed.name() + "' (a default would read every "
                  + "earlier record as the default)");
          return;
        }
        add(Rule.FIELD_ADDED_WITHOUT_DEFAULT, path, avroLocation,
            "field '" + field + "' of " + record + " has no default, so the candidate cannot read data written "
                + "with " + other + ", which lacks it",
            "give field '" + field + "' a default, for example type " + optionalOf(type) + " with default null");
      } else {
        // Here the reader is the earlier version and the writer the candidate.
        Schema.Field renamed = renamedTo(readerField, readerRecord, writerRecord);
        String rename = renamed == null ? ""
            : "; it looks like a rename to '" + renamed.name() + "', which readers built on " + other
                + " do not know: aliases help only the reader that declares them";
        add(Rule.FIELD_REMOVED_WITHOUT_DEFAULT, path, avroLocation,
            "field '" + field + "' of " + record + " is missing from the candidate, and readers built on " + other
                + " need it: it has no default there" + rename,
            "keep field '" + field + "'" + (renamed == null ? "" : " beside '" + renamed.name() + "'")
                + "; to retire it, first release a version where it has a default, and "
                + "remove it once no reader lacks that default");
      }
    }

    /**
     * The one field of the writer that the reader's new field may be a rename of: a writer field no
     * reader field takes (by name or alias) whose type the new field can read. Null when there is
     * none or more than one.
     */
    private static Schema.Field renamedFrom(Schema.Field added, Schema reader, Schema writer) {
      return added == null ? null : soleUntakenWriterField(reader, writer, w -> readable(added.schema(), w.schema()));
    }

    /** The one new field of the candidate (the writer) that an earlier reader's field may have been renamed to. */
    private static Schema.Field renamedTo(Schema.Field removed, Schema reader, Schema writer) {
      return removed == null ? null : soleUntakenWriterField(reader, writer, w -> readable(w.schema(), removed.schema()));
    }

    /** The writer's only field that no reader field takes by name or alias and that passes the test; else null. */
    private static Schema.Field soleUntakenWriterField(Schema reader, Schema writer,
        java.util.function.Predicate<Schema.Field> test) {
      if (reader == null || writer == null || writer.getType() != Schema.Type.RECORD) {
        return null;
      }
      List<Schema.Field> untaken = writer.getFields().stream()
          .filter(w -> reader.getFields().stream().noneMatch(r -> r.name().equals(w.name()) || r.aliases().contains(w.name())))
          .filter(test)
          .toList();
      return untaken.size() == 1 ? untaken.get(0) : null;
    }

    private static boolean readable(Schema reader, Schema writer) {
      try {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
            == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
      } catch (AvroRuntimeException e) {
        return false;
      }
    }

    /** A field whose type is or was a union, failing on one branch: both whole types, and a fix in their terms. */
    private void unionTypeChanged(Incompatibility inc, PathTranslation.Result at, SchemaPath path, String avroLocation) {
      boolean backward = direction == Direction.BACKWARD;
      Schema.Field candidateField = backward ? at.readerField() : at.writerField();
      Schema.Field earlierField = backward ? at.writerField() : at.readerField();
      String field = candidateField.name();
      String other = version.name();
      Schema earlier = earlierField.schema();
      boolean wasOptional = isOptional(earlier);
      boolean isOptional = isOptional(candidateField.schema());
      String fix = wasOptional && !isOptional
          ? "keep field '" + field + "' optional: type " + shortJson(earlier) + " as in " + other
              + "; a field that must now always be set needs a new field with a default"
          : "keep field '" + field + "' as " + shortJson(earlier) + "; to change its type, add a new field of the "
              + "new type with a default and stop using '" + field + "'";
      add(Rule.FIELD_TYPE_CHANGED, path, avroLocation,
          "field '" + field + "' is " + shortJson(earlier) + " in " + other + " but " + shortJson(candidateField.schema())
              + " in the candidate; Avro cannot read " + describe(inc.getWriterFragment()) + " data as "
              + shortJson(backward ? candidateField.schema() : earlier),
          fix);
    }

    private static boolean isOptional(Schema schema) {
      return schema.isUnion() && schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
    }

    /** Warns where earlier data holds enum symbols the candidate dropped: its enum default stands in for them. */
    private void checkEnumDefaults(Schema r, Schema w, SchemaPath path, List<Violation> into) {
      if (r.getType() != Schema.Type.ENUM || w.getType() != Schema.Type.ENUM || r.getEnumDefault() == null) {
        return;
      }
      List<String> dropped = w.getEnumSymbols().stream().filter(symbol -> !r.hasEnumSymbol(symbol)).toList();
      if (!dropped.isEmpty()) {
        into.add(violation(Rule.ENUM_SYMBOL_READ_AS_DEFAULT, path, "",
            "enum '" + r.getFullName() + "' no longer has " + (dropped.size() == 1 ? "symbol " : "symbols ")
                + dropped + "; data written with " + version.name() + " that holds "
                + (dropped.size() == 1 ? "it" : "them") + " will be read as its default '" + r.getEnumDefault() + "'",
            "keep " + dropped + " if readers must tell " + (dropped.size() == 1 ? "it" : "them") + " apart from '"
                + r.getEnumDefault() + "'; if reading " + (dropped.size() == 1 ? "it" : "them") + " as '"
                + r.getEnumDefault() + "' is intended, nothing to do"));
      }
    }

    /** The path of a field: Avro points at /fields/N; the record path is turned into /fields/name. */
    private static SchemaPath fieldPath(SchemaPath path, String field) {
      List<String> steps = path.steps();
      if (steps.size() >= 2 && steps.get(steps.size() - 2).equals("fields")) {
        return path;
      }
      return path.then("fields", field);
    }

    private void missingUnionBranch(Incompatibility inc, PathTranslation.Result at, SchemaPath path, String avroLocation) {
      Schema writerBranch = at.writerAt();
      Schema readerUnion = inc.getReaderFragment();
      if (writerBranch != null && isNamed(writerBranch) && readerUnion.isUnion()) {
        Integer index = readerUnion.getIndexNamed(writerBranch.getFullName());
        if (index != null) {
          // The branch is still there; it is the record inside that changed. Say what changed.
          explainAll(readerUnion.getTypes().get(index), writerBranch, path, avroLocation);
          return;
        }
      }
      String branch = writerBranch == null ? String.valueOf(inc.getWriterFragment()) : describe(writerBranch);
      String field = path.lastField();
      String where = field == null ? "the union" : "the union of field '" + field + "'";
      String other = version.name();
      if (direction == Direction.BACKWARD) {
        add(Rule.UNION_BRANCH_REMOVED, path, avroLocation,
            where + " has no branch for " + branch + ", which data written with " + other + " may hold",
            "keep " + branch + " in the union");
      } else {
        add(Rule.UNION_BRANCH_ADDED, path, avroLocation,
            where + " gained " + branch + ", which readers built on " + other + " cannot read",
            "do not add union branches to a FORWARD-checked subject; add a new optional field instead");
      }
    }

    /**
     * Each reader field against the writer fields its name and aliases match: more than one is
     * ambiguous (Avro throws); exactly one with another default is a warning, backward only, as it
     * concerns what the candidate makes of earlier data.
     */
    private void checkRecordFields(Schema r, Schema w, SchemaPath path, List<Violation> ambiguous,
        List<Violation> warnings) {
      if (r.getType() != Schema.Type.RECORD || w.getType() != Schema.Type.RECORD) {
        return;
      }
      for (Schema.Field field : r.getFields()) {
        List<Schema.Field> matches = writerFields(field, w);
        if (matches.size() > 1) {
          List<String> names = matches.stream().map(Schema.Field::name).toList();
          ambiguous.add(violation(Rule.FIELD_ALIAS_AMBIGUOUS, path.then("fields", field.name()), "",
              "field '" + field.name() + "' of record '" + r.getFullName() + "' matches fields " + names
                  + " of the writer's record by its name and aliases; Avro cannot tell which one to read",
              "keep in the name and aliases of '" + field.name() + "' only one of " + names));
        } else if (matches.size() == 1 && direction == Direction.BACKWARD) {
          checkFieldDefault(r, field, matches.get(0), path, warnings);
        }
      }
    }

    /** Warns where a matched field's default differs: data lacking the field now reads as another value. */
    private void checkFieldDefault(Schema record, Schema.Field candidate, Schema.Field earlier, SchemaPath path,
        List<Violation> into) {
      if (!candidate.hasDefaultValue() || !earlier.hasDefaultValue()) {
        return;
      }
      JsonNode candidateDefault = Accessor.defaultValue(candidate);
      JsonNode earlierDefault = Accessor.defaultValue(earlier);
      if (!candidateDefault.equals(earlierDefault)) {
        into.add(violation(Rule.FIELD_DEFAULT_CHANGED, path.then("fields", candidate.name()), "",
            "field '" + candidate.name() + "' of record '" + record.getFullName() + "' has default " + earlierDefault
                + " in " + version.name() + " but " + candidateDefault + " in the candidate: readers of data "
                + "written without the field now see " + candidateDefault + " instead of " + earlierDefault,
            "keep default " + earlierDefault + "; for another value, add a new field with that default"));
      }
    }

    private void checkDecimals(Schema r, Schema w, SchemaPath path, List<Violation> into) {
      if (!(r.getLogicalType() instanceof LogicalTypes.Decimal rd)
          || !(w.getLogicalType() instanceof LogicalTypes.Decimal wd)) {
        return;
      }
      String field = path.lastField();
      String subject = field == null ? "the decimal" : "the decimal of field '" + field + "'";
      boolean backward = direction == Direction.BACKWARD;
      LogicalTypes.Decimal candidateDecimal = backward ? rd : wd;
      LogicalTypes.Decimal earlierDecimal = backward ? wd : rd;
      String other = version.name();
      if (rd.getScale() != wd.getScale()) {
        into.add(violation(Rule.DECIMAL_SCALE_CHANGED, path, "",
            subject + " has scale " + candidateDecimal.getScale() + " in the candidate but "
                + earlierDecimal.getScale() + " in " + other + "; Avro would silently read the unscaled digits "
                + "with the other scale (12.34 read as " + rescaledExample(wd.getScale(), rd.getScale()) + ")",
            "keep scale " + earlierDecimal.getScale() + "; for another scale add a new field"));
      } else if (rd.getPrecision() < wd.getPrecision()) {
        into.add(violation(Rule.DECIMAL_PRECISION_DECREASED, path, "",
            subject + " has precision " + rd.getPrecision() + " for its reader ("
                + (backward ? "the candidate" : other) + ") but " + wd.getPrecision() + " for its writer ("
                + (backward ? other : "the candidate") + "); values with more digits would not fit",
            "keep precision " + earlierDecimal.getPrecision() + " or more"));
      }
    }

    /** What 12.34, written at one scale, reads as at another: the unscaled digits are kept. */
    private static String rescaledExample(int writerScale, int readerScale) {
      return new java.math.BigDecimal("12.34").movePointRight(writerScale - readerScale).toPlainString();
    }

    private void add(Rule rule, SchemaPath path, String avroLocation, String message, String fix) {
      found.add(violation(rule, path, avroLocation, message, fix));
    }

    private Violation violation(Rule rule, SchemaPath path, String avroLocation, String message, String fix) {
      // Only Avro's own findings have an index pointer; the engine's own rules pass "".
      return new Violation(rule, level, direction, version.version(), version.name(), path,
          avroLocation.isEmpty() ? Optional.empty() : Optional.of(avroLocation),
          candidate.locate(path), version.source().locate(path), message, fix);
    }
  }

  /** Visits every matching (reader, writer) pair of elements, as Avro's resolution pairs them. */
  private interface PairVisitor {
    void visit(Schema reader, Schema writer, SchemaPath path);
  }

  private static void walk(Schema r, Schema w, SchemaPath path, Set<String> seen, PairVisitor visitor) {
    if (isNamed(r) && !seen.add(r.getFullName() + "<-" + w.getFullName())) {
      return; // recursive types: each pair of named types once
    }
    visitor.visit(r, w, path);
    if (w.isUnion()) {
      for (Schema writerBranch : w.getTypes()) {
        Schema readerBranch = r.isUnion() ? branchNamed(r, writerBranch.getFullName()) : r;
        if (readerBranch != null && readerBranch.getType() == writerBranch.getType()) {
          walk(readerBranch, writerBranch, path.then(writerBranch.getFullName()), seen, visitor);
        }
      }
    } else if (r.isUnion()) {
      Schema readerBranch = branchNamed(r, w.getFullName());
      if (readerBranch != null) {
        walk(readerBranch, w, path.then(w.getFullName()), seen, visitor);
      }
    } else if (r.getType() == Schema.Type.RECORD && w.getType() == Schema.Type.RECORD) {
      for (Schema.Field field : r.getFields()) {
        List<Schema.Field> matches = writerFields(field, w);
        if (matches.size() == 1) {
          walk(field.schema(), matches.get(0).schema(), path.then("fields", field.name(), "type"), seen, visitor);
        }
      }
    } else if (r.getType() == Schema.Type.ARRAY && w.getType() == Schema.Type.ARRAY) {
      walk(r.getElementType(), w.getElementType(), path.then("items"), seen, visitor);
    } else if (r.getType() == Schema.Type.MAP && w.getType() == Schema.Type.MAP) {
      walk(r.getValueType(), w.getValueType(), path.then("values"), seen, visitor);
    }
  }

  /** The writer record's fields a reader field's name and aliases match, by the record's own lookup. */
  private static List<Schema.Field> writerFields(Schema.Field reader, Schema writer) {
    Schema.Field byName = writer.getField(reader.name());
    if (reader.aliases().isEmpty()) {
      return byName == null ? List.of() : List.of(byName);
    }
    List<Schema.Field> matches = new ArrayList<>(2);
    if (byName != null) {
      matches.add(byName);
    }
    for (String alias : reader.aliases()) {
      Schema.Field byAlias = writer.getField(alias);
      if (byAlias != null && !matches.contains(byAlias)) {
        matches.add(byAlias);
      }
    }
    return matches;
  }

  /** The union's branch of this full name (or primitive type name), or null. */
  static Schema branchNamed(Schema union, String name) {
    Integer index = union.getIndexNamed(name);
    return index == null ? null : union.getTypes().get(index);
  }

  static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }

  private static List<String> concat(SchemaPath prefix, SchemaPath rest) {
    List<String> all = new ArrayList<>(prefix.steps());
    all.addAll(rest.steps());
    return all;
  }

  /** A schema in a few words: "int", "record 'com.example.A'", "[\"null\",\"string\"]". */
  static String describe(Schema schema) {
    if (schema.isUnion()) {
      return "union " + schema.getTypes().stream().map(Schema::getFullName).collect(Collectors.joining(", ", "[", "]"));
    }
    if (isNamed(schema)) {
      return schema.getType().getName() + " '" + schema.getFullName() + "'";
    }
    if (schema.getType() == Schema.Type.ARRAY) {
      return "array of " + describe(schema.getElementType());
    }
    if (schema.getType() == Schema.Type.MAP) {
      return "map of " + describe(schema.getValueType());
    }
    return schema.getLogicalType() == null ? schema.getType().getName()
        : schema.getType().getName() + " (" + schema.getLogicalType().getName() + ")";
  }

  /** A type as written in a schema, briefly: {@code ["null","string"]}, named types by full name. */
  static String shortJson(Schema schema) {
    if (schema.isUnion()) {
      return schema.getTypes().stream().map(CompatibilityEngine::shortJson).collect(Collectors.joining(",", "[", "]"));
    }
    if (isNamed(schema)) {
      return "\"" + schema.getFullName() + "\"";
    }
    if (schema.getLogicalType() == null && schema.getObjectProps().isEmpty()
        && schema.getType() != Schema.Type.ARRAY && schema.getType() != Schema.Type.MAP) {
      return "\"" + schema.getType().getName() + "\"";
    }
    return describe(schema);
  }

  /** How to write a field of this type as optional, for fixes. */
  static String optionalOf(Schema type) {
    if (type == null) {
      return "[\"null\", <its type>]";
    }
    if (type.isUnion()) {
      return type.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL)
          ? type.toString() : "[\"null\"," + type.getTypes().stream().map(Schema::toString)
              .collect(Collectors.joining(",")) + "]";
    }
    return "[\"null\"," + (isNamed(type) ? "\"" + type.getFullName() + "\"" : type.toString()) + "]";
  }
}
