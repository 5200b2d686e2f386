package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads each pipeline template as a team copies it and asserts what keeps it safe: pull requests
 * judged against git (and the registry beside it), never holding a publish secret; publishing in a
 * protected place, one at a time, with every credential it needs.
 */
class CiTemplatesTest {

  private static final Path CI = Path.of(System.getProperty("contracts.repository.root")).resolve("ci");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** What only publishing may hold: registry write credentials, Kafka admin credentials, Maven deploy credentials. */
  private static final List<String> PUBLISH_SECRETS = List.of("CONTRACTS_REGISTRY_USER_INFO", "CONTRACTS_REGISTRY_TOKEN",
      "CONTRACTS_KAFKA_SASL_JAAS_CONFIG", "MAVEN_REPOSITORY_URL", "MAVEN_REPOSITORY_USER", "MAVEN_REPOSITORY_PASSWORD");

  private static String read(String file) throws IOException {
    return Files.readString(CI.resolve(file));
  }

  @Test
  void githubKeepsPublishSecretsOutOfPullRequestsAndPublishesOneAtATime() throws IOException {
    JsonNode workflow = YAML.readTree(read("github-actions.yml"));
    assertThat(workflow.at("/permissions/contents").asText()).isEqualTo("read");

    JsonNode gate = workflow.at("/jobs/gate");
    String gateText = gate.toString();
    PUBLISH_SECRETS.forEach(secret -> assertThat(gateText).doesNotContain("secrets." + secret + " "));
    // Read only, but for writing the pull request's own comment.
    gate.at("/permissions").properties().forEach(permission -> assertThat(permission.getValue().asText())
        .as(permission.getKey()).isIn(permission.getKey().equals("pull-requests") ? List.of("read", "write", "none")
            : List.of("read", "none")));
    assertThat(gate.has("environment")).isFalse();
    JsonNode review = step(gate, "bash ci/scripts/pull-request.sh");
    assertThat(review.at("/env/CONTRACTS_AGAINST").asText()).isEqualTo("origin/${{ github.base_ref }}");
    assertThat(review.at("/env/CONTRACTS_REGISTRY_USER_INFO").asText())
        .isEqualTo("${{ secrets.CONTRACTS_REGISTRY_READ_USER_INFO }}");
    assertThat(review.at("/env/CONTRACTS_KAFKA_SASL_JAAS_CONFIG").asText())
        .isEqualTo("${{ secrets.CONTRACTS_KAFKA_READ_SASL_JAAS_CONFIG }}");
    // One comment per pull request, edited on every push rather than posted again.
    assertThat(gateText).contains("gh pr comment", "--edit-last", "--create-if-none");

    JsonNode publish = workflow.at("/jobs/publish");
    assertThat(publish.at("/environment").asText()).isNotBlank();
    assertThat(publish.at("/concurrency/group").asText()).isNotBlank();
    assertThat(publish.at("/concurrency/cancel-in-progress").asBoolean(true)).isFalse();
    assertThat(publish.at("/permissions/contents").asText()).isEqualTo("read");
    JsonNode publishing = step(publish, "bash ci/scripts/publish.sh");
    PUBLISH_SECRETS.forEach(secret -> assertThat(publishing.at("/env/" + secret).asText())
        .as(secret).isEqualTo("${{ secrets." + secret + " }}"));
  }

  private static JsonNode step(JsonNode job, String run) {
    for (JsonNode step : job.at("/steps")) {
      if (step.path("run").asText().strip().equals(run)) {
        return step;
      }
    }
    throw new AssertionError("no step runs '" + run + "' in " + job);
  }

  @Test
  void gitlabGivesMergeRequestsReadOnlyVariablesAndPublishesFromTheDefaultBranchOneAtATime() throws IOException {
    JsonNode pipeline = YAML.readTree(read("gitlab-ci.yml"));
    JsonNode gate = pipeline.at("/gate");
    assertThat(gate.at("/rules/0/if").asText()).isEqualTo("$CI_PIPELINE_SOURCE == \"merge_request_event\"");
    assertThat(gate.at("/script/0").asText()).isEqualTo("bash ci/scripts/pull-request.sh");
    assertThat(gate.at("/variables/CONTRACTS_AGAINST").asText()).isEqualTo("$CI_MERGE_REQUEST_DIFF_BASE_SHA");
    // Protected variables never reach a merge request's pipeline; the gate reads with read-only ones.
    assertThat(gate.at("/variables/CONTRACTS_REGISTRY_USER_INFO").asText()).isEqualTo("$CONTRACTS_REGISTRY_READ_USER_INFO");
    assertThat(gate.at("/variables/CONTRACTS_KAFKA_SASL_JAAS_CONFIG").asText())
        .isEqualTo("$CONTRACTS_KAFKA_READ_SASL_JAAS_CONFIG");
    String header = read("gitlab-ci.yml").lines().takeWhile(line -> line.startsWith("#")).reduce("", String::concat);
    assertThat(header).contains("*protected*");

    JsonNode publish = pipeline.at("/publish");
    assertThat(publish.at("/rules/0/if").asText()).isEqualTo("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    assertThat(publish.at("/resource_group").asText()).isNotBlank();
    assertThat(publish.at("/script/0").asText()).isEqualTo("bash ci/scripts/publish.sh");
  }

  @Test
  void jenkinsGivesChangeRequestsReadOnlyCredentialsAndLocksPublishing() throws IOException {
    String jenkinsfile = read("Jenkinsfile");
    String gate = jenkinsfile.substring(jenkinsfile.indexOf("stage('Gate')"), jenkinsfile.indexOf("stage('Publish')"));
    String publish = jenkinsfile.substring(jenkinsfile.indexOf("stage('Publish')"));
    assertThat(gate).contains("credentials('contracts-registry-read-user-info')")
        .doesNotContain("credentials('contracts-registry-user-info')", "maven-repository");
    assertThat(publish).contains("lock(", "credentials('contracts-registry-user-info')", "when { branch 'main' }");
  }

  @Test
  void theScriptsNeverSwapTheGitGateForTheRegistryNorJudgeWhatRegistrationWrote() throws IOException {
    assertThat(read("scripts/pull-request.sh")).contains("against+=(\"-Dcontracts.baseline=git,registry\")");
    String publish = read("scripts/publish.sh");
    String deploy = publish.lines().filter(line -> line.contains(" deploy ")).filter(line -> line.startsWith("mvn"))
        .findFirst().orElseThrow();
    assertThat(deploy).contains("-Dcontracts.check.skip=true");
  }
}
