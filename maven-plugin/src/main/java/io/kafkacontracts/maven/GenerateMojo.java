package io.kafkacontracts.maven;

import io.kafkacontracts.compat.ContractsDirectory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the typed topic catalogue, one {@code Topic<K, V>} constant per topic of
 * {@code contracts.yaml}, and adds it to the compile sources. The generated class needs the
 * {@code serdes} artifact at compile and run time, and the classes avro-maven-plugin generates
 * from the same contracts.
 *
 * <pre>{@code
 * <execution><goals><goal>generate</goal></goals>
 *   <configuration><topicsPackage>com.example.contracts</topicsPackage></configuration></execution>
 * }</pre>
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractContractsMojo {

  /** The generated class's package; default: the project's groupId. */
  @Parameter(property = "contracts.topicsPackage", defaultValue = "${project.groupId}")
  String topicsPackage;

  /** The generated class's simple name. */
  @Parameter(property = "contracts.topicsClass", defaultValue = "Topics")
  String topicsClass;

  /** The source root the class is written under, added to the project's compile sources. */
  @Parameter(property = "contracts.generatedSources",
      defaultValue = "${project.build.directory}/generated-sources/contracts")
  File outputDirectory;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    ContractsDirectory contracts = loadValid();
    TopicsSource source;
    try {
      source = new TopicsSource(topicsPackage.strip(), topicsClass.strip());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("cannot generate the topic catalogue: " + e.getMessage()
          + " (set contracts.topicsPackage and contracts.topicsClass)", e);
    }
    Path file;
    try {
      file = source.write(contracts, outputDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the topic catalogue under " + outputDirectory + ": "
          + e.getMessage(), e);
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
    getLog().info("kafka-contracts: " + contracts.catalogue().topics().size() + " topics in "
        + display().apply(file));
  }
}
