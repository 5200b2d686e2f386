package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.catalogue.Catalogue;
import io.kafkacontracts.compat.catalogue.CatalogueReader;
import io.kafkacontracts.compat.catalogue.KeySpec;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.compat.lint.SchemaFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * A contracts directory as this project lays it out: {@code avro/} with the {@code .avsc} files and
 * {@code contracts.yaml} beside it. Loading reads both and collects every problem in either.
 * Immutable.
 *
 * @param root      the directory
 * @param schemas   the schema folder ({@code avro/})
 * @param catalogue the topics that could be read
 * @param problems  every problem of the schemas and the catalogue, schemas first
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
    Catalogue catalogue = schemas.hasProblems() ? new Catalogue(List.of()) : result.catalogue();
    return new ContractsDirectory(root, schemas, catalogue, problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
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
      return Optional.of(schemas.type(type.name())
          .orElseGet(() -> Schema.create(Schema.Type.valueOf(type.name().toUpperCase(Locale.ROOT)))));
    }
    return Optional.empty();
  }

  /** Every problem, one per line as {@code file:line:column: message [RULE]}, under a heading naming the folder. */
  public String problemReport(Path shownRoot) {
    int count = problems.size();
    return count + (count == 1 ? " problem" : " problems") + " in the contracts under " + shownRoot
        + "; fix them and build again:\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  /** What a valid directory holds, e.g. "kafka-contracts: 66 schema files, 66 named types and 23 topics are valid". */
  public String summary() {
    return String.format("kafka-contracts: %d schema files, %d named types and %d topics are valid",
        schemas.files().size(), schemas.types().size(), catalogue.topics().size());
  }
}
