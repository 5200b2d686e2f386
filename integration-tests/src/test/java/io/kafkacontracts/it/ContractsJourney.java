package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.serde.AvroDeserializer;
import io.kafkacontracts.serde.AvroSerializer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The everyday CI journey of a team's own contracts repository ({@link TeamRepository}), over
 * many versions, run by the real {@code ci/scripts} commit by commit against a real registry (one
 * subclass per Apicurio distribution), a real KRaft broker and a file Maven repository. Pull
 * requests of intentional changes are judged on git beside the registry and (in the 3.3 journey) on
 * git alone, with the same verdict:
 * <ol>
 *   <li>version 1, the repository's first commit, on {@code main}: the pull request has nothing to
 *       compare; publish registers it and deploys release 1.0.1;
 *   <li>an optional field on a branch: the pull request passes; merged, publish registers version 2,
 *       exits 0, deploys 1.0.2, and a rerun registers nothing; consumers built on each jar read the
 *       other's records through the broker;
 *   <li>a required field: the pull request fails with the annotation at its line; merged by force,
 *       publish refuses before writing anything;
 *   <li>the same break accepted, with the level relaxed to FORWARD in the same change: the relaxation
 *       fails until it too is accepted, then the pull request passes;
 *   <li>merged, it publishes (registered at FORWARD, deployed without judging what registration wrote),
 *       and a rerun finishes with nothing new, its entries spent;
 *   <li>the next, unrelated pull request passes, warning of the spent entries' lines; its publish fails
 *       after registration (the repository refuses the deploy) and a rerun finishes it;
 *   <li>a break accepted at a level the registry still enforces fails on the pull request, with the fix;
 *   <li>the key made plain fails until accepted, then publishes;
 *   <li>an uncommitted break on main fails a local {@code mvn verify};
 *   <li>{@code set-compatibility} relaxing a level nobody accepted is refused, the registry unchanged.
 * </ol>
 * The registry's versions, ids and levels are asserted after every step. Journeys run beside the
 * other test classes: each has its own subjects, topic, repository and local Maven repository.
 */
@Execution(ExecutionMode.CONCURRENT)
abstract class ContractsJourney {

  private static final String QTY_WITHOUT_DEFAULT =
      ",\n    {\"name\": \"qty\", \"type\": \"int\", \"doc\": \"How many.\"}";
  private static final String NOTE = ",\n    {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null, "
      + "\"doc\": \"A note, if any.\"}";
  private static final String PRIORITY_WITHOUT_DEFAULT =
      ",\n    {\"name\": \"priority\", \"type\": \"int\", \"doc\": \"How urgent.\"}";
  private static final String CHANNEL = ",\n    {\"name\": \"channel\", \"type\": [\"null\", \"string\"], "
      + "\"default\": null, \"doc\": \"Where it was placed.\"}";

  @TempDir
  Path work;

  /** The registry this journey runs against. */
  abstract ApicurioRegistry.Distribution distribution();

  /**
   * Whether this journey also judges each intentional change on git alone: that verdict does not
   * depend on the registry, so one journey (3.3's) runs it and the other spends its time on the
   * registry's.
   */
  boolean judgesGitAlone() {
    return true;
  }

  /** The variables of each pull request run: git alone (where this journey judges it), then git and the registry. */
  private List<Map<String, String>> baselines(TeamRepository team, Map<String, String> withRegistry) {
    return judgesGitAlone() ? List.of(gitAlone(team), withRegistry) : List.of(withRegistry);
  }

  /** A pull request judged on git alone: the gate's module only, as a team may run its gate; the verdict is its. */
  private static Map<String, String> gitAlone(TeamRepository team) {
    return Map.of("MAVEN_CLI_OPTS", team.mavenOptions() + " -pl schemas");
  }

  @Test
  void evolveGateRegisterPublishAndEvolveAgain() throws Exception {
    String registryUrl = ApicurioRegistry.url(distribution());
    String topic = "journey." + distribution().name().toLowerCase(java.util.Locale.ROOT) + ".orders";
    String value = topic + "-value";
    Path published = work.resolve("published");
    // The plugin and serdes from a repository, as a team's CI has them; a local repository of the journey's own.
    Path settings = Files.writeString(work.resolve("settings.xml"), PublishedArtifacts.settings());
    TeamRepository team = TeamRepository.create(work.resolve("myteam-contracts"), topic,
        "-s " + settings + " -Dmaven.repo.local=" + work.resolve("local-repository"));
    Map<String, String> publishing = Map.of("CONTRACTS_REGISTRY_URL", registryUrl,
        "MAVEN_REPOSITORY_URL", published.toUri().toString(), "MAVEN_REPOSITORY_ID", "published");
    try (SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(registryUrl)
        .cache(0, Duration.ofSeconds(1), Duration.ofSeconds(1)).build()) {  // no cache: every read asks the registry

      // 1. Version 1 on main.
      team.commit("orders, version 1");
      RepositoryCopy.Outcome firstReview = team.script("pull-request.sh", Map.of());
      assertThat(firstReview.exitCode()).as(firstReview.output()).isZero();
      assertThat(firstReview.output()).contains("git: first version of the contracts, nothing to compare");
      // publish.sh gates against the registry it registers in: the source of truth on main.
      String first = publish(team, publishing, "1");
      assertThat(first).contains("(baseline: registry " + registryUrl + ")",
          value + ": new version 1; level (none) -> BACKWARD\n", "== version 1.0.1");
      assertThat(registry.versions(value)).containsExactly(1);
      assertThat(registry.subjectCompatibility(value, false)).contains("BACKWARD");
      int firstId = registry.latestVersion(value).id();

      // 2. An optional field, through a pull request; merged, its version 2 registers and the run exits 0.
      team.git("checkout", "-q", "-b", "add-a-note");
      team.order(NOTE);
      team.commit("orders: an optional note");
      RepositoryCopy.Outcome review = team.script("pull-request.sh", Map.of("GITHUB_ACTIONS", "true"));
      assertThat(review.exitCode()).as(review.output()).isZero();
      assertThat(review.output()).contains("kafka-contracts: 0 violations").doesNotContain("::error");
      merge(team, "add-a-note");
      String second = publish(team, publishing, "2");
      assertThat(second).contains(value + ": new version 2\n", "kafka-contracts: 1 new versions, 1 unchanged, 0 refused")
          .containsPattern(value + ": new version 2 \\(id [0-9]+\\)\n");
      assertThat(registry.versions(value)).containsExactly(1, 2);
      int secondId = registry.latestVersion(value).id();
      assertThat(secondId).isNotEqualTo(firstId);
      String rerun = publish(team, publishing, "2");
      assertThat(rerun).contains(value + ": unchanged, version 2 (id " + secondId + ")",
          "kafka-contracts: 0 new versions, 2 unchanged, 0 refused, 0 levels changed");
      assertThat(registry.versions(value)).containsExactly(1, 2);
      Path jar1 = published.resolve("com/example/myteam/contracts/1.0.1/contracts-1.0.1.jar");
      Path jar2 = published.resolve("com/example/myteam/contracts/1.0.2/contracts-1.0.2.jar");
      assertThat(jar1).isRegularFile();
      assertThat(jar2).isRegularFile();
      consumersOfEachReleaseReadTheOther(registryUrl, topic, jar1, jar2);

      // 3. A required field: the pull request fails at its line; merged by force, publish writes nothing.
      team.git("checkout", "-q", "-b", "add-a-quantity");
      team.order(NOTE + QTY_WITHOUT_DEFAULT);
      String breaking = team.commit("orders: a required quantity");
      review = team.script("pull-request.sh", Map.of("GITHUB_ACTIONS", "true"));
      assertThat(review.exitCode()).as(review.output()).isNotZero();
      assertThat(review.output()).contains("\n::error file=schemas/avro/Order.avsc,line=10,col=5,"
          + "title=FIELD_ADDED_WITHOUT_DEFAULT in " + value + "::field 'qty' of record 'com.example.myteam.Order' has no "
          + "default");
      merge(team, "add-a-quantity");
      RepositoryCopy.Outcome forced = team.script("publish.sh", with(publishing, "3"));
      assertThat(forced.exitCode()).as(forced.output()).isNotZero();
      assertThat(forced.output()).contains(": FIELD_ADDED_WITHOUT_DEFAULT\n", "breaks " + value + " at /fields/qty [")
          .doesNotContain("== registration");
      assertThat(registry.versions(value)).containsExactly(1, 2);
      assertThat(registry.latestVersion(value).id()).isEqualTo(secondId);
      team.git("reset", "-q", "--hard", "HEAD~1");
      assertThat(team.git("rev-parse", "HEAD").strip()).isNotEqualTo(breaking);

      // 4. The same break accepted, and the level relaxed in the same commit: the relaxation fails until it too
      //    is accepted, against git alone and against git and the registry alike.
      Map<String, String> withRegistry = Map.of("CONTRACTS_REGISTRY_URL", registryUrl);
      team.git("checkout", "-q", "-b", "relax");
      team.order(NOTE + QTY_WITHOUT_DEFAULT);
      // FORWARD, not NONE: Apicurio 2.6 keeps enforcing its global BACKWARD on a subject set to NONE
      // (LegacyRegistryContractTest); FORWARD lets a field added without default through on every registry.
      team.catalogueLevel("BACKWARD", "FORWARD");
      String acceptTheBreak = """
          accepted:
            - subject: %s
              rule: FIELD_ADDED_WITHOUT_DEFAULT
              path: /fields/qty
              reason: no consumer reads orders yet (TEAM-1)
          """.formatted(value);
      team.write("schemas/accepted-breaks.yaml", acceptTheBreak);
      team.commit("orders: quantity required, level FORWARD");
      for (Map<String, String> baseline : baselines(team, withRegistry)) {
        review = team.script("pull-request.sh", baseline);
        assertThat(review.exitCode()).as(review.output()).isNotZero();
        // The value and its Avro key, both relaxed: one cause, two subjects.
        assertThat(review.output()).contains("schemas/contracts.yaml:6:20: LEVEL_RELAXED\n",
            value + " at /compatibility [FULL, backward against ", topic + "-key at /compatibility [FULL, ",
            "[INFO] accepted: " + value + " FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty");
      }
      String relaxation = """
            - subject: %s
              rule: LEVEL_RELAXED
              path: /compatibility
              reason: orders is retired next quarter; agreed with its consumers (TEAM-2)
            - subject: %s-key
              rule: LEVEL_RELAXED
              path: /compatibility
              reason: the key follows its topic's level (TEAM-2)
          """.formatted(value, topic);
      team.write("schemas/accepted-breaks.yaml", acceptTheBreak + relaxation);
      team.commit("accept the relaxation");
      if (judgesGitAlone()) {
        review = team.script("pull-request.sh", gitAlone(team));
        assertThat(review.exitCode()).as(review.output()).isZero();
        assertThat(review.output()).contains("kafka-contracts: 0 violations",
            "accepted: " + value + " LEVEL_RELAXED at /compatibility");
      }
      review = team.script("pull-request.sh", withRegistry);
      assertThat(review.exitCode()).as(review.output()).isZero();
      assertThat(review.output()).contains("(baseline: git " + team.git("rev-parse", "main").strip() + " (",
          " and registry " + registryUrl + ")", "accepted: " + value + " LEVEL_RELAXED at /compatibility");

      // 5. Merged, the break publishes: registered at FORWARD, then deployed without judging what registration wrote.
      merge(team, "relax");
      String relaxed = publish(team, publishing, "3");
      assertThat(relaxed).containsPattern(value + ": new version 3 \\(id [0-9]+\\); level BACKWARD -> FORWARD\n")
          .contains("kafka-contracts: check skipped (contracts.check.skip)");
      assertThat(registry.versions(value)).containsExactly(1, 2, 3);
      assertThat(registry.subjectCompatibility(value, false)).contains("FORWARD");
      assertThat(published.resolve("com/example/myteam/contracts/1.0.3/contracts-1.0.3.jar")).isRegularFile();
      // A rerun finishes: the registry holds the break, so every entry is spent (warnings), nothing is new, and
      // release 1.0.3, already in the repository, is deployed again (a file repository takes it; one that refuses
      // redeploying a release fails this last step alone: ci/README).
      String rerunRelaxed = publish(team, publishing, "3");
      assertThat(rerunRelaxed).contains("== publishing to " + publishing.get("MAVEN_REPOSITORY_URL") + "\n",
          "kafka-contracts: 0 new versions, 2 unchanged, 0 refused, 0 levels changed",
          "[WARNING] schemas/accepted-breaks.yaml:2:5: warning: the accepted break of FIELD_ADDED_WITHOUT_DEFAULT at "
              + "/fields/qty in subject '" + value + "' matches no violation against registry " + registryUrl
              + ": the baseline already holds the change it accepted (or it never matched one); delete lines 2-5 of "
              + "schemas/accepted-breaks.yaml [ACCEPTED_BREAK_SPENT]");

      // 6. The next, unrelated pull request passes on either baseline, warning of the spent entries' lines.
      team.git("checkout", "-q", "-b", "channel");
      team.order(NOTE + QTY_WITHOUT_DEFAULT + CHANNEL);
      team.catalogueLevel("FORWARD", "FULL");
      team.commit("orders: a channel, and FULL from now on");
      for (Map<String, String> baseline : baselines(team, withRegistry)) {
        review = team.script("pull-request.sh", baseline);
        assertThat(review.exitCode()).as(review.output()).isZero();
        assertThat(review.output()).contains("kafka-contracts: 0 violations", "delete lines 2-5 of "
            + "schemas/accepted-breaks.yaml [ACCEPTED_BREAK_SPENT]", "delete lines 6-9 of schemas/accepted-breaks.yaml "
            + "[ACCEPTED_BREAK_SPENT]").doesNotContain("add an entry");
      }
      // The spent entries deleted, as the warnings said.
      team.write("schemas/accepted-breaks.yaml", "accepted: []\n");
      team.commit("accepted-breaks: the spent entries deleted");
      merge(team, "channel");
      // Its publish fails after registration (the repository refuses the deploy); a rerun finishes the job.
      Path blocked = Files.writeString(work.resolve("not-a-repository"), "a file where the repository should be");
      Map<String, String> broken = new HashMap<>(with(publishing, "4"));
      broken.put("MAVEN_REPOSITORY_URL", blocked.toUri() + "/inside");
      RepositoryCopy.Outcome interrupted = team.script("publish.sh", broken);
      assertThat(interrupted.exitCode()).as(interrupted.output()).isNotZero();
      assertThat(interrupted.output()).containsPattern(value + ": new version 4 \\(id [0-9]+\\); level FORWARD -> FULL\n")
          .contains("== publishing to " + blocked.toUri() + "/inside");
      assertThat(registry.versions(value)).containsExactly(1, 2, 3, 4);
      assertThat(published.resolve("com/example/myteam/contracts/1.0.4")).doesNotExist();
      String fourth = publish(team, publishing, "4");
      assertThat(fourth).contains("kafka-contracts: 0 new versions, 2 unchanged, 0 refused, 0 levels changed");
      assertThat(published.resolve("com/example/myteam/contracts/1.0.4/contracts-1.0.4.jar")).isRegularFile();

      // 7. A break accepted with the level left as it is: the pull request knows the registry would refuse it.
      team.git("checkout", "-q", "-b", "priority");
      team.order(NOTE + QTY_WITHOUT_DEFAULT + CHANNEL + PRIORITY_WITHOUT_DEFAULT);
      team.write("schemas/accepted-breaks.yaml", """
          accepted:
            - subject: %s
              rule: FIELD_ADDED_WITHOUT_DEFAULT
              path: /fields/priority
              reason: priorities are required from now on (TEAM-3)
          """.formatted(value));
      team.commit("orders: a required priority, accepted");
      for (Map<String, String> baseline : baselines(team, withRegistry)) {
        review = team.script("pull-request.sh", baseline);
        assertThat(review.exitCode()).as(review.output()).isNotZero();
        assertThat(review.output()).contains("[ERROR] schemas/accepted-breaks.yaml:2:5: the registry would still "
            + "refuse the break this entry accepts (FIELD_ADDED_WITHOUT_DEFAULT at /fields/priority in subject '" + value
            + "'): the subject stays at FULL in schemas/contracts.yaml:6:20", "Relax its compatibility (to "
            + "FORWARD or NONE) in the same change and accept its LEVEL_RELAXED too, or publish the break on a new topic "
            + "[ACCEPTED_BREAK_REFUSED_AT_LEVEL]", "Fix each problem as its message says.");
      }
      team.git("checkout", "-q", "main");
      team.git("branch", "-q", "-D", "priority");

      // 8. The key goes plain: every key's bytes change. Refused on either baseline until accepted; then it publishes.
      team.git("checkout", "-q", "-b", "plain-key");
      team.catalogueKey("{field: id, format: avro}", "{field: id}");
      team.commit("orders: plain keys");
      for (Map<String, String> baseline : baselines(team, withRegistry)) {
        review = team.script("pull-request.sh", baseline);
        assertThat(review.exitCode()).as(review.output()).isNotZero();
        assertThat(review.output()).contains("[ERROR] schemas/contracts.yaml:5:10: KEY_FORMAT_CHANGED\n",
            // Found by git's topic rules, which run with the registry set too (the registry's finding is the same).
            "breaks " + topic + " at /topics/" + topic + "/key [FULL, backward against the catalogue of git ");
      }
      team.write("schemas/accepted-breaks.yaml", """
          accepted:
            - subject: %s
              rule: KEY_FORMAT_CHANGED
              path: /topics/%s/key
              reason: every consumer reads plain string keys from release 1.0.5 (TEAM-4)
          """.formatted(topic, topic));
      team.commit("accept plain keys");
      for (Map<String, String> baseline : baselines(team, withRegistry)) {
        review = team.script("pull-request.sh", baseline);
        assertThat(review.exitCode()).as(review.output()).isZero();
        assertThat(review.output()).contains("accepted: " + topic + " KEY_FORMAT_CHANGED at /topics/" + topic + "/key");
      }
      merge(team, "plain-key");
      String plainKeys = publish(team, publishing, "5");
      assertThat(plainKeys).contains("no key subject for the plain keys (Kafka's own serializers) of " + topic,
          value + ": unchanged, version 4", "kafka-contracts: 0 new versions, 1 unchanged, 0 refused");
      assertThat(published.resolve("com/example/myteam/contracts/1.0.5/contracts-1.0.5.jar")).isRegularFile();

      // 9. On main, the last commit adds a coupon; retyping it without committing fails a local mvn verify: the
      //    working tree is judged against HEAD beside the history (HEAD^1 alone lacks the coupon).
      String coupon = ",\n    {\"name\": \"coupon\", \"type\": [\"null\", \"string\"], \"default\": null, "
          + "\"doc\": \"A coupon code, if any.\"}";
      team.order(NOTE + QTY_WITHOUT_DEFAULT + CHANNEL + coupon);
      team.commit("orders: a coupon");
      team.order(NOTE + QTY_WITHOUT_DEFAULT + CHANNEL + coupon.replace("\"string\"", "\"long\""));
      RepositoryCopy.Outcome local = team.mvn(Map.of(), "verify");
      assertThat(local.exitCode()).as(local.output()).isNotZero();
      assertThat(local.output()).contains(": UNION_BRANCH_REMOVED\n", " and the working tree's uncommitted edits "
          + "against git HEAD (" + team.git("rev-parse", "--short=7", "HEAD").strip() + "))");
      team.order(NOTE + QTY_WITHOUT_DEFAULT + CHANNEL + coupon);

      // 10. set-compatibility relaxing a level nobody accepted: refused, the registry unchanged.
      team.catalogueLevel("FULL", "NONE");
      RepositoryCopy.Outcome setLevel = team.mvn(Map.of("CONTRACTS_REGISTRY_URL", registryUrl), "-pl", "schemas",
          "contracts:set-compatibility");
      assertThat(setLevel.exitCode()).as(setLevel.output()).isNotZero();
      assertThat(setLevel.output()).contains(": LEVEL_RELAXED\n", "no level was set, the registry is unchanged");
      assertThat(registry.subjectCompatibility(value, false)).contains("FULL");
      team.catalogueLevel("NONE", "FULL");
      assertThat(team.git("status", "--porcelain")).isEmpty();
    }
  }

  private static String publish(TeamRepository team, Map<String, String> publishing, String build) throws Exception {
    RepositoryCopy.Outcome outcome = team.script("publish.sh", with(publishing, build));
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    return outcome.output();
  }

  private static Map<String, String> with(Map<String, String> publishing, String build) {
    Map<String, String> environment = new HashMap<>(publishing);
    environment.put("GITHUB_RUN_NUMBER", build);
    return environment;
  }

  private static void merge(TeamRepository team, String branch) throws Exception {
    team.git("checkout", "-q", "main");
    team.git("merge", "-q", "--ff-only", branch);
  }

  /**
   * A record of release 1.0.2 read by a consumer built on 1.0.1, and one of 1.0.1 read by a consumer
   * built on 1.0.2, through the broker: each jar in a class loader of its own, as in two services.
   */
  private static void consumersOfEachReleaseReadTheOther(String registryUrl, String topic, Path jar1, Path jar2)
      throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (URLClassLoader v1 = new URLClassLoader(new URL[] {jar1.toUri().toURL()}, ContractsJourney.class.getClassLoader());
        URLClassLoader v2 = new URLClassLoader(new URL[] {jar2.toUri().toURL()}, ContractsJourney.class.getClassLoader())) {
      Class<?> order1 = v1.loadClass("com.example.myteam.Order");
      Class<?> order2 = v2.loadClass("com.example.myteam.Order");
      assertThat(order1).isNotEqualTo(order2);

      produce(registryUrl, topic, order(order2, "written-by-1.0.2", Map.of("note", "hello")));
      SpecificRecord read1 = consumeUntil(registryUrl, topic, order1, "written-by-1.0.2");
      assertThat(read1.getClass()).isEqualTo(order1);
      assertThat(read1.getSchema().getField("note")).isNull();
      assertThat(read1.get(read1.getSchema().getField("amount").pos())).isEqualTo(1234L);

      produce(registryUrl, topic, order(order1, "written-by-1.0.1", Map.of()));
      SpecificRecord read2 = consumeUntil(registryUrl, topic, order2, "written-by-1.0.1");
      assertThat(read2.getClass()).isEqualTo(order2);
      assertThat(read2.get(read2.getSchema().getField("note").pos())).isNull(); // the default
    }
  }

  private static SpecificRecord order(Class<?> type, String id, Map<String, Object> more) throws Exception {
    Schema schema = (Schema) type.getField("SCHEMA$").get(null);
    SpecificRecord record = (SpecificRecord) new SpecificData(type.getClassLoader()).newRecord(null, schema);
    record.put(schema.getField("id").pos(), id);
    record.put(schema.getField("amount").pos(), 1234L);
    more.forEach((field, fieldValue) -> record.put(schema.getField(field).pos(), fieldValue));
    return record;
  }

  private static void produce(String registryUrl, String topic, SpecificRecord order) throws Exception {
    AvroSerializer<Object> values = new AvroSerializer<>();
    // As the catalogue's serdes do: CI registered the contracts, producers only look them up.
    values.configure(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", false), false);
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()), new StringSerializer(), values)) {
      producer.send(new ProducerRecord<>(topic, "key", order)).get(30, TimeUnit.SECONDS);
    }
  }

  private static SpecificRecord consumeUntil(String registryUrl, String topic, Class<?> type, String id) {
    @SuppressWarnings("unchecked")
    AvroDeserializer<Object> values = AvroDeserializer.forType((Class<Object>) type);
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "journey-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
          SpecificRecord order = (SpecificRecord) record.value();
          if (id.equals(order.get(order.getSchema().getField("id").pos()))) {
            return order;
          }
        }
      }
    }
    throw new AssertionError("no record '" + id + "' on " + topic + " within 60 s");
  }
}
