package io.kafkacontracts.maven;

import io.kafkacontracts.compat.ContractsDirectory;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Lints every {@code .avsc} file and {@code contracts.yaml}, failing with every problem at once,
 * each at its file:line:column. When the project generates classes with avro-maven-plugin, also
 * checks the settings the contract jar needs ({@link AvroPluginSettings}), each failure with its fix.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.kafkacontracts</groupId>
 *   <artifactId>contracts-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>validate</goal><goal>check</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractContractsMojo {

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    ContractsDirectory contracts = loadValid();
    Plugin avro = project == null ? null : project.getPlugin("org.apache.avro:avro-maven-plugin");
    if (avro != null) {
      List<String> problems = AvroPluginSettings.of(avro, project.getBasedir().toPath()).problems(projectAvro(),
          directory.toPath(), contracts.schemas().types().values());
      if (!problems.isEmpty()) {
        throw new MojoFailureException("the avro-maven-plugin settings do not suit the contract jar:\n  - "
            + String.join("\n  - ", problems));
      }
    }
    contracts.warnings().forEach(warning -> getLog().warn(warning.toString()));
    if (failOnWarning && !contracts.warnings().isEmpty()) {
      int count = contracts.warnings().size();
      throw new MojoFailureException(count + (count == 1 ? " lint warning" : " lint warnings") + " in the contracts under "
          + display().apply(contracts.root()) + " (see above) and contracts.failOnWarning is on: fix them, or "
          + "take their rules out in contracts.yaml's lint section (except, ignore, ignoreOnly)");
    }
    getLog().info(contracts.summary());
  }

  /** The Avro the project itself pins (its own dependency, else its dependency management), if any. */
  private Optional<String> projectAvro() {
    List<Dependency> declared = new java.util.ArrayList<>(project.getDependencies());
    if (project.getDependencyManagement() != null) {
      declared.addAll(project.getDependencyManagement().getDependencies());
    }
    return declared.stream().filter(d -> "org.apache.avro".equals(d.getGroupId()) && "avro".equals(d.getArtifactId()))
        .map(Dependency::getVersion).filter(java.util.Objects::nonNull).findFirst();
  }
}
