package io.kafkacontracts.maven;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.operations.Import;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.lang.model.SourceVersion;

/**
 * The build files of a contracts repository that {@code import} writes beside the contracts, as
 * the archetype writes them: the archetype's own pom (its every lifecycle plugin pinned to the
 * versions this plugin was built with), {@code .gitignore}, {@code .mvn/jvm.config} and the CI
 * templates and scripts. The templates are the archetype's files, bundled by this plugin's build.
 * Immutable.
 *
 * @param groupId    the repository's groupId
 * @param artifactId its artifactId (the contract jar's)
 * @param javaPackage the package of the generated {@code Topics} catalogue
 * @param references whether it registers named types in subjects of their own
 */
record RepositoryTemplate(String groupId, String artifactId, String javaPackage, boolean references) {

  /** What the archetype copies in besides the pom (its ci/ is this repository's). */
  static final List<String> FILES = List.of(".gitignore", ".mvn/jvm.config", "ci/Jenkinsfile", "ci/README.md",
      "ci/github-actions.yml", "ci/gitlab-ci.yml", "ci/scripts/publish.sh", "ci/scripts/pull-request.sh");

  RepositoryTemplate {
    requireNonNull(groupId, "groupId == null");
    requireNonNull(artifactId, "artifactId == null");
    requireNonNull(javaPackage, "javaPackage == null");
    if (!SourceVersion.isName(javaPackage)) {
      throw new IllegalArgumentException("'" + javaPackage + "' is not a Java package name");
    }
  }

  /** The pom and the other build files. */
  List<Import.RepositoryFile> files() {
    List<Import.RepositoryFile> files = new ArrayList<>();
    String pom = fill(read("pom.xml"));
    if (references) {
      pom = pom.replace("    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n",
          "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n"
              + "    <contracts.register.references>true</contracts.register.references> <!-- as the registry holds "
              + "them: named types in subjects of their own -->\n");
    }
    files.add(new Import.RepositoryFile(Path.of("pom.xml"), pom));
    FILES.forEach(file -> files.add(new Import.RepositoryFile(Path.of(file), read(file))));
    return files;
  }

  /** The archetype's Velocity variables this template uses, with their values; the pom's own ${...} stay. */
  private String fill(String template) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("groupId", groupId);
    values.put("artifactId", artifactId);
    values.put("version", "1.0.0-SNAPSHOT");
    values.put("package", javaPackage);
    Properties versions = new Properties();
    try (InputStream in = RepositoryTemplate.class.getResourceAsStream("versions.properties")) {
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the plugin's versions.properties is unreadable", e);
    }
    versions.stringPropertyNames().forEach(name -> values.put(name, versions.getProperty(name)));
    String filled = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled = filled.replace("${" + value.getKey() + "}", value.getValue());
    }
    return filled;
  }

  private static String read(String file) {
    try (InputStream in = RepositoryTemplate.class.getResourceAsStream("repository/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the plugin lacks its template " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the plugin's template " + file + " is unreadable", e);
    }
  }
}
