package io.kafkacontracts.operations;

import io.kafkacontracts.compat.baseline.DirectoryBaseline;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.avro.AvroRuntimeException;

/**
 * Writes every version of the registry's subjects matching a pattern into a directory baseline
 * ({@code <subject>/<version>.avsc}; {@code .json} and {@code .proto} for those schema types), for
 * air-gapped checks. Soft-deleted subjects stay out. Stateless.
 */
public final class Download {

  private Download() {}

  /**
   * What was written.
   *
   * @param subjects the subjects written, sorted
   * @param files    how many version files
   * @param listing  whether the registry listed the versions in bulk, and why not where it did not
   */
  public record Result(List<String> subjects, int files, String listing) {

    public Result {
      subjects = List.copyOf(subjects);
      java.util.Objects.requireNonNull(listing, "listing == null");
    }
  }

  /**
   * Downloads the matching subjects' versions into {@code directory}.
   *
   * @param subjects a regular expression the whole subject name must match
   * @throws IOException when a file cannot be written, or a version with references does not parse
   *                     with the schemas it references
   * @throws io.kafkacontracts.registry.SchemaRegistryException when the registry cannot be read
   */
  public static Result run(SchemaRegistryClient registry, Pattern subjects, Path directory) throws IOException {
    List<String> matching = registry.subjects(false, Optional.empty()).stream()
        .filter(subject -> subjects.matcher(subject).matches()).sorted().toList();
    // Every version in a request or a few where the registry lists them in bulk; else one per version.
    RegistryListing.Decision bulk = RegistryListing.of(registry, matching);
    BiFunction<String, Integer, RegistrySchema> lookup = bulk.listing().map(listed -> listed.lookup(registry))
        .orElse((subject, version) -> registry.version(subject, version).schema());
    int files = 0;
    for (String subject : matching) {
      Path folder = directory.resolve(DirectoryBaseline.folderName(subject));
      Files.createDirectories(folder);
      Map<Integer, RegistrySchema> versions = new TreeMap<>();
      if (bulk.listing().isPresent()) {
        bulk.listing().get().versions(subject).forEach(v -> versions.put(v.version().getAsInt(), v.schema()));
      } else {
        for (int version : registry.versions(subject)) {
          versions.put(version, registry.version(subject, version).schema());
        }
      }
      for (Map.Entry<Integer, RegistrySchema> version : versions.entrySet()) {
        Files.writeString(folder.resolve(version.getKey() + extension(version.getValue())),
            standalone(subject, version.getKey(), version.getValue(), lookup), StandardCharsets.UTF_8);
        files++;
      }
    }
    return new Result(matching, files, bulk.said());
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
   * version with those types written in (each read with {@code lookup}: from the listing where
   * there is one), since a baseline file must stand alone.
   */
  private static String standalone(String subject, int version, RegistrySchema schema,
      BiFunction<String, Integer, RegistrySchema> lookup) throws IOException {
    if (schema.references().isEmpty() || !schema.schemaType().equals(RegistrySchema.AVRO)) {
      return schema.schema();
    }
    try {
      return RegistryBaseline.source(subject, version, schema, lookup).schema().toString(true);
    } catch (AvroRuntimeException e) {
      throw new IOException("version " + version + " of subject '" + subject + "' does not parse with the "
          + "schemas it references: " + e.getMessage(), e);
    }
  }
}
