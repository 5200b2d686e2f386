package io.kafkacontracts.registry;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.registry.internal.CachingSchemaRegistryClient;
import io.kafkacontracts.registry.internal.HttpSchemaRegistryClient;
import io.kafkacontracts.registry.internal.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds an HTTP {@link SchemaRegistryClient}. Every option has a default; only the URL is required.
 * Not thread-safe; the client it builds is.
 */
public final class SchemaRegistryClientBuilder {

  private final List<URI> baseUrls = new ArrayList<>();
  private String basicUserInfo;
  private Supplier<String> bearerToken;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofSeconds(30);
  private int maxRetries = 3;
  private Duration initialBackoff = Duration.ofMillis(100);
  private Duration maxBackoff = Duration.ofSeconds(5);
  private Duration totalTimeout = Duration.ofSeconds(60);
  private java.net.ProxySelector proxy;
  private SSLContext sslContext;
  private int cacheEntries = 10_000;
  private Duration latestTtl = Duration.ofSeconds(60);
  private Duration missTtl = Duration.ofSeconds(5);

  SchemaRegistryClientBuilder() {}

  /**
   * The registry's base URLs, comma-separated as Confluent users write {@code schema.registry.url};
   * requests fail over to the next when one cannot be reached or answers 5xx. Credentials in a URL
   * ({@code https://user:secret@host}) become basic auth and are removed from the URL.
   */
  public SchemaRegistryClientBuilder baseUrls(String commaSeparated) {
    requireNonNull(commaSeparated, "commaSeparated == null");
    for (String part : commaSeparated.split(",")) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(trimmed);
      } catch (IllegalArgumentException e) {
        // The URL may hold credentials: do not repeat it.
        throw new IllegalArgumentException("a schema registry URL is not a valid URL (it is not repeated here "
            + "since it may hold credentials)");
      }
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("a schema registry URL must be http(s)://host[:port][/path], e.g. "
            + "http://localhost:8081");
      }
      if (uri.getRawUserInfo() != null) {
        basicUserInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        uri = URI.create(uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
            + (uri.getRawPath() == null ? "" : uri.getRawPath()));
      }
      String text = uri.toString();
      baseUrls.add(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
    }
    return this;
  }

  /** Basic auth as {@code user:password} (Confluent's {@code basic.auth.user.info}). */
  public SchemaRegistryClientBuilder basicAuth(String userInfo) {
    requireNonNull(userInfo, "userInfo == null");
    if (!userInfo.contains(":")) {
      throw new IllegalArgumentException("basic auth user info must be user:password");
    }
    this.basicUserInfo = userInfo;
    return this;
  }

  /** A static bearer token. */
  public SchemaRegistryClientBuilder bearerToken(String token) {
    requireNonNull(token, "token == null");
    this.bearerToken = () -> token;
    return this;
  }

  /** A bearer token asked for on every request, for tokens that expire and are refreshed. */
  public SchemaRegistryClientBuilder bearerToken(Supplier<String> tokens) {
    this.bearerToken = requireNonNull(tokens, "tokens == null");
    return this;
  }

  /**
   * Bearer tokens by OAuth 2 client credentials from an issuer's token endpoint, renewed
   * {@code expiryBuffer} before they expire ({@link OAuthClientCredentials}).
   */
  public SchemaRegistryClientBuilder oauthClientCredentials(java.net.URI tokenEndpoint, String clientId,
      String clientSecret, java.util.Optional<String> scope, Duration expiryBuffer) {
    return bearerToken(new OAuthClientCredentials(tokenEndpoint, clientId, clientSecret, scope, expiryBuffer));
  }

  /**
   * An HTTP proxy every request goes through ({@code host:port}, as Confluent's {@code proxy.host} and
   * {@code proxy.port}), with {@code user:password} for a proxy that asks for them, if given: sent with
   * every request as {@code Proxy-Authorization}, not in answer to a 407, because the JDK's client drops
   * the registry's own {@code Authorization} once it has an authenticator. For an {@code https}
   * registry the proxy only sees the tunnel's CONNECT, which carries no such header: proxy credentials
   * reach plain {@code http} registries only.
   */
  public SchemaRegistryClientBuilder proxy(String host, int port, java.util.Optional<String> userInfo) {
    requireNonNull(host, "host == null");
    requireNonNull(userInfo, "userInfo == null");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port must be 1 to 65535: " + port);
    }
    this.proxy = java.net.ProxySelector.of(new java.net.InetSocketAddress(host, port));
    userInfo.ifPresent(info -> {
      if (!info.contains(":")) {
        throw new IllegalArgumentException("proxy user info must be user:password");
      }
      headers.put("Proxy-Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
          info.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    });
    return this;
  }

  /** An extra header sent with every request. */
  public SchemaRegistryClientBuilder header(String name, String value) {
    headers.put(requireNonNull(name, "name == null"), requireNonNull(value, "value == null"));
    return this;
  }

  /** How long to wait for a connection. Default 10 s. */
  public SchemaRegistryClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /** How long to wait for one answer. Default 30 s. */
  public SchemaRegistryClientBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /**
   * Retries after a failed attempt (no answer, 429, 5xx), with exponential backoff from
   * {@code initial} up to {@code max}, with jitter, all within {@code total}. Defaults: 3 retries,
   * 100 ms, 5 s, 60 s. 4xx answers other than 429 are never retried.
   */
  public SchemaRegistryClientBuilder retries(int maxRetries, Duration initial, Duration max, Duration total) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be at least 0: " + maxRetries);
    }
    this.maxRetries = maxRetries;
    this.initialBackoff = positive(initial, "initial");
    this.maxBackoff = positive(max, "max");
    this.totalTimeout = positive(total, "total");
    return this;
  }

  /** How many times a failed attempt is retried, the backoffs and total kept. Default 3. */
  public SchemaRegistryClientBuilder maxRetries(int maxRetries) {
    return retries(maxRetries, initialBackoff, maxBackoff, totalTimeout);
  }

  /**
   * The wait before the first retry, the rest of the policy kept; the longest wait is raised to it
   * if it was shorter, so the first wait is the one asked for. Default 100 ms.
   */
  public SchemaRegistryClientBuilder initialBackoff(Duration initial) {
    positive(initial, "initial");
    return retries(maxRetries, initial, maxBackoff.compareTo(initial) < 0 ? initial : maxBackoff, totalTimeout);
  }

  /** The longest wait between attempts, the rest of the policy kept. Default 5 s. */
  public SchemaRegistryClientBuilder maxBackoff(Duration max) {
    return retries(maxRetries, initialBackoff, max, totalTimeout);
  }

  /** The TLS context for https URLs. Default: the JVM's. */
  public SchemaRegistryClientBuilder sslContext(SSLContext context) {
    this.sslContext = requireNonNull(context, "context == null");
    return this;
  }

  /**
   * TLS from key and trust stores (PKCS12 or JKS, as Confluent's {@code schema.registry.ssl.*}).
   * Either store may be null.
   */
  public SchemaRegistryClientBuilder tls(Path trustStore, char[] trustStorePassword, Path keyStore,
      char[] keyStorePassword, String storeType) {
    return tls(trustStore, trustStorePassword, storeType, keyStore, keyStorePassword, storeType, keyStorePassword);
  }

  /**
   * TLS from a trust store and a key store of their own types (PKCS12 default, or JKS) and a key
   * password, as Confluent's {@code schema.registry.ssl.*} keys give them. Either store may be null.
   */
  public SchemaRegistryClientBuilder tls(Path trustStore, char[] trustStorePassword, String trustStoreType,
      Path keyStore, char[] keyStorePassword, String keyStoreType, char[] keyPassword) {
    try {
      TrustManagerFactory trust = null;
      if (trustStore != null) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, trustStorePassword, trustStoreType));
      }
      KeyManagerFactory keys = null;
      if (keyStore != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore, keyStorePassword, keyStoreType), keyPassword != null ? keyPassword : keyStorePassword);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      this.sslContext = context;
      return this;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS from the key/trust stores: " + e.getMessage(), e);
    }
  }

  /**
   * The cache in front of the registry: at most {@code maxEntries} answers per kind, a subject's
   * latest version trusted for {@code latestTtl}, "not found" for {@code missTtl}. Defaults: 10,000,
   * 60 s, 5 s. {@code maxEntries} 0 turns the cache off, whatever the durations say.
   */
  public SchemaRegistryClientBuilder cache(int maxEntries, Duration latestTtl, Duration missTtl) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries must be at least 0: " + maxEntries);
    }
    this.cacheEntries = maxEntries;
    if (maxEntries > 0) {
      this.latestTtl = positive(latestTtl, "latestTtl");
      this.missTtl = positive(missTtl, "missTtl");
    }
    return this;
  }

  private static KeyStore load(Path file, char[] password, String type) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(type == null ? "PKCS12" : type);
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    return store;
  }

  private static Duration positive(Duration d, String name) {
    requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }

  public SchemaRegistryClient build() {
    if (baseUrls.isEmpty()) {
      throw new IllegalStateException("no schema registry URL: call baseUrls(\"http://host:8081\")");
    }
    SchemaRegistryClient http = new HttpSchemaRegistryClient(List.copyOf(baseUrls), basicUserInfo, bearerToken,
        Map.copyOf(headers), connectTimeout, requestTimeout,
        new RetryPolicy(maxRetries, initialBackoff, maxBackoff, totalTimeout), sslContext, proxy);
    return cacheEntries == 0 ? http : new CachingSchemaRegistryClient(http, cacheEntries, latestTtl, missTtl);
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "SchemaRegistryClientBuilder{urls=" + baseUrls + ", basicAuth=" + (basicUserInfo != null)
        + ", bearer=" + (bearerToken != null) + ", headers=" + headers.keySet() + "}";
  }
}
