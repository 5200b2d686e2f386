package io.kafkacontracts.operations;

import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryClientBuilder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach the registry: base URLs, and credentials that come from properties or environment
 * variables, never needing secrets in a pom. {@link #toString()} never shows credentials.
 *
 * @param urls               comma-separated base URLs
 * @param userInfo           {@code user:password} for basic auth, if any
 * @param bearerToken        a bearer token, if any
 * @param trustStore         a trust store for https (PKCS12 or JKS), if any
 * @param trustStorePassword its password
 * @param trustStoreType     PKCS12 or JKS
 */
public record RegistrySettings(String urls, Optional<String> userInfo, Optional<String> bearerToken,
    Optional<Path> trustStore, Optional<String> trustStorePassword, String trustStoreType) {

  /** Environment variables read when the matching property is not set. */
  public static final String URL_VARIABLE = "CONTRACTS_REGISTRY_URL";
  public static final String USER_INFO_VARIABLE = "CONTRACTS_REGISTRY_USER_INFO";
  public static final String TOKEN_VARIABLE = "CONTRACTS_REGISTRY_TOKEN";

  public RegistrySettings {
    java.util.Objects.requireNonNull(urls, "urls == null");
    java.util.Objects.requireNonNull(userInfo, "userInfo == null");
    java.util.Objects.requireNonNull(bearerToken, "bearerToken == null");
    java.util.Objects.requireNonNull(trustStore, "trustStore == null");
    java.util.Objects.requireNonNull(trustStorePassword, "trustStorePassword == null");
    java.util.Objects.requireNonNull(trustStoreType, "trustStoreType == null");
  }

  /**
   * The settings from a front end's properties, each unset one (null or blank) read from its
   * environment variable; empty when neither names a URL.
   */
  public static Optional<RegistrySettings> resolve(String urls, String userInfo, String bearerToken, Path trustStore,
      String trustStorePassword, String trustStoreType, Function<String, String> environment) {
    return setting(urls, URL_VARIABLE, environment).map(url -> new RegistrySettings(url,
        setting(userInfo, USER_INFO_VARIABLE, environment), setting(bearerToken, TOKEN_VARIABLE, environment),
        Optional.ofNullable(trustStore), Optional.ofNullable(trustStorePassword), trustStoreType));
  }

  private static Optional<String> setting(String property, String variable, Function<String, String> environment) {
    if (property != null && !property.isBlank()) {
      return Optional.of(property.strip());
    }
    return Optional.ofNullable(environment.apply(variable)).map(String::strip).filter(value -> !value.isEmpty());
  }

  /** The registry client these settings describe (the builder's defaults for timeouts, retries and cache). */
  public SchemaRegistryClient client() {
    SchemaRegistryClientBuilder builder = SchemaRegistryClient.builder().baseUrls(urls);
    userInfo.ifPresent(builder::basicAuth);
    bearerToken.ifPresent(builder::bearerToken);
    trustStore.ifPresent(store -> builder.tls(store, trustStorePassword.orElse("").toCharArray(), null, null,
        trustStoreType));
    return builder.build();
  }

  /** The URLs without credentials, and which kinds of credentials are set (never their values). */
  @Override
  public String toString() {
    return urls.replaceAll("//[^/@]*@", "//")
        + (userInfo.isPresent() || urls.matches(".*//[^/@]*@.*") ? " with basic auth" : "")
        + (bearerToken.isPresent() ? " with a bearer token" : "")
        + trustStore.map(store -> " trusting " + store).orElse("");
  }
}
