package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.catalogue.Catalogue;
import io.kafkacontracts.compat.catalogue.CatalogueReader;
import io.kafkacontracts.compat.catalogue.KeySpec;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.compat.lint.SchemaFolder;
import io.kafkacontracts.compat.lint.SchemaLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * A contracts directory as this project lays it out: {@code avro/} with the {@code .avsc} files and
 * {@code contracts.yaml} beside it. Loading reads both and collects every problem in either.
 * Immutable.
 *
 * @param root      the directory
 * @param schemas   the schema folder ({@code avro/})
 * @param catalogue the topics that could be read
 * @param problems  every problem of the schemas, the catalogue and the lint, in that order; lint warnings among them
 */
public record ContractsDirectory(Path root, SchemaFolder schemas, Catalogue catalogue, List<Problem> problems) {

  public static final String SCHEMA_FOLDER = "avro";
  public static final String CATALOGUE_FILE = "contracts.yaml";

  public ContractsDirectory {
    requireNonNull(root, "root == null");
    requireNonNull(schemas, "schemas == null");
    requireNonNull(catalogue, "catalogue == null");
    problems = List.copyOf(problems);
  }

  /**
   * Loads a contracts directory.
   *
   * @param root    the directory holding {@code avro/} and {@code contracts.yaml}
   * @param display how to print file names in problems
   * @throws IOException when a file cannot be read or the layout is missing
   */
  public static ContractsDirectory load(Path root, Function<Path, Path> display) throws IOException {
    requireNonNull(root, "root == null");
    requireNonNull(display, "display == null");
    SchemaFolder schemas = SchemaFolder.load(root.resolve(SCHEMA_FOLDER), display);
    List<Problem> problems = new ArrayList<>(schemas.problems());
    Path catalogueFile = root.resolve(CATALOGUE_FILE);
    if (!Files.isRegularFile(catalogueFile)) {
      throw new IOException("the topic catalogue " + display.apply(catalogueFile) + " is missing");
    }
    // Every problem in one run: the catalogue is read even when schemas are broken, skipping only the
    // checks of its names against them, which would repeat the schemas' problems.
    CatalogueReader.Result result = CatalogueReader.read(catalogueFile, schemas, display.apply(catalogueFile));
    problems.addAll(result.problems());
    Catalogue catalogue = schemas.hasProblems() ? Catalogue.of(List.of()) : result.catalogue();
    if (!schemas.hasProblems()) {
      problems.addAll(SchemaLint.check(schemas, result.catalogue().lint(), display));
    }
    return new ContractsDirectory(root, schemas, catalogue, problems);
  }

  /** Whether a problem is an error: lint warnings do not make the contracts invalid. */
  public boolean hasProblems() {
    return !ofSeverity(Severity.ERROR).isEmpty();
  }

  /** The warnings among the problems (lint conventions), for a build to print. */
  public List<Problem> warnings() {
    return ofSeverity(Severity.WARNING);
  }

  private List<Problem> ofSeverity(Severity severity) {
    return problems.stream().filter(p -> p.severity() == severity).toList();
  }

  /**
   * The schema of a topic's key, as its key subject holds it: a key field's Avro type without its
   * logical type (a uuid field's key is its string), a named type from the schemas, or a primitive;
   * empty when records carry no key. The contracts must be valid.
   */
  public Optional<Schema> keySchema(TopicContract topic) {
    if (topic.key() instanceof KeySpec.Field field) {
      Schema schema = schemas.type(topic.valueType()).orElseThrow();
      for (String step : field.path().split("\\.")) {
        schema = schema.getField(step).schema();
      }
      return Optional.of(Schema.create(schema.getType()));
    }
    if (topic.key() instanceof KeySpec.Type type) {
      return schemas.typeOrPrimitive(type.name());
    }
    return Optional.empty();
  }

  /**
   * Every error, one per line as {@code file:line:column: message [RULE]}, under a heading naming the
   * folder, then the warnings.
   */
  public String problemReport(Path shownRoot) {
    List<Problem> errors = ofSeverity(Severity.ERROR);
    int count = errors.size();
    return count + (count == 1 ? " problem" : " problems") + " in the contracts under " + shownRoot
        + "; fix them and build again:\n" + Stream.concat(errors.stream(), warnings().stream())
            .map(Problem::toString).collect(Collectors.joining("\n"));
  }

  /** What a valid directory holds, e.g. "kafka-contracts: 66 schema files, 66 named types and 23 topics are valid". */
  public String summary() {
    return String.format("kafka-contracts: %d schema files, %d named types and %d topics are valid",
        schemas.files().size(), schemas.types().size(), catalogue.topics().size());
  }
}
