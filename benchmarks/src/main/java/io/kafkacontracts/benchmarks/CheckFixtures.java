package io.kafkacontracts.benchmarks;

import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the inputs of {@code check-timing.sh}: a contracts project of many subjects, each a record
 * with ten base fields evolved by adding one defaulted field per version, and either registers its
 * earlier versions in a registry or commits them to git, one commit per version.
 *
 * <pre>
 * java -cp benchmarks.jar io.kafkacontracts.benchmarks.CheckFixtures registry &lt;dir&gt; &lt;subjects&gt; &lt;versions&gt; &lt;registry url&gt; &lt;plugin version&gt;
 * java -cp benchmarks.jar io.kafkacontracts.benchmarks.CheckFixtures git &lt;dir&gt; &lt;subjects&gt; &lt;versions&gt; &lt;plugin version&gt;
 * java -cp benchmarks.jar io.kafkacontracts.benchmarks.CheckFixtures directory &lt;dir&gt; &lt;subjects&gt; &lt;versions&gt; &lt;plugin version&gt;
 * </pre>
 * The directory mode writes the earlier versions as a directory baseline, {@code <dir>/baseline},
 * which {@link BulkRegistry} also serves as Confluent's listing.
 * Either way the working tree holds version {@code versions + 1}: compatible with every earlier one.
 */
public final class CheckFixtures {

  private CheckFixtures() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    int subjects = Integer.parseInt(args[2]);
    int versions = Integer.parseInt(args[3]);
    String pluginVersion = args[args.length - 1];
    Files.createDirectories(dir.resolve("avro"));
    Files.writeString(dir.resolve("pom.xml"), pom(pluginVersion));
    if (!"false".equals(System.getenv("CONTRACTS_JVM_CONFIG"))) {
      // As this repository does: Maven runs in a contracts repository are short, C1 alone compiles enough.
      Files.createDirectories(dir.resolve(".mvn"));
      Files.writeString(dir.resolve(".mvn/jvm.config"), "-XX:TieredStopAtLevel=1\n");
    }
    Files.writeString(dir.resolve("contracts.yaml"), catalogue(subjects));
    if (mode.equals("registry")) {
      try (SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(args[4]).build()) {
        for (int version = 1; version <= versions; version++) {
          Map<String, RegistrySchema> batch = new LinkedHashMap<>();
          for (int i = 0; i < subjects; i++) {
            registry.setSubjectCompatibility("bench.t" + i + "-value", "BACKWARD_TRANSITIVE");
            batch.put("bench.t" + i + "-value", RegistrySchema.avro(schema(i, version, false)));
          }
          var result = registry.registerAll(batch, false, 16);
          if (!result.failures().isEmpty()) {
            throw new IllegalStateException("registration failed: " + result.failures().values().iterator().next());
          }
        }
      }
    } else if (mode.equals("directory")) {
      for (int version = 1; version <= versions; version++) {
        for (int i = 0; i < subjects; i++) {
          Path file = dir.resolve("baseline/bench.t" + i + "-value/" + version + ".avsc");
          Files.createDirectories(file.getParent());
          Files.writeString(file, schema(i, version, false), StandardCharsets.UTF_8);
        }
      }
    } else {
      git(dir, "init", "-q");
      for (int version = 1; version <= versions; version++) {
        writeSchemas(dir, subjects, version);
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "v" + version);
      }
    }
    writeSchemas(dir, subjects, versions + 1);
  }

  private static void writeSchemas(Path dir, int subjects, int version) throws IOException {
    for (int i = 0; i < subjects; i++) {
      Files.writeString(dir.resolve("avro/T" + i + ".avsc"), schema(i, version, true), StandardCharsets.UTF_8);
    }
  }

  /** Version {@code version} of record T{i}: ten base fields and one defaulted field per later version. */
  static String schema(int i, int version, boolean pretty) {
    List<String> fields = new ArrayList<>();
    fields.add("{\"name\":\"id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"},\"doc\":\"Id.\"}");
    fields.add("{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"When.\"}");
    fields.add("{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"Kind" + i + "\",\"symbols\":[\"A\",\"B\",\"UNKNOWN\"],"
        + "\"default\":\"UNKNOWN\"},\"doc\":\"Kind.\"}");
    fields.add("{\"name\":\"source\",\"type\":{\"type\":\"record\",\"name\":\"Source" + i + "\",\"doc\":\"Who.\",\"fields\":["
        + "{\"name\":\"service\",\"type\":\"string\",\"doc\":\"Service.\"},{\"name\":\"instance\",\"type\":\"string\","
        + "\"doc\":\"Instance.\"}]},\"doc\":\"Source.\"}");
    fields.add("{\"name\":\"org\",\"type\":\"long\",\"doc\":\"Org.\"}");
    fields.add("{\"name\":\"tags\",\"type\":[\"null\",{\"type\":\"array\",\"items\":\"string\"}],\"default\":null,\"doc\":\"Tags.\"}");
    fields.add("{\"name\":\"attributes\",\"type\":{\"type\":\"map\",\"values\":\"string\"},\"doc\":\"Attributes.\"}");
    fields.add("{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2},"
        + "\"doc\":\"Amount.\"}");
    fields.add("{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Note.\"}");
    fields.add("{\"name\":\"payload\",\"type\":\"string\",\"doc\":\"Body.\"}");
    for (int v = 2; v <= version; v++) {
      fields.add("{\"name\":\"added_in_v" + v + "\",\"type\":\"int\",\"default\":" + v + ",\"doc\":\"Added in version " + v + ".\"}");
    }
    String separator = pretty ? ",\n    " : ",";
    return "{\"type\":\"record\",\"name\":\"T" + i + "\",\"namespace\":\"com.bench\",\"doc\":\"Subject " + i + ".\","
        + "\"fields\":[" + (pretty ? "\n    " : "") + String.join(separator, fields) + (pretty ? "\n" : "") + "]}"
        + (pretty ? "\n" : "");
  }

  private static String catalogue(int subjects) {
    StringBuilder out = new StringBuilder("defaults:\n  compatibility: BACKWARD_TRANSITIVE\n  replication: 1\n"
        + "  retention: 1d\ntopics:\n");
    for (int i = 0; i < subjects; i++) {
      out.append("  - {name: bench.t").append(i).append(", description: Subject ").append(i)
          .append(", value: com.bench.T").append(i).append("}\n");
    }
    return out.toString();
  }

  private static String pom(String pluginVersion) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.kafkacontracts.bench</groupId>
          <artifactId>check-timing</artifactId>
          <version>1.0</version>
          <packaging>pom</packaging>
          <build>
            <plugins>
              <plugin>
                <groupId>io.kafkacontracts</groupId>
                <artifactId>contracts-maven-plugin</artifactId>
                <version>%s</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(pluginVersion);
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command + " failed");
    }
  }
}
