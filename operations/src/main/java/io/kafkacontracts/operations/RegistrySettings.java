package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryClientBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How to reach the registry: base URLs, credentials, TLS (a trust store, and a key store with the
 * client's certificate for mTLS) and extra HTTP headers; secrets come from properties or environment
 * variables, never needing them in a pom. {@link #toString()} never shows a secret.
 *
 * @param urls        comma-separated base URLs
 * @param userInfo    {@code user:password} for basic auth, if any
 * @param bearerToken a bearer token, if any
 * @param tls         the trust and key stores, if any
 * @param headers     extra HTTP headers sent with every request (Confluent's {@code request.header.*})
 * @param oauth       OAuth client credentials to get bearer tokens with, if any
 * @param proxy       an HTTP proxy every request goes through, if any
 */
public record RegistrySettings(String urls, Optional<String> userInfo, Optional<String> bearerToken, Tls tls,
    Map<String, String> headers, Optional<OAuth> oauth, Optional<Proxy> proxy) {

  /** Environment variables read when the matching property is not set. */
  public static final String URL_VARIABLE = "CONTRACTS_REGISTRY_URL";
  public static final String USER_INFO_VARIABLE = "CONTRACTS_REGISTRY_USER_INFO";
  public static final String TOKEN_VARIABLE = "CONTRACTS_REGISTRY_TOKEN";
  public static final String TRUST_STORE_PASSWORD_VARIABLE = "CONTRACTS_REGISTRY_TRUST_STORE_PASSWORD";
  public static final String KEY_STORE_PASSWORD_VARIABLE = "CONTRACTS_REGISTRY_KEY_STORE_PASSWORD";
  public static final String KEY_PASSWORD_VARIABLE = "CONTRACTS_REGISTRY_KEY_PASSWORD";
  public static final String OAUTH_CLIENT_SECRET_VARIABLE = "CONTRACTS_REGISTRY_OAUTH_CLIENT_SECRET";
  public static final String PROXY_USER_INFO_VARIABLE = "CONTRACTS_REGISTRY_PROXY_USER_INFO";

  /** An HTTP proxy ({@code host:port}) and the {@code user:password} it asks for, if any (plain http registries). */
  public record Proxy(String host, int port, Optional<String> userInfo) {
    public Proxy {
      requireNonNull(host, "host == null");
      requireNonNull(userInfo, "userInfo == null");
    }

    /**
     * The proxy a front end names as {@code host:port}, its credentials read from
     * {@code CONTRACTS_REGISTRY_PROXY_USER_INFO} when not given; empty without a proxy.
     *
     * @throws IllegalArgumentException when it is not {@code host:port}
     */
    public static Optional<Proxy> resolve(String hostAndPort, String userInfo, Function<String, String> environment) {
      if (hostAndPort == null || hostAndPort.isBlank()) {
        return Optional.empty();
      }
      int colon = hostAndPort.strip().lastIndexOf(':');
      try {
        return Optional.of(new Proxy(hostAndPort.strip().substring(0, colon),
            Integer.parseInt(hostAndPort.strip().substring(colon + 1)),
            setting(userInfo, PROXY_USER_INFO_VARIABLE, environment)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("the proxy must be host:port, not '" + hostAndPort.strip() + "'");
      }
    }
  }

  /**
   * OAuth 2 client credentials, as Confluent's {@code bearer.auth.credentials.source=OAUTHBEARER}: tokens
   * from the issuer's endpoint, renewed five minutes before they expire.
   */
  public record OAuth(java.net.URI tokenEndpoint, String clientId, String clientSecret, Optional<String> scope) {
    public OAuth {
      requireNonNull(tokenEndpoint, "tokenEndpoint == null");
      requireNonNull(clientId, "clientId == null");
      requireNonNull(clientSecret, "clientSecret == null");
      requireNonNull(scope, "scope == null");
    }

    /**
     * The credentials a front end names, the secret read from {@code CONTRACTS_REGISTRY_OAUTH_CLIENT_SECRET}
     * when not given; empty without a token endpoint.
     *
     * @throws IllegalArgumentException when a token endpoint is named without a client id and secret
     */
    public static Optional<OAuth> resolve(String tokenEndpoint, String clientId, String clientSecret, String scope,
        Function<String, String> environment) {
      if (tokenEndpoint == null || tokenEndpoint.isBlank()) {
        return Optional.empty();
      }
      Optional<String> secret = setting(clientSecret, OAUTH_CLIENT_SECRET_VARIABLE, environment);
      if (clientId == null || clientId.isBlank() || secret.isEmpty()) {
        throw new IllegalArgumentException("an OAuth token endpoint needs a client id and a client secret (the "
            + "secret as a -D property or " + OAUTH_CLIENT_SECRET_VARIABLE + ")");
      }
      return Optional.of(new OAuth(java.net.URI.create(tokenEndpoint.strip()), clientId.strip(), secret.get(),
          Optional.ofNullable(scope).map(String::strip).filter(s -> !s.isEmpty())));
    }
  }

  /**
   * TLS stores, as Confluent's {@code schema.registry.ssl.*} keys give them (PKCS12 or JKS).
   *
   * @param keyStore    the client's key and certificate, for a registry that asks for one (mTLS)
   * @param keyPassword the private key's password; empty: the key store's
   */
  public record Tls(Optional<Path> trustStore, Optional<String> trustStorePassword, String trustStoreType,
      Optional<Path> keyStore, Optional<String> keyStorePassword, String keyStoreType, Optional<String> keyPassword) {

    public Tls {
      requireNonNull(trustStore, "trustStore == null");
      requireNonNull(trustStorePassword, "trustStorePassword == null");
      requireNonNull(trustStoreType, "trustStoreType == null");
      requireNonNull(keyStore, "keyStore == null");
      requireNonNull(keyStorePassword, "keyStorePassword == null");
      requireNonNull(keyStoreType, "keyStoreType == null");
      requireNonNull(keyPassword, "keyPassword == null");
    }

    /** No stores: the JVM's trust, no client certificate. */
    public static final Tls NONE = new Tls(Optional.empty(), Optional.empty(), "PKCS12", Optional.empty(),
        Optional.empty(), "PKCS12", Optional.empty());

    /**
     * The stores a front end names, each password unset (null or blank) read from its environment
     * variable ({@code CONTRACTS_REGISTRY_TRUST_STORE_PASSWORD}, {@code ..._KEY_STORE_PASSWORD},
     * {@code ..._KEY_PASSWORD}).
     */
    public static Tls resolve(Path trustStore, String trustStorePassword, String trustStoreType, Path keyStore,
        String keyStorePassword, String keyStoreType, String keyPassword, Function<String, String> environment) {
      return new Tls(Optional.ofNullable(trustStore),
          setting(trustStorePassword, TRUST_STORE_PASSWORD_VARIABLE, environment),
          trustStoreType == null ? "PKCS12" : trustStoreType, Optional.ofNullable(keyStore),
          setting(keyStorePassword, KEY_STORE_PASSWORD_VARIABLE, environment),
          keyStoreType == null ? "PKCS12" : keyStoreType, setting(keyPassword, KEY_PASSWORD_VARIABLE, environment));
    }
  }

  public RegistrySettings {
    requireNonNull(urls, "urls == null");
    requireNonNull(userInfo, "userInfo == null");
    requireNonNull(bearerToken, "bearerToken == null");
    requireNonNull(tls, "tls == null");
    headers = Map.copyOf(headers);
    requireNonNull(oauth, "oauth == null");
    requireNonNull(proxy, "proxy == null");
  }

  /**
   * The settings from a front end's properties, each unset one (null or blank) read from its
   * environment variable; empty when neither names a URL.
   */
  public static Optional<RegistrySettings> resolve(String urls, String userInfo, String bearerToken, Tls tls,
      Map<String, String> headers, Optional<OAuth> oauth, Optional<Proxy> proxy, Function<String, String> environment) {
    return setting(urls, URL_VARIABLE, environment).map(url -> new RegistrySettings(url,
        setting(userInfo, USER_INFO_VARIABLE, environment), setting(bearerToken, TOKEN_VARIABLE, environment), tls,
        headers, oauth, proxy));
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
    oauth.ifPresent(o -> builder.oauthClientCredentials(o.tokenEndpoint(), o.clientId(), o.clientSecret(), o.scope(),
        java.time.Duration.ofMinutes(5)));
    headers.forEach(builder::header);
    proxy.ifPresent(p -> builder.proxy(p.host(), p.port(), p.userInfo()));
    if (tls.trustStore().isPresent() || tls.keyStore().isPresent()) {
      char[] keyStorePassword = tls.keyStorePassword().orElse("").toCharArray();
      builder.tls(tls.trustStore().orElse(null), tls.trustStorePassword().orElse("").toCharArray(),
          tls.trustStoreType(), tls.keyStore().orElse(null), keyStorePassword, tls.keyStoreType(),
          tls.keyPassword().map(String::toCharArray).orElse(keyStorePassword));
    }
    return builder.build();
  }

  /** The URLs without credentials, and which kinds of credentials are set (never their values). */
  @Override
  public String toString() {
    return urls.replaceAll("//[^/@]*@", "//")
        + (userInfo.isPresent() || urls.matches(".*//[^/@]*@.*") ? " with basic auth" : "")
        + (bearerToken.isPresent() ? " with a bearer token" : "")
        + oauth.map(o -> " with OAuth client credentials of " + o.clientId() + " at " + o.tokenEndpoint()).orElse("")
        + tls.trustStore().map(store -> " trusting " + store).orElse("")
        + tls.keyStore().map(store -> " with the client certificate of " + store).orElse("")
        + (headers.isEmpty() ? "" : " with headers " + new TreeMap<>(headers).keySet())
        + proxy.map(p -> " through the proxy " + p.host() + ":" + p.port()
            + (p.userInfo().isPresent() ? " with its credentials" : "")).orElse("");
  }
}
