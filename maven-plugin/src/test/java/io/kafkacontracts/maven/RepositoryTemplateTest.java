package io.kafkacontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.operations.Import;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What import writes beside the contracts is what the archetype writes: its files, filled in. */
class RepositoryTemplateTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void theFilesAreTheArchetypesBuildFilesAndThisRepositorysCi() throws IOException {
    List<String> ci;
    try (Stream<Path> files = Files.walk(ROOT.resolve("ci"))) {
      ci = files.filter(Files::isRegularFile).map(file -> "ci/" + ROOT.resolve("ci").relativize(file)).sorted().toList();
    }
    assertThat(RepositoryTemplate.FILES).containsExactlyElementsOf(
        Stream.concat(Stream.of(".gitignore", ".mvn/jvm.config"), ci.stream()).toList());
    List<Import.RepositoryFile> written = new RepositoryTemplate("com.acme", "orders", "com.acme.events", false).files();
    Path archetype = ROOT.resolve("archetype/src/main/resources/archetype-resources");
    for (Import.RepositoryFile file : written.subList(1, written.size())) {
      Path source = file.path().startsWith("ci") ? ROOT.resolve(file.path()) : archetype.resolve(file.path());
      assertThat(file.text()).as(file.path().toString()).isEqualTo(Files.readString(source));
    }
  }

  @Test
  void thePomIsTheArchetypesWithEveryVariableFilled() {
    String pom = new RepositoryTemplate("com.acme", "orders", "com.acme.events", true).files().get(0).text();

    assertThat(pom).contains("<groupId>com.acme</groupId>", "<artifactId>orders</artifactId>",
        "<revision>1.0.0-SNAPSHOT</revision>", "<topicsPackage>com.acme.events</topicsPackage>",
        "<contracts.register.references>true</contracts.register.references>",
        // Maven's own properties stay for Maven.
        "<version>${revision}</version>", "<version>${kafka-contracts.version}</version>",
        "${project.basedir}/avro");
    assertThat(pom).doesNotContainPattern("\\$\\{(groupId|artifactId|package|version|[a-zA-Z]+Version)\\}");
    assertThat(new RepositoryTemplate("com.acme", "orders", "com.acme.events", false).files().get(0).text())
        .doesNotContain("contracts.register.references");
  }

  @Test
  void aPackageThatIsNotJavaIsRefused() {
    assertThatThrownBy(() -> new RepositoryTemplate("com.acme", "orders", "com.acme-events", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("'com.acme-events' is not a Java package name");
  }
}
