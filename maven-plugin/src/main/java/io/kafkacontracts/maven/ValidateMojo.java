package io.kafkacontracts.maven;

import io.kafkacontracts.compat.ContractsDirectory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lints every {@code .avsc} file and {@code contracts.yaml}, failing with every problem at once,
 * each at its file:line:column.
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

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    ContractsDirectory contracts = loadValid();
    getLog().info(contracts.summary());
  }
}
