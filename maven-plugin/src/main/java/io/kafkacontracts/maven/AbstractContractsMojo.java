package io.kafkacontracts.maven;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import io.kafkacontracts.operations.RegistryCrossCheck;
import io.kafkacontracts.operations.RegistrySettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the contracts are, the skip switch, the report folder and the
 * registry settings. Registry settings come from properties or environment variables
 * ({@code CONTRACTS_REGISTRY_URL}, {@code CONTRACTS_REGISTRY_USER_INFO},
 * {@code CONTRACTS_REGISTRY_TOKEN}), so no secret needs to be in a pom; credentials are never
 * printed.
 */
abstract class AbstractContractsMojo extends AbstractMojo {

  /** The contracts directory: {@code avro/} with the .avsc files, and {@code contracts.yaml}. */
  @Parameter(property = "contracts.directory", defaultValue = "${project.basedir}")
  File directory;

  /** Skips the goal. */
  @Parameter(property = "contracts.skip", defaultValue = "false")
  boolean skip;

  /** Where reports are written. */
  @Parameter(property = "contracts.reportDirectory", defaultValue = "${project.build.directory}/contracts")
  File reportDirectory;

  /** Where the build was started, so files print relative to it as compilers print them. */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  String executionRoot;

  /** Registry base URL(s), comma-separated; default: the CONTRACTS_REGISTRY_URL environment variable. */
  @Parameter(property = "contracts.registry.url")
  String registryUrl;

  /**
   * The build's session, for the secrets: {@code -Dcontracts.registry.userInfo=user:password},
   * {@code -Dcontracts.registry.token=...} and {@code -Dcontracts.registry.trustStorePassword=...}
   * (defaults: {@code CONTRACTS_REGISTRY_USER_INFO}, {@code CONTRACTS_REGISTRY_TOKEN}) are read from
   * its properties by this code, not injected as parameters, because {@code mvn -X} prints every
   * parameter's value. Keep them out of poms.
   */
  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  /** A trust store for an https registry. */
  @Parameter(property = "contracts.registry.trustStore")
  File registryTrustStore;

  @Parameter(property = "contracts.registry.trustStoreType", defaultValue = "PKCS12")
  String registryTrustStoreType;

  /**
   * A key store with the client's certificate, for a registry that asks for one (mTLS); its password
   * from {@code -Dcontracts.registry.keyStorePassword} or {@code CONTRACTS_REGISTRY_KEY_STORE_PASSWORD},
   * the key's (when it differs) from {@code contracts.registry.keyPassword} or
   * {@code CONTRACTS_REGISTRY_KEY_PASSWORD}.
   */
  @Parameter(property = "contracts.registry.keyStore")
  File registryKeyStore;

  @Parameter(property = "contracts.registry.keyStoreType", defaultValue = "PKCS12")
  String registryKeyStoreType;

  /**
   * OAuth client credentials (Confluent's OAUTHBEARER): the issuer's token endpoint, the client id
   * and, optionally, a scope; the secret from {@code -Dcontracts.registry.oauth.clientSecret} or
   * {@code CONTRACTS_REGISTRY_OAUTH_CLIENT_SECRET}. Tokens are renewed five minutes before they expire.
   */
  @Parameter(property = "contracts.registry.oauth.tokenEndpoint")
  String registryOAuthTokenEndpoint;

  @Parameter(property = "contracts.registry.oauth.clientId")
  String registryOAuthClientId;

  @Parameter(property = "contracts.registry.oauth.scope")
  String registryOAuthScope;

  /**
   * An HTTP proxy every registry request goes through, {@code host:port}; its {@code user:password},
   * if it asks for one, from {@code -Dcontracts.registry.proxyUserInfo} or
   * {@code CONTRACTS_REGISTRY_PROXY_USER_INFO} (sent to plain http registries only).
   */
  @Parameter(property = "contracts.registry.proxy")
  String registryProxy;

  /**
   * Extra HTTP headers for every registry request, e.g. {@code <X-Team>payments</X-Team>}; or
   * {@code -Dcontracts.registry.header.X-Team=payments} (read by this code, so never printed by -X).
   */
  @Parameter
  Map<String, String> registryHeaders;

  /** How many registry requests run at once. */
  @Parameter(property = "contracts.registry.parallelism", defaultValue = "32")
  int parallelism;

  /** The audited list of intentional breaks; default: {@code accepted-breaks.yaml} in the contracts directory. */
  @Parameter(property = "contracts.acceptedBreaks")
  File acceptedBreaks;

  /**
   * Fail on warnings too: lint conventions marked WARNING (missing docs, a union default that only
   * Avro 1.12 accepts) and compatible changes that silently change data (an enum symbol read as the
   * default, a changed field default). Off: warnings are printed and the build goes on.
   */
  @Parameter(property = "contracts.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /** The environment's variables; tests override it. */
  Map<String, String> environment = System.getenv();

  /** Every goal honours {@code contracts.skip} the same way, then does its own work. */
  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("kafka-contracts: skipped (contracts.skip)");
      return;
    }
    run();
  }

  /** The goal's work, when it is not skipped. */
  abstract void run() throws MojoExecutionException, MojoFailureException;

  /** Loads the contracts, failing with every problem when they have any. */
  ContractsDirectory loadValid() throws MojoExecutionException, MojoFailureException {
    ContractsDirectory contracts = load();
    if (contracts.hasProblems()) {
      throw new MojoFailureException(contracts.problemReport(display().apply(contracts.root())));
    }
    return contracts;
  }

  ContractsDirectory load() throws MojoExecutionException {
    try {
      return ContractsDirectory.load(directory.toPath(), display());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read the contracts under " + directory + ": " + e.getMessage(), e);
    }
  }

  Function<Path, Path> display() {
    Path root = Path.of(executionRoot == null ? "" : executionRoot).toAbsolutePath().normalize();
    return path -> {
      Path absolute = path.toAbsolutePath().normalize();
      if (absolute.equals(root)) {
        return Path.of(".");
      }
      return absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    };
  }

  /** The accepted-breaks list the gate applies; none when its file does not exist. */
  AcceptedBreaks acceptedBreaks() throws MojoExecutionException {
    if (acceptedBreaks == null) {
      acceptedBreaks = new File(directory, "accepted-breaks.yaml");
    }
    if (!acceptedBreaks.isFile()) {
      return AcceptedBreaks.none();
    }
    try {
      return AcceptedBreaks.read(acceptedBreaks.toPath(), display().apply(acceptedBreaks.toPath()));
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + acceptedBreaks + ": " + e.getMessage(), e);
    }
  }

  /** Prints a gate report as text: errors when it fails, else information. */
  void print(GateReport report) {
    print(report, ReportFormat.TEXT);
  }

  /**
   * Prints a gate report in a format. Text block by block at each block's weight (errors as errors,
   * warnings as warnings, accepted breaks and notes as information, whether or not the gate fails);
   * other formats whole: errors when it fails, warnings when it has warnings, else information; GitHub
   * workflow commands as plain stdout lines, and also after any other format when
   * {@code GITHUB_ACTIONS=true}.
   */
  void print(GateReport report, ReportFormat format) {
    if (format == ReportFormat.GITHUB) {
      // Workflow commands are read from stdout lines as they are, without Maven's log prefix.
      System.out.print(format.render(report));
    } else if (format == ReportFormat.TEXT) {
      for (ReportFormat.TextBlock block : ReportFormat.textBlocks(report)) {
        switch (block.weight()) {
          case ERROR -> block.text().lines().forEach(getLog()::error);
          case WARNING -> block.text().lines().forEach(getLog()::warn);
          case INFO -> block.text().lines().forEach(getLog()::info);
        }
      }
    } else if (report.fails()) {
      format.render(report).lines().forEach(getLog()::error);
    } else if (report.warningCount() > 0) {
      format.render(report).lines().forEach(getLog()::warn);
    } else {
      format.render(report).lines().forEach(getLog()::info);
    }
    if ("true".equals(environment.get("GITHUB_ACTIONS")) && format != ReportFormat.GITHUB) {
      System.out.print(ReportFormat.GITHUB.render(report));
    }
  }

  /** Warns of each subject where the registry's own check disagrees with ours or did not answer. */
  void warnWhereTheRegistryDisagrees(List<RegistryCrossCheck.Answer> answers) {
    answers.stream().filter(answer -> answer.disagrees() || answer.failure().isPresent())
        .forEach(answer -> getLog().warn("kafka-contracts: " + answer.describe()));
  }

  /** The registry settings, when a URL is configured (property or environment). */
  Optional<RegistrySettings> registry() throws MojoExecutionException {
    RegistrySettings.Tls tls = RegistrySettings.Tls.resolve(
        registryTrustStore == null ? null : registryTrustStore.toPath(), secret("contracts.registry.trustStorePassword"),
        registryTrustStoreType, registryKeyStore == null ? null : registryKeyStore.toPath(),
        secret("contracts.registry.keyStorePassword"), registryKeyStoreType, secret("contracts.registry.keyPassword"),
        environment::get);
    Optional<RegistrySettings.OAuth> oauth;
    Optional<RegistrySettings.Proxy> proxy;
    try {
      oauth = RegistrySettings.OAuth.resolve(registryOAuthTokenEndpoint, registryOAuthClientId,
          secret("contracts.registry.oauth.clientSecret"), registryOAuthScope, environment::get);
      proxy = RegistrySettings.Proxy.resolve(registryProxy, secret("contracts.registry.proxyUserInfo"),
          environment::get);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("contracts.registry.*: " + e.getMessage(), e);
    }
    return RegistrySettings.resolve(registryUrl, secret("contracts.registry.userInfo"),
        secret("contracts.registry.token"), tls, headers(), oauth, proxy, environment::get);
  }

  /** The pom's registryHeaders, then each {@code -Dcontracts.registry.header.<Name>=value}. */
  private Map<String, String> headers() {
    Map<String, String> headers = new java.util.TreeMap<>(registryHeaders == null ? Map.of() : registryHeaders);
    if (session != null) {
      String prefix = "contracts.registry.header.";
      java.util.Properties given = new java.util.Properties();
      given.putAll(session.getSystemProperties());
      given.putAll(session.getUserProperties());
      given.stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
          .forEach(name -> headers.put(name.substring(prefix.length()), given.getProperty(name)));
    }
    return headers;
  }

  /** A secret given as a -D property (user, then system properties); null when not given. */
  private String secret(String property) {
    if (session == null) {
      return null;
    }
    String value = session.getUserProperties().getProperty(property);
    return value != null ? value : session.getSystemProperties().getProperty(property);
  }

  /** A parameter's regular expression, failing with the parameter's name when it is none. */
  static Pattern pattern(String property, String regex) throws MojoExecutionException {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new MojoExecutionException(property + " is not a regular expression: " + e.getMessage());
    }
  }

  RegistrySettings requireRegistry(String goal) throws MojoExecutionException {
    return registry().orElseThrow(() -> new MojoExecutionException(goal + " needs a registry: set "
        + "contracts.registry.url (or the " + RegistrySettings.URL_VARIABLE + " environment variable)"));
  }
}
