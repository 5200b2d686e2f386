package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ci/scripts/publish.sh, as a pipeline on the main branch runs it, on a copy of this repository:
 * against the real registry the tests start and a file repository; run twice, the second run
 * registers nothing new.
 */
@ExtendWith(ApicurioRegistry.class)
class CiScriptsTest {

  @TempDir
  Path work;

  @Test
  void publishRegistersEveryContractThenDeploysAndARerunChangesNothing() throws Exception {
    Path repository = work.resolve("repository");
    RepositoryCopy.copyTo(repository);
    Path published = work.resolve("published");
    Path settings = Files.writeString(work.resolve("settings.xml"), RepositoryCopy.settings(RepositoryCopy.outerRepository()));
    Map<String, String> environment = Map.of(
        "CONTRACTS_REGISTRY_URL", ApicurioRegistry.url(),
        "MAVEN_REPOSITORY_URL", published.toUri().toString(),
        "MAVEN_REPOSITORY_ID", "published",
        "MAVEN_CLI_OPTS", "-s " + settings + " -Dmaven.repo.local=" + work.resolve("local-repository"));

    String first = RepositoryCopy.run(repository, environment, List.of("bash", "ci/scripts/publish.sh"));

    SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(ApicurioRegistry.url()).build();
    List<String> subjects = registry.subjects(false, Optional.empty());
    assertThat(subjects).contains("connector.data.raw-value", "connector.data.raw-key", "machine.telemetry-value");
    assertThat(registry.versions("connector.data.raw-value")).containsExactly(1);
    assertThat(first).contains("== registration, dry run", "new versions would be registered, 0 unchanged, 0 refused",
        "== publishing to " + environment.get("MAVEN_REPOSITORY_URL"));
    assertThat(published.resolve("io/kafkacontracts/contracts/0.1.0-SNAPSHOT")).isDirectory();

    String second = RepositoryCopy.run(repository, environment, List.of("bash", "ci/scripts/publish.sh"));

    assertThat(second).contains("kafka-contracts: 0 new versions would be registered, 46 unchanged, 0 refused",
        "kafka-contracts: 0 new versions, 46 unchanged, 0 refused");
    assertThat(registry.versions("connector.data.raw-value")).containsExactly(1);
  }
}
