package io.kafkacontracts.compat.lint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.source.LocatedTree;
import io.kafkacontracts.compat.source.SourceLocation;
import io.kafkacontracts.compat.source.SourcePosition;
import io.kafkacontracts.compat.source.SyntaxException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * Every {@code .avsc} file under a folder, parsed together so that files may reference each
 * other's types by full name in any order, as avro-maven-plugin resolves them. Loading never
 * throws for bad content: each problem becomes a {@link Problem} at its file, line and column, and
 * every file is examined so one run reports everything. Immutable after {@link #load}.
 */
public final class SchemaFolder {

  private final Path root;
  private final List<ContractFile> files;
  private final Map<String, Schema> types;
  private final Map<String, TypeDefinition> definitions;
  private final List<Problem> problems;

  private SchemaFolder(
      Path root,
      List<ContractFile> files,
      Map<String, Schema> types,
      Map<String, TypeDefinition> definitions,
      List<Problem> problems) {
    this.root = root;
    this.files = List.copyOf(files);
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    this.definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    this.problems = problems.stream().sorted(IN_FILE_ORDER).toList();
  }

  /** Problems read best grouped by file, top to bottom. */
  private static final Comparator<Problem> IN_FILE_ORDER = Comparator
      .comparing((Problem p) -> p.location().file().toString())
      .thenComparingInt(p -> p.location().position().line())
      .thenComparingInt(p -> p.location().position().column());

  /**
   * Reads every {@code *.avsc} under {@code root}, in path order.
   *
   * @param root    the folder to read
   * @param display how to name files in problems, e.g. relative to the project directory
   * @throws IOException if the folder cannot be listed or a file cannot be read
   */
  public static SchemaFolder load(Path root, Function<Path, Path> display)
      throws IOException {
    requireNonNull(root, "root == null");
    requireNonNull(display, "display == null");
    if (!Files.isDirectory(root)) {
      throw new IOException("schema folder " + root + " does not exist or is not a directory");
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.filter(p -> p.getFileName().toString().endsWith(".avsc"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
    return new Loader(root, display).load(paths, Files::readAllBytes);
  }

  /**
   * Loads {@code *.avsc} contents held in memory (for example read from git) as if they were files
   * under {@code root}; nothing is read from or written to disk.
   *
   * @param files   path under {@code root} → the file's bytes
   */
  public static SchemaFolder load(Path root, Map<Path, byte[]> files, Function<Path, Path> display)
      throws IOException {
    requireNonNull(root, "root == null");
    requireNonNull(files, "files == null");
    requireNonNull(display, "display == null");
    List<Path> paths = files.keySet().stream().filter(p -> p.getFileName().toString().endsWith(".avsc"))
        .sorted().toList();
    return new Loader(root, display).load(paths, files::get);
  }

  /** Reads every {@code *.avsc} under {@code root}, naming files by their path as given. */
  public static SchemaFolder load(Path root) throws IOException {
    return load(root, p -> p);
  }

  public Path root() {
    return root;
  }

  /** The files that parsed, in path order; empty if any problem stopped resolution. */
  public List<ContractFile> files() {
    return files;
  }

  /** Every named type by full name, resolved; empty if there were problems. */
  public Map<String, Schema> types() {
    return types;
  }

  public Optional<Schema> type(String fullName) {
    return Optional.ofNullable(types.get(fullName));
  }

  /**
   * A type by name as a key or a subject names it: an Avro primitive ({@code string}, {@code long}...)
   * or a named type of the folder.
   */
  public Optional<Schema> typeOrPrimitive(String name) {
    return SchemaNames.PRIMITIVES.contains(name)
        ? Optional.of(Schema.create(Schema.Type.valueOf(name.toUpperCase(Locale.ROOT))))
        : type(name);
  }

  /** The file that defines a named type. */
  public Optional<ContractFile> fileOf(String fullName) {
    return definition(fullName).map(TypeDefinition::file);
  }

  /** Where a named type is defined. */
  public Optional<TypeDefinition> definition(String fullName) {
    return Optional.ofNullable(definitions.get(fullName));
  }

  public List<Problem> problems() {
    return problems;
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** One load; collects problems instead of stopping at the first. */
  private static final class Loader {
    private final Path root;
    private final Function<Path, Path> display;
    private final List<Problem> problems = new ArrayList<>();

    Loader(Path root, Function<Path, Path> display) {
      this.root = root;
      this.display = display;
    }

    /** How a file's bytes are read. */
    interface Source {
      byte[] read(Path path) throws IOException;
    }

    SchemaFolder load(List<Path> paths, Source source) throws IOException {
      record Read(Path path, String text, LocatedTree tree) {}
      List<Read> reads = new ArrayList<>();
      for (Path path : paths) {
        String text = utf8(path, source.read(path));
        if (text == null) {
          continue;
        }
        if (text.isBlank()) {
          problems.add(problem("EMPTY_FILE", path, SourcePosition.START,
              "the file is empty; write one Avro schema in it or delete it"));
          continue;
        }
        try {
          reads.add(new Read(path, text, LocatedTree.parseJson(text)));
        } catch (SyntaxException e) {
          problems.add(problem("SYNTAX_ERROR", path, e.position(), "invalid JSON: " + e.getMessage()));
        }
      }

      // Definitions first, across all files, so references may point forwards.
      Map<String, SchemaNames.Definition> definitions = new LinkedHashMap<>();
      Map<String, Read> definedIn = new LinkedHashMap<>();
      Map<Read, List<String>> namesByFile = new LinkedHashMap<>();
      for (Read read : reads) {
        List<String> names = new ArrayList<>();
        SchemaNames.walk(read.tree().root(), definition -> {
          Read earlier = definedIn.get(definition.fullName());
          if (earlier != null) {
            SourcePosition first = earlier.tree().nearestPositionOf(
                definitions.get(definition.fullName()).pointer().appendProperty("name"));
            problems.add(problem("DUPLICATE_TYPE", read.path(),
                read.tree().nearestPositionOf(definition.pointer().appendProperty("name")),
                "type '" + definition.fullName() + "' is already defined at "
                    + display.apply(earlier.path()) + ":" + first
                    + "; define each named type once and reference it by its full name"));
          } else {
            definitions.put(definition.fullName(), definition);
            definedIn.put(definition.fullName(), read);
          }
          names.add(definition.fullName());
        }, reference -> { });
        namesByFile.put(read, names);
      }
      // A type whose file could not be read is likely defined there: report that file, not every use.
      Set<String> unreadableTypes = paths.stream()
          .filter(path -> reads.stream().noneMatch(read -> read.path().equals(path)))
          .map(path -> path.getFileName().toString().replaceFirst("\\.avsc$", ""))
          .collect(Collectors.toSet());
      for (Read read : reads) {
        SchemaNames.walk(read.tree().root(), definition -> { }, reference -> {
          boolean known = reference.candidates().stream().anyMatch(definitions::containsKey);
          String simpleName = reference.written().substring(reference.written().lastIndexOf('.') + 1);
          if (!known && !unreadableTypes.contains(simpleName)) {
            String where = reference.field() == null ? "" : " in field '" + reference.field() + "'";
            List<String> names = new ArrayList<>(definitions.keySet());
            names.addAll(SchemaNames.PRIMITIVES);
            String hint = NearestName.of(reference.written(), names).map(name -> "did you mean '" + name + "'?")
                .orElse("check the spelling, and write the full name of a type an .avsc file of the folder defines");
            problems.add(problem("UNKNOWN_TYPE", read.path(),
                read.tree().nearestPositionOf(reference.pointer()),
                "unknown type '" + reference.written() + "'" + where
                    + ": no .avsc file of the folder defines it and it is not an Avro primitive; " + hint));
          }
        });
      }

      for (Read read : reads) {
        LogicalTypeLint.check(read.tree().root(), JsonPointer.empty(), (pointer, message) ->
            problems.add(problem("LOGICAL_TYPE_IGNORED", read.path(), read.tree().nearestPositionOf(pointer), message)));
      }

      // Every invalid name at its token: Avro's parser stops at the first and names no place.
      Set<Read> misnamed = new HashSet<>();
      for (Read read : reads) {
        AvroNames.check(read.tree().root(), JsonPointer.empty(), (pointer, message) -> {
          misnamed.add(read);
          problems.add(problem("INVALID_SCHEMA", read.path(), read.tree().nearestPositionOf(pointer), message));
        });
      }

      // Avro itself has the last word on everything else (defaults, logical types...).
      SchemaParser parser = new SchemaParser();
      Map<Read, SchemaParser.ParseResult> parsed = new LinkedHashMap<>();
      for (Read read : reads) {
        if (misnamed.contains(read)) {
          continue;
        }
        try {
          parsed.put(read, parser.parse(read.text()));
        } catch (AvroRuntimeException e) {
          AvroErrors.Located at = AvroErrors.locate(read.tree(), e.getMessage());
          problems.add(problem("INVALID_SCHEMA", read.path(), at.position(), at.message()));
        }
      }
      if (!problems.isEmpty()) {
        return new SchemaFolder(root, List.of(), Map.of(), Map.of(), problems);
      }

      List<ContractFile> files = new ArrayList<>();
      Map<String, Schema> types = new LinkedHashMap<>();
      Map<String, TypeDefinition> typeDefinitions = new LinkedHashMap<>();
      for (Map.Entry<Read, SchemaParser.ParseResult> entry : parsed.entrySet()) {
        Read read = entry.getKey();
        Schema main;
        try {
          main = entry.getValue().mainSchema();
        } catch (AvroRuntimeException e) {
          AvroErrors.Located at = AvroErrors.locate(read.tree(), e.getMessage());
          problems.add(problem("INVALID_SCHEMA", read.path(), at.position(), at.message()));
          continue;
        }
        ContractFile file = new ContractFile(
            root.relativize(read.path()), read.text(), read.tree(), main, namesByFile.get(read));
        files.add(file);
        for (String name : file.definedNames()) {
          typeDefinitions.put(name, new TypeDefinition(file, definitions.get(name).pointer()));
        }
      }
      if (!problems.isEmpty()) {
        return new SchemaFolder(root, List.of(), Map.of(), Map.of(), problems);
      }
      for (Schema named : parser.getParsedNamedSchemas()) {
        types.put(named.getFullName(), named);
      }
      return new SchemaFolder(root, files, types, typeDefinitions, problems);
    }

    private String utf8(Path path, byte[] bytes) {
      try {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        problems.add(problem("SYNTAX_ERROR", path, firstMalformedByte(bytes),
            "the file is not UTF-8 text (a byte here is not UTF-8); save it as UTF-8"));
        return null;
      }
    }

    /** Where the first byte that is not UTF-8 is, as line and column (counting characters, not bytes). */
    private static SourcePosition firstMalformedByte(byte[] bytes) {
      java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
      ByteBuffer in = ByteBuffer.wrap(bytes);
      java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
      decoder.decode(in, out, true); // stops at the malformed byte
      int offset = in.position();
      int lineStart = 0;
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
      return new SourcePosition(line, before.codePointCount(0, before.length()) + 1);
    }

    private Problem problem(String rule, Path path, SourcePosition position, String message) {
      return Problem.error(rule, new SourceLocation(display.apply(path), position), message);
    }
  }

  /**
   * Avro's messages name the offending name or value but not where it is; point at the longest
   * string in the file that the message quotes, or the top of the file when none matches.
   */
  static SourcePosition locate(LocatedTree tree, String message) {
    if (message == null) {
      return SourcePosition.START;
    }
    List<JsonPointer> found = new ArrayList<>();
    collectQuotedStrings(tree.root(), JsonPointer.empty(), message, found);
    return found.stream()
        .max(Comparator.comparingInt(p -> tree.root().at(p).asText().length()))
        .map(tree::nearestPositionOf)
        .orElse(SourcePosition.START);
  }

  private static void collectQuotedStrings(
      JsonNode node, JsonPointer at, String message, List<JsonPointer> found) {
    if (node.isTextual()) {
      String value = node.asText();
      if (!value.isEmpty() && containsWord(message, value)) {
        found.add(at);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectQuotedStrings(node.get(i), at.appendIndex(i), message, found);
      }
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e ->
          collectQuotedStrings(e.getValue(), at.appendProperty(e.getKey()), message, found));
    }
  }

  private static boolean containsWord(String message, String value) {
    int from = 0;
    while (true) {
      int i = message.indexOf(value, from);
      if (i < 0) {
        return false;
      }
      int end = i + value.length();
      boolean startOk = i == 0 || !Character.isLetterOrDigit(message.charAt(i - 1));
      boolean endOk = end == message.length() || !Character.isLetterOrDigit(message.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      from = i + 1;
    }
  }
}
