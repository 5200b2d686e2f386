package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team's own contracts repository, as a team adopting kafka-contracts lays it out: not this one.
 * A root pom with two modules, {@code schemas} (the {@code .avsc} files, {@code contracts.yaml} and
 * the gate) and {@code contracts} (the jar of generated classes consumers depend on), this
 * repository's {@code ci/scripts}, and a git history of its own. The plugin and serdes come from
 * the outer build; the repository's version is {@code ${revision}}, flattened on publish.
 */
final class TeamRepository {

  /** The value schema's fields before the first version's closing bracket. */
  static final String ID = "    {\"name\": \"id\", \"type\": \"string\", \"doc\": \"The order's id.\"}";
  static final String AMOUNT = "    {\"name\": \"amount\", \"type\": \"long\", \"doc\": \"Cents.\"}";

  final Path root;
  private final Map<String, String> environment;

  private TeamRepository(Path root, Map<String, String> environment) {
    this.root = root;
    this.environment = environment;
  }

  /**
   * Writes the repository with version 1 of its one topic, {@code topic}, on a fresh {@code main}
   * (not committed yet).
   *
   * @param mavenOptions Maven options for every script run (settings, local repository)
   */
  static TeamRepository create(Path root, String topic, String mavenOptions) throws Exception {
    String contractsVersion = System.getProperty("contracts.project.version");
    Path outer = Path.of(System.getProperty("contracts.repository.root")).toAbsolutePath().normalize();
    String outerPom = Files.readString(outer.resolve("pom.xml"), StandardCharsets.UTF_8);
    write(root, "pom.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example.myteam</groupId>
          <artifactId>myteam-contracts-parent</artifactId>
          <version>${revision}</version>
          <packaging>pom</packaging>
          <properties>
            <revision>1.0.0-SNAPSHOT</revision>
            <kafka-contracts.version>%s</kafka-contracts.version>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <modules>
            <module>schemas</module>
            <module>contracts</module>
          </modules>
          <build>
            <pluginManagement>
              <plugins>
                %s
                %s
                %s
                %s
                %s
                <plugin>
                  <groupId>org.apache.avro</groupId>
                  <artifactId>avro-maven-plugin</artifactId>
                  <version>%s</version>
                </plugin>
                <plugin>
                  <groupId>io.kafkacontracts</groupId>
                  <artifactId>contracts-maven-plugin</artifactId>
                  <version>${kafka-contracts.version}</version>
                </plugin>
              </plugins>
            </pluginManagement>
            <plugins>
              <plugin>
                <groupId>org.codehaus.mojo</groupId>
                <artifactId>flatten-maven-plugin</artifactId>
                <version>%s</version>
                <configuration>
                  <flattenMode>resolveCiFriendliesOnly</flattenMode>
                  <updatePomFile>true</updatePomFile>
                  <outputDirectory>${project.build.directory}</outputDirectory>
                </configuration>
                <executions>
                  <execution>
                    <phase>process-resources</phase>
                    <goals><goal>flatten</goal></goals>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(contractsVersion,
        apachePlugin("maven-compiler-plugin", outerPom), apachePlugin("maven-resources-plugin", outerPom),
        apachePlugin("maven-jar-plugin", outerPom), apachePlugin("maven-install-plugin", outerPom),
        apachePlugin("maven-deploy-plugin", outerPom), property(outerPom, "avro.version"),
        property(outerPom, "flatten-maven-plugin.version")));
    write(root, "schemas/pom.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>com.example.myteam</groupId>
            <artifactId>myteam-contracts-parent</artifactId>
            <version>${revision}</version>
          </parent>
          <artifactId>schemas</artifactId>
          <packaging>pom</packaging>
          <build>
            <plugins>
              <plugin>
                <groupId>io.kafkacontracts</groupId>
                <artifactId>contracts-maven-plugin</artifactId>
                <executions>
                  <execution>
                    <goals><goal>validate</goal><goal>check</goal></goals>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """);
    write(root, "contracts/pom.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>com.example.myteam</groupId>
            <artifactId>myteam-contracts-parent</artifactId>
            <version>${revision}</version>
          </parent>
          <artifactId>contracts</artifactId>
          <dependencies>
            <dependency>
              <groupId>io.kafkacontracts</groupId>
              <artifactId>serdes</artifactId>
              <version>${kafka-contracts.version}</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.avro</groupId>
                <artifactId>avro-maven-plugin</artifactId>
                <executions>
                  <execution>
                    <phase>generate-sources</phase>
                    <goals><goal>schema</goal></goals>
                    <configuration>
                      <sourceDirectory>${project.basedir}/../schemas/avro</sourceDirectory>
                      <stringType>String</stringType>
                    </configuration>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """);
    write(root, "schemas/contracts.yaml", """
        topics:
          - name: %s
            description: Orders.
            value: com.example.myteam.Order
            key: {field: id, format: avro}
            compatibility: BACKWARD
            partitions: 1
            replication: 1
            retention: 1d
        """.formatted(topic));
    writeOrder(root, "");
    write(root, ".gitignore", "target/\n");
    write(root, ".mvn/jvm.config", "-XX:TieredStopAtLevel=1\n-XX:+UseSerialGC\n");
    for (String script : List.of("publish.sh", "pull-request.sh")) {
      Path copy = root.resolve("ci/scripts").resolve(script);
      Files.createDirectories(copy.getParent());
      Files.copy(outer.resolve("ci/scripts").resolve(script), copy);
    }
    TeamRepository repository = new TeamRepository(root, new HashMap<>(Map.of("MAVEN_CLI_OPTS", mavenOptions)));
    repository.git("init", "-q", "-b", "main");
    return repository;
  }

  /** Order.avsc with the first version's fields, then {@code extraFields} (each ",\n    {...}"). */
  private static void writeOrder(Path root, String extraFields) throws IOException {
    write(root, "schemas/avro/Order.avsc", "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n"
        + "  \"namespace\": \"com.example.myteam\",\n  \"doc\": \"An order.\",\n  \"fields\": [\n"
        + ID + ",\n" + AMOUNT + extraFields + "\n  ]\n}\n");
  }

  void order(String extraFields) throws IOException {
    writeOrder(root, extraFields);
  }

  void catalogueLevel(String from, String to) throws IOException {
    Path catalogue = root.resolve("schemas/contracts.yaml");
    String text = Files.readString(catalogue);
    assertThat(text).contains("compatibility: " + from);
    Files.writeString(catalogue, text.replace("compatibility: " + from, "compatibility: " + to));
  }

  void write(String relative, String text) throws IOException {
    write(root, relative, text);
  }

  private static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  String commit(String message) throws Exception {
    git("add", "-A");
    git("-c", "user.name=Team", "-c", "user.email=team@example.com", "commit", "-q", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  String git(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    return RepositoryCopy.run(root, Map.of(), command);
  }

  /** Replaces the topic's key line in contracts.yaml. */
  void catalogueKey(String from, String to) throws IOException {
    Path catalogue = root.resolve("schemas/contracts.yaml");
    String text = Files.readString(catalogue);
    assertThat(text).contains("key: " + from);
    Files.writeString(catalogue, text.replace("key: " + from, "key: " + to));
  }

  /** The Maven options every script run gets (settings, local repository). */
  String mavenOptions() {
    return environment.get("MAVEN_CLI_OPTS");
  }

  /** Runs Maven in the repository as a developer would, with its settings and {@code extra} variables. */
  RepositoryCopy.Outcome mvn(Map<String, String> extra, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B"));
    command.addAll(List.of(mavenOptions().split(" ")));
    command.addAll(List.of(arguments));
    return RepositoryCopy.attempt(root, extra, command);
  }

  /** Runs {@code ci/scripts/<script>} with the repository's environment and {@code extra}. */
  RepositoryCopy.Outcome script(String script, Map<String, String> extra) throws Exception {
    Map<String, String> all = new HashMap<>(environment);
    all.putAll(extra);
    return RepositoryCopy.attempt(root, all, List.of("bash", "ci/scripts/" + script));
  }

  /** The plugin block of an Apache Maven plugin, pinned to the version the outer build uses. */
  private static String apachePlugin(String artifactId, String outerPom) {
    return "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>" + artifactId + "</artifactId><version>"
        + property(outerPom, artifactId + ".version") + "</version></plugin>";
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    if (!m.find()) {
      throw new IllegalStateException("the outer pom has no property " + name);
    }
    return m.group(1).strip();
  }
}
