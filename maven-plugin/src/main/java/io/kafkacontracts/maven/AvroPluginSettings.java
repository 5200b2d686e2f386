package io.kafkacontracts.maven;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.maven.model.Plugin;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * How a project runs avro-maven-plugin over its contracts, and what of it the contract jar cannot
 * work with: classes generated for an Avro the serdes do not run on (they run on 1.11.4+ and 1.12),
 * or for another than the project pins, from another folder than
 * the contracts (the classes' schemas then differ from the registered ones, and lookups answer
 * 40403), strings read back as {@code Utf8}, or decimals as raw bytes. Plain values, so the rules
 * are tested without Maven. Immutable.
 *
 * @param version    the plugin's version
 * @param basedir    the project's folder, which relative paths are resolved against
 * @param executions each execution that generates classes ({@code schema}, {@code idl} or
 *                   {@code protocol} goals), with the plugin's own configuration merged under
 *                   the execution's
 */
record AvroPluginSettings(String version, Path basedir, List<Map<String, String>> executions) {

  private static final List<String> GENERATING_GOALS = List.of("schema", "idl", "idl-protocol", "protocol");

  /** avro-maven-plugin's own default source folder. */
  static final String DEFAULT_SOURCE_DIRECTORY = "src/main/avro";

  AvroPluginSettings {
    requireNonNull(version, "version == null");
    requireNonNull(basedir, "basedir == null");
    executions = List.copyOf(executions);
  }

  /**
   * What would break, each with its fix; empty when the settings suit the contract jar.
   *
   * @param projectAvro the Avro version the project itself puts on the classpath (its own dependency
   *                    on {@code org.apache.avro:avro}, or its dependency management), if it pins one
   * @param contracts   the contracts directory ({@code avro/} inside it holds the .avsc files)
   * @param types       the contracts' named types, to see whether any uses a decimal
   */
  List<String> problems(Optional<String> projectAvro, Path contracts, Iterable<Schema> types) {
    List<String> problems = new ArrayList<>();
    if (!supported(version)) {
      problems.add("avro-maven-plugin " + version + " generates classes for an Avro the serdes do not run on: use "
          + "1.12.x, or 1.11.4 or later where the applications are pinned to Avro 1.11 (1.11.4 fixes CVE-2024-47561)");
    } else if (projectAvro.isPresent() && !minor(version).equals(minor(projectAvro.get()))) {
      problems.add("avro-maven-plugin " + version + " generates classes for another Avro than the " + projectAvro.get()
          + " this project puts on the classpath (generated code calls the Avro it was generated for): set the "
          + "plugin's <version> to " + projectAvro.get());
    }
    Path expected = contracts.resolve("avro").toAbsolutePath().normalize();
    boolean decimals = usesDecimals(types);
    for (Map<String, String> execution : executions) {
      Path source = basedir.resolve(execution.getOrDefault("sourceDirectory", DEFAULT_SOURCE_DIRECTORY))
          .toAbsolutePath().normalize();
      if (!source.equals(expected)) {
        problems.add("avro-maven-plugin generates classes from " + source + ", not from the contracts in " + expected
            + ": the classes' schemas would differ from the registered ones (lookups answer 40403); set "
            + "<sourceDirectory>" + inPom(expected) + "</sourceDirectory>");
      }
      String stringType = execution.getOrDefault("stringType", "CharSequence");
      if (!stringType.equals("String")) {
        problems.add("avro-maven-plugin has stringType " + stringType + ": records read back would hold "
            + "org.apache.avro.util.Utf8 where producers wrote java.lang.String (so equals and map keys differ), and "
            + "the topic catalogue types string keys as String; set <stringType>String</stringType>");
      }
      if (decimals && !"true".equals(execution.get("enableDecimalLogicalType"))) {
        problems.add("avro-maven-plugin leaves decimals as raw bytes (enableDecimalLogicalType is off) while the "
            + "contracts hold decimals: producers would have to write unscaled two's-complement bytes by hand; set "
            + "<enableDecimalLogicalType>true</enableDecimalLogicalType>");
      }
    }
    return problems;
  }

  /** The plugin's generating executions, each with the plugin-level configuration under its own. */
  static AvroPluginSettings of(Plugin avro, Path basedir) {
    List<Map<String, String>> executions = new ArrayList<>();
    avro.getExecutions().stream().filter(e -> e.getGoals().stream().anyMatch(GENERATING_GOALS::contains))
        .forEach(execution -> {
          Map<String, String> values = new HashMap<>();
          values.putAll(values(avro.getConfiguration()));
          values.putAll(values(execution.getConfiguration()));
          executions.add(values);
        });
    return new AvroPluginSettings(avro.getVersion(), basedir, executions);
  }

  private static Map<String, String> values(Object configuration) {
    Map<String, String> values = new HashMap<>();
    if (configuration instanceof Xpp3Dom dom) {
      for (Xpp3Dom child : dom.getChildren()) {
        if (child.getValue() != null) {
          values.put(child.getName(), child.getValue().strip());
        }
      }
    }
    return values;
  }

  /** A folder as a pom names it: relative to the project as {@code ${project.basedir}/...} where it can. */
  private String inPom(Path folder) {
    Path base = basedir.toAbsolutePath().normalize();
    return folder.startsWith(base)
        ? "${project.basedir}" + (folder.equals(base) ? "" : "/" + base.relativize(folder).toString().replace('\\', '/'))
        : folder.toString();
  }

  /** The Avro lines the serdes run on: 1.12, and 1.11 from 1.11.4. */
  static boolean supported(String version) {
    String[] parts = version.split("[.-]");
    try {
      int minor = Integer.parseInt(parts[1]);
      return parts[0].equals("1") && (minor == 12 || minor == 11 && Integer.parseInt(parts[2]) >= 4);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** "1.12.1" → "1.12". */
  private static String minor(String version) {
    String[] parts = version.split("\\.");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }

  private static boolean usesDecimals(Iterable<Schema> types) {
    for (Schema type : types) {
      if (type.getType() == Schema.Type.RECORD && type.getFields().stream()
          .anyMatch(field -> holdsDecimal(field.schema()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsDecimal(Schema schema) {
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
      return true;
    }
    return switch (schema.getType()) {
      case UNION -> schema.getTypes().stream().anyMatch(AvroPluginSettings::holdsDecimal);
      case ARRAY -> holdsDecimal(schema.getElementType());
      case MAP -> holdsDecimal(schema.getValueType());
      default -> false; // named records are checked on their own, as types of the folder
    };
  }
}
