package io.kafkacontracts.maven;

import io.kafkacontracts.operations.Import;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a contracts repository from a registry (and a cluster) that already run, changing neither:
 * the contracts, {@code contracts.yaml}, a pom as the archetype writes it, the CI templates, and
 * {@code import-report.md} with what the team must decide. Run again, it changes nothing; over
 * edited files it writes nothing unless told to overwrite.
 *
 * <pre>{@code
 * mkdir contracts && cd contracts
 * mvn io.kafkacontracts:contracts-maven-plugin:<version>:import -Dcontracts.registry.url=https://registry:8081 \
 *     -Dcontracts.kafka.bootstrapServers=kafka:9092 -Dcontracts.import.groupId=com.acme
 * }</pre>
 */
@Mojo(name = "import", requiresProject = false, threadSafe = true)
public class ImportMojo extends AbstractTopicsMojo {

  /** A regular expression the whole subject name must match. */
  @Parameter(property = "contracts.import.subjects", defaultValue = ".*")
  String subjects;

  /** A regular expression the whole topic name must match. */
  @Parameter(property = "contracts.import.topics", defaultValue = ".*")
  String topics;

  /** How many records of each topic are read to see how keys and values are framed. */
  @Parameter(property = "contracts.import.sampleRecords", defaultValue = "100")
  int sampleRecords;

  /** The repository's groupId, and the package of its generated Topics catalogue. */
  @Parameter(property = "contracts.import.groupId", defaultValue = "com.example.contracts")
  String groupId;

  /** The repository's artifactId (the contract jar's); default: the folder's name. */
  @Parameter(property = "contracts.import.artifactId")
  String artifactId;

  /** Replace files that differ from what the import writes (a team's edits); off: write nothing then. */
  @Parameter(property = "contracts.import.overwrite", defaultValue = "false")
  boolean overwrite;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    Import.Request request = new Import.Request(pattern("contracts.import.subjects", subjects),
        pattern("contracts.import.topics", topics), sampleRecords, Duration.ofSeconds(10));
    Import.Result result;
    try (SchemaRegistryClient registry = requireRegistry("import").client()) {
      result = Import.read(registry, optionalKafka(), request);
    } catch (SchemaRegistryException | IOException e) {
      throw new MojoExecutionException("cannot import: " + e.getMessage(), e);
    }
    // Without a pom (the folder a team starts in) Maven knows no project.basedir: the folder mvn runs in.
    Path root = (directory != null ? directory.toPath() : Path.of(executionRoot)).toAbsolutePath().normalize();
    String artifact = artifactId != null ? artifactId : root.getFileName().toString();
    List<Import.RepositoryFile> files = new ArrayList<>(result.files());
    try {
      files.addAll(new RepositoryTemplate(groupId, artifact, groupId, result.references()).files());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("contracts.import.groupId names the generated Topics' package too: " + e.getMessage());
    }
    Import.Written written;
    try {
      written = Import.write(files, root, overwrite);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write into " + root + ": " + e.getMessage(), e);
    }
    result.topics().forEach(line -> getLog().info("  " + line));
    result.undecided().forEach(line -> getLog().warn("  to decide: " + line));
    if (!written.differing().isEmpty() && !overwrite) {
      throw new MojoFailureException(written.differing().size() + " files differ from what import writes, so "
          + "nothing was written: " + written.differing() + ". Keep your edits, or replace them with "
          + "-Dcontracts.import.overwrite=true.");
    }
    getLog().info("kafka-contracts: imported " + result.topics().size() + " topics into " + display().apply(root)
        + ": " + written.created().size() + " files created, " + written.differing().size()
        + " replaced, " + written.unchanged().size() + " unchanged" + (written.refreshed().isEmpty() ? "" : ", the report "
        + "refreshed") + "; " + result.undecided().size()
        + " things to decide in " + Import.REPORT_FILE);
  }
}
