package io.kafkacontracts.maven;

import io.kafkacontracts.operations.Download;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.File;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads every version of the subjects matching a pattern into a directory baseline
 * ({@code <subject>/<version>.avsc}; {@code .json} and {@code .proto} for those schema types), for
 * air-gapped checks with {@code contracts.baselineDirectory}.
 *
 * <pre>{@code
 * mvn contracts:download -Dcontracts.subjects='orders-.*' -Dcontracts.baselineDirectory=baseline
 * }</pre>
 */
@Mojo(name = "download", threadSafe = true)
public class DownloadMojo extends AbstractContractsMojo {

  /** A regular expression the whole subject name must match. */
  @Parameter(property = "contracts.subjects", defaultValue = ".*")
  String subjects;

  /** Where the versions are written. */
  @Parameter(property = "contracts.baselineDirectory", defaultValue = "${project.build.directory}/contracts/baseline")
  File baselineDirectory;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    Pattern pattern = pattern("contracts.subjects", subjects);
    Download.Result result;
    try (SchemaRegistryClient registry = requireRegistry("download").client()) {
      result = Download.run(registry, pattern, baselineDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot download into " + baselineDirectory + ": " + e.getMessage(), e);
    } catch (SchemaRegistryException e) {
      throw new MojoExecutionException("cannot download from the registry: " + e.getMessage(), e);
    }
    getLog().info("kafka-contracts: registry lists versions in bulk: " + result.listing());
    getLog().info("kafka-contracts: " + result.files() + " versions of " + result.subjects().size() + " subjects in "
        + baselineDirectory);
  }
}
