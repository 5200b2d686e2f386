package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The ci/ scripts on a copy of this repository. publish.sh, as a pipeline on the main branch runs
 * it: against the real registry the tests start and a file repository; run again after one contract
 * gained an optional field, it registers that subject's second version, leaves the others
 * unchanged, and exits 0. pull-request.sh, as a pull request's pipeline runs it: on a branch off
 * main, a breaking change fails with a GitHub annotation at its line, a compatible one passes; given
 * the base (CONTRACTS_AGAINST), it finds a break in an earlier commit of a branch checked out alone.
 * With CONTRACTS_KAFKA_BOOTSTRAP_SERVERS (the real broker, replication overridden to its one node),
 * publish.sh applies the catalogue's topics after registration and a second run changes none, and
 * pull-request.sh writes the topics plan as a comment-ready Markdown file.
 *
 * <p>Runs beside the other test classes, on the 2.6 registry (EndToEndTest registers some of the same
 * subjects on the default one), but never beside EndToEndTest: both make the seed catalogue's topics.
 */
@ExtendWith({ApicurioRegistry.Legacy.class, KafkaBroker.class})
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(KafkaBroker.SEED_TOPICS)
class CiScriptsTest {

  /** A field of ConfigChange.avsc, and a field to add after it without a default: a break. */
  private static final String CONFIG_VERSION = "    {\"name\": \"config_version\", \"type\": \"int\", "
      + "\"doc\": \"The item's configuration version after the change.\"},\n";
  private static final String REASON_WITHOUT_DEFAULT =
      "    {\"name\": \"reason\", \"type\": \"string\", \"doc\": \"Why it was changed.\"},\n";
  private static final String REASON_WITH_DEFAULT = "    {\"name\": \"reason\", \"type\": [\"null\", \"string\"], "
      + "\"default\": null, \"doc\": \"Why it was changed.\"},\n";

  @TempDir
  Path work;
  /** One local Maven repository for the class's runs, as a CI runner's cache: the first run fills it. */
  @TempDir
  static Path localRepository;

  /** The copy the scripts run in. */
  private Path repository;
  /** Maven options: this build's published artifacts, and the class's local repository. */
  private String mavenOptions;

  @BeforeEach
  void settings() throws Exception {
    repository = work.resolve("repository");
    Path settings = Files.writeString(work.resolve("settings.xml"), PublishedArtifacts.settings());
    mavenOptions = "-s " + settings + " -Dmaven.repo.local=" + localRepository;
  }

  @Test
  void publishRegistersEveryContractThenASecondVersionExitingZeroWithTheOthersUnchanged() throws Exception {
    RepositoryCopy.copyTo(repository);  // publishing builds every published module
    Path published = work.resolve("published");
    Map<String, String> environment = new HashMap<>(Map.of(
        "CONTRACTS_REGISTRY_URL", registryUrl(),
        "MAVEN_REPOSITORY_URL", published.toUri().toString(),
        "MAVEN_REPOSITORY_ID", "published",
        "MAVEN_CLI_OPTS", mavenOptions + " -Dcontracts.topics.replication=1",
        "CONTRACTS_KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers(),
        "GITHUB_RUN_NUMBER", "41"));

    String first = RepositoryCopy.run(repository, environment, List.of("bash", "ci/scripts/publish.sh"));

    SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(registryUrl()).build();
    List<String> subjects = registry.subjects(false, Optional.empty());
    assertThat(subjects).contains("connector.data.raw-value", "machine.telemetry-value")
        .doesNotContain("connector.data.raw-key"); // its key is plain: Kafka's LongSerializer bytes, no subject
    assertThat(registry.versions("connector.data.raw-value")).containsExactly(1);
    assertThat(first).contains("== registration, dry run", "new versions would be registered, 0 unchanged, 0 refused",
        "== publishing to " + environment.get("MAVEN_REPOSITORY_URL"));
    // A release per publish, numbered by the CI's build: the pom's 0.1 and the run number.
    assertThat(first).contains("== version 0.1.41");
    assertThat(published.resolve("io/kafkacontracts/contracts/0.1.41/contracts-0.1.41.jar")).isRegularFile();
    assertThat(Files.readString(published.resolve("io/kafkacontracts/contracts/0.1.41/contracts-0.1.41.pom")))
        .contains("<version>0.1.41</version>").doesNotContain("${revision}");
    // After registration, the catalogue's topics and dead-letter topics are on the cluster.
    assertThat(first).contains("== topics", "kafka-contracts: topics of schemas against " + KafkaBroker.bootstrapServers());
    try (org.apache.kafka.clients.admin.Admin admin = KafkaBroker.admin()) {
      assertThat(admin.listTopics().names().get()).contains("connector.data.raw", "connector.data.raw.dlq",
          "machine.telemetry", "config.changes");
    }

    // The day after: one contract gains an optional field. Its second version registers, the run exits 0.
    Path schema = configChange();
    Files.writeString(schema, Files.readString(schema).replace(CONFIG_VERSION, CONFIG_VERSION + REASON_WITH_DEFAULT));
    environment.put("GITHUB_RUN_NUMBER", "42");
    String second = RepositoryCopy.run(repository, environment, List.of("bash", "ci/scripts/publish.sh"));

    assertThat(second).contains("config.changes-value: new version 2\n",
        "kafka-contracts: 1 new versions would be registered, 22 unchanged, 0 refused, 0 levels would change",
        "kafka-contracts: 1 new versions, 22 unchanged, 0 refused, 0 levels changed", "BUILD SUCCESS");
    assertThat(second).containsPattern("config.changes-value: new version 2 \\(id [0-9]+\\)\n");
    assertThat(registry.versions("config.changes-value")).containsExactly(1, 2);
    assertThat(second).contains("kafka-contracts: the cluster's topics are as the catalogue says; nothing to apply");
    assertThat(registry.versions("connector.data.raw-value")).containsExactly(1);
    // The first release is still there, beside the second.
    assertThat(published.resolve("io/kafkacontracts/contracts/0.1.41/contracts-0.1.41.jar")).isRegularFile();
    assertThat(published.resolve("io/kafkacontracts/contracts/0.1.42/contracts-0.1.42.jar")).isRegularFile();
  }

  @Test
  void pullRequestFailsABreakingChangeWithAnAnnotationAndPassesACompatibleOne() throws Exception {
    String version1 = branchOffMain("add-a-reason").substring(0, 7) + " (version 1 in git)";
    Map<String, String> environment = Map.of(
        "GITHUB_ACTIONS", "true",
        // The gate is what is under test; the copy's unit tests are the outer build's.
        "MAVEN_CLI_OPTS", mavenOptions + " -DskipTests");
    Path schema = configChange();
    String onMain = Files.readString(schema);

    Files.writeString(schema, onMain.replace(CONFIG_VERSION, CONFIG_VERSION + REASON_WITHOUT_DEFAULT));
    commit(repository, "a reason without a default");
    RepositoryCopy.Outcome breaking = RepositoryCopy.attempt(repository, environment,
        List.of("bash", "ci/scripts/pull-request.sh"));

    assertThat(breaking.exitCode()).as(breaking.output()).isNotZero();
    assertThat(breaking.output()).contains(
        // A workflow command, at the start of its own line, where GitHub shows it: on the line added.
        "\n::error file=schemas/avro/config/ConfigChange.avsc,line=11,col=5,title=FIELD_ADDED_WITHOUT_DEFAULT in "
            + "config.changes-value::field 'reason' of record 'io.kafkacontracts.events.config.ConfigChange' has no "
            + "default, so the candidate cannot read data written with " + version1 + ", which lacks it "
            + "(config.changes-value /fields/payload/type/fields/reason against " + version1 + ", BACKWARD). Fix: give "
            + "field 'reason' a default, for example type [\"null\",\"string\"] with default null\n",
        "[ERROR] schemas/avro/config/ConfigChange.avsc:11:5: FIELD_ADDED_WITHOUT_DEFAULT\n",
        "[ERROR]     breaks config.changes-value at /fields/payload/type/fields/reason [BACKWARD, backward against "
            + version1 + "]",
        "on project schemas: 1 compatibility violation in 1 subject (see above and "
            + "schemas/target/contracts/compatibility.json). Fix each violation as its 'fix:' line says, or, for an intentional "
            + "break, add an entry with a reason to schemas/accepted-breaks.yaml.",
        "BUILD FAILURE");

    Files.writeString(schema, onMain.replace(CONFIG_VERSION, CONFIG_VERSION + REASON_WITH_DEFAULT));
    commit(repository, "a reason with a default");
    Map<String, String> withKafka = new HashMap<>(environment);
    withKafka.put("CONTRACTS_KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
    withKafka.put("MAVEN_CLI_OPTS", environment.get("MAVEN_CLI_OPTS") + " -Dcontracts.topics.replication=1");
    String compatible = RepositoryCopy.run(repository, withKafka, List.of("bash", "ci/scripts/pull-request.sh"));

    assertThat(compatible).contains("kafka-contracts: 0 violations", "BUILD SUCCESS", "== topics plan")
        .doesNotContain("::error");
    // Read-only, and ready to post on the pull request.
    assertThat(Files.readString(repository.resolve("schemas/target/contracts/topics-plan.md")))
        .startsWith("### Topics plan for " + KafkaBroker.bootstrapServers());
  }

  @Test
  void pullRequestComparesWithTheBaseItIsGivenWhereTheCheckoutHasNoDefaultBranch() throws Exception {
    String base = branchOffMain("two-commits");
    Path schema = configChange();
    String withReason = Files.readString(schema).replace(CONFIG_VERSION, CONFIG_VERSION + REASON_WITHOUT_DEFAULT);
    Files.writeString(schema, withReason);
    commit(repository, "a reason without a default");
    Files.writeString(schema, withReason.replace("The user or service that made the change.", "Who made the change."));
    commit(repository, "a clearer doc");
    // As a merge request pipeline may check out: the source branch only, no default branch to find.
    git(repository, "branch", "-q", "-D", "main");

    RepositoryCopy.Outcome outcome = RepositoryCopy.attempt(repository, Map.of(
        "CONTRACTS_AGAINST", base,
        "GITHUB_ACTIONS", "true",
        "MAVEN_CLI_OPTS", mavenOptions + " -DskipTests"), List.of("bash", "ci/scripts/pull-request.sh"));

    // The break is in the first of the two commits: found only against the base, not HEAD's parent.
    assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
    assertThat(outcome.output()).contains(
        "(baseline: git " + base + " (" + base.substring(0, 7) + "))",
        "\n::error file=schemas/avro/config/ConfigChange.avsc,line=11,col=5,title=FIELD_ADDED_WITHOUT_DEFAULT in "
            + "config.changes-value::",
        "on project schemas: 1 compatibility violation in 1 subject");
  }

  private static String registryUrl() {
    return ApicurioRegistry.url(ApicurioRegistry.Distribution.LEGACY);
  }

  /** Copies the contracts, as a git repository whose main holds them as they are; returns main's commit. */
  private String branchOffMain(String branch) throws Exception {
    // A pull request's gate needs the contracts module alone.
    RepositoryCopy.copyContractsTo(repository);
    assertThat(Files.readString(configChange())).contains(CONFIG_VERSION);
    git(repository, "init", "-q", "-b", "main");
    commit(repository, "contracts as on main");
    String main = git(repository, "rev-parse", "HEAD").strip();
    git(repository, "checkout", "-q", "-b", branch);
    return main;
  }

  private Path configChange() {
    return repository.resolve("schemas/avro/config/ConfigChange.avsc");
  }

  private static void commit(Path repository, String message) throws Exception {
    git(repository, "add", "-A");
    git(repository, "-c", "user.name=Pull Request", "-c", "user.email=pr@example.com", "commit", "-q", "-m", message);
  }

  private static String git(Path repository, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    return RepositoryCopy.run(repository, Map.of(), command);
  }
}
