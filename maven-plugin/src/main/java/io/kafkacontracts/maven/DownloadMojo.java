package io.kafkacontracts.maven;

import io.kafkacontracts.compat.baseline.DirectoryBaseline;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.avro.AvroRuntimeException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads every version of the subjects matching a pattern into a directory baseline
 * ({@code <subject>/<version>.avsc}; {@code .json} and {@code .proto} for those schema types), for
 * air-gapped checks with {@code contracts.baselineDirectory}.
 *
 * <pre>{@code
 * mvn contracts:download -Dcontracts.subjects='orders-.*' -Dcontracts.baselineDirectory=baseline
 * }</pre>
 */
@Mojo(name = "download", threadSafe = true)
public class DownloadMojo extends AbstractContractsMojo {

  /** A regular expression the whole subject name must match. */
  @Parameter(property = "contracts.subjects", defaultValue = ".*")
  String subjects;

  /** Where the versions are written. */
  @Parameter(property = "contracts.baselineDirectory", defaultValue = "${project.build.directory}/contracts/baseline")
  File baselineDirectory;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    Pattern pattern;
    try {
      pattern = Pattern.compile(subjects);
    } catch (PatternSyntaxException e) {
      throw new MojoExecutionException("contracts.subjects is not a regular expression: " + e.getMessage());
    }
    List<String> matching;
    int files = 0;
    try (SchemaRegistryClient registry = requireRegistry("download").client()) {
      matching = registry.subjects(false, Optional.empty()).stream()
          .filter(s -> pattern.matcher(s).matches()).sorted().toList();
      for (String subject : matching) {
        Path folder = baselineDirectory.toPath().resolve(DirectoryBaseline.folderName(subject));
        Files.createDirectories(folder);
        for (int version : registry.versions(subject)) {
          RegistrySchema registered = registry.version(subject, version).schema();
          Files.writeString(folder.resolve(version + extension(registered)),
              standalone(registry, subject, version, registered), StandardCharsets.UTF_8);
          files++;
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write to " + baselineDirectory + ": " + e.getMessage(), e);
    } catch (SchemaRegistryException e) {
      throw new MojoExecutionException("cannot download from the registry: " + e.getMessage(), e);
    }
    getLog().info("kafka-contracts: " + files + " versions of " + matching.size() + " subjects in " + baselineDirectory);
  }

  /** The file extension for a schema type; the directory baseline reads the {@code .avsc} files only. */
  private static String extension(RegistrySchema schema) {
    return switch (schema.schemaType()) {
      case "JSON" -> ".json";
      case "PROTOBUF" -> ".proto";
      default -> ".avsc";
    };
  }

  /**
   * The registry's text as it is; for a version that references schemas in other subjects, the
   * version with those types written in, since a baseline file must stand alone.
   */
  private static String standalone(SchemaRegistryClient registry, String subject, int version, RegistrySchema schema)
      throws MojoExecutionException {
    if (schema.references().isEmpty() || !schema.schemaType().equals(RegistrySchema.AVRO)) {
      return schema.schema();
    }
    try {
      return RegistryBaseline.source(registry, subject, version, schema).schema().toString(true);
    } catch (AvroRuntimeException e) {
      throw new MojoExecutionException("version " + version + " of subject '" + subject + "' does not parse with the "
          + "schemas it references: " + e.getMessage(), e);
    }
  }
}
