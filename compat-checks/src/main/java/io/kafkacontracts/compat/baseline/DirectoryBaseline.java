package io.kafkacontracts.compat.baseline;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;

/**
 * Earlier versions saved as files, {@code <root>/<subject>/<version>.avsc}, each a self-contained
 * schema text as a registry holds it (what the plugin's {@code download} goal writes, for
 * air-gapped CI). A subject that is not a safe file name (it holds {@code /}, {@code :}, {@code %}
 * or spaces) is stored under its URL-encoded name. Stateless after construction; thread-safe.
 */
public final class DirectoryBaseline implements Baseline {

  private static final Pattern VERSION_FILE = Pattern.compile("([1-9][0-9]*)\\.avsc");

  private final Path root;

  public DirectoryBaseline(Path root) {
    this.root = requireNonNull(root, "root == null");
  }

  /** The folder name a subject is stored under. */
  public static String folderName(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public List<SchemaVersion> versions(String subject, String typeName) throws IOException {
    Path folder = root.resolve(folderName(subject));
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<SchemaVersion> versions = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
          versions.add(new SchemaVersion(Integer.parseInt(m.group(1)), SchemaSource.parse(file, text)));
        } catch (AvroRuntimeException e) { // a SchemaParseException, or an AvroTypeException for an undefined name
          throw new IOException("baseline file " + file + " is not a valid Avro schema: " + e.getMessage(), e);
        }
      }
    }
    versions.sort(Comparator.comparingInt(SchemaVersion::version));
    return versions;
  }

  @Override
  public String describe() {
    return "directory " + root;
  }
}
