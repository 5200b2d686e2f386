package io.kafkacontracts.registry;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Bearer tokens by OAuth 2 client credentials, as Confluent's clients get them with
 * {@code bearer.auth.credentials.source=OAUTHBEARER}: a token asked of the issuer's token endpoint
 * ({@code grant_type=client_credentials}, the client's id and secret as HTTP basic auth, an optional
 * scope), kept until {@code expiryBuffer} before it expires, then asked for again. A token endpoint that
 * gives no answer or a 5xx is asked once more; its refusal is a {@link SchemaRegistryException} with
 * its status, and never shows the secret. Thread-safe.
 */
public final class OAuthClientCredentials implements Supplier<String> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI tokenEndpoint;
  private final String authorization;
  private final Optional<String> scope;
  private final Duration expiryBuffer;
  private final HttpClient http;
  private final LongSupplier nanoTime;
  private String token;
  private long renewAt;

  /**
   * @param tokenEndpoint the issuer's token endpoint ({@code bearer.auth.issuer.endpoint.url})
   * @param clientId      {@code bearer.auth.client.id}
   * @param clientSecret  {@code bearer.auth.client.secret}
   * @param scope         {@code bearer.auth.scope}, if any
   * @param expiryBuffer  how long before its expiry a token is renewed ({@code bearer.auth.cache.expiry.buffer.seconds})
   */
  public OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, Optional<String> scope,
      Duration expiryBuffer) {
    this(tokenEndpoint, clientId, clientSecret, scope, expiryBuffer, HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10)).build(), System::nanoTime);
  }

  OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, Optional<String> scope,
      Duration expiryBuffer, HttpClient http, LongSupplier nanoTime) {
    this.tokenEndpoint = requireNonNull(tokenEndpoint, "tokenEndpoint == null");
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((requireNonNull(clientId, "clientId == null")
        + ":" + requireNonNull(clientSecret, "clientSecret == null")).getBytes(StandardCharsets.UTF_8));
    this.scope = requireNonNull(scope, "scope == null");
    this.expiryBuffer = requireNonNull(expiryBuffer, "expiryBuffer == null");
    this.http = requireNonNull(http, "http == null");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime == null");
  }

  /** The current token, asked for when there is none or it is about to expire. */
  @Override
  public synchronized String get() {
    if (token == null || nanoTime.getAsLong() - renewAt >= 0) {
      fetch();
    }
    return token;
  }

  private void fetch() {
    String form = "grant_type=client_credentials"
        + scope.map(s -> "&scope=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(form)).build();
    SchemaRegistryException last = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      long asked = nanoTime.getAsLong();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 200) {
          accept(response.body(), asked);
          return;
        }
        last = new SchemaRegistryException("the OAuth token endpoint " + tokenEndpoint + " refused the client "
            + "credentials with HTTP " + status + ": " + abbreviate(response.body()), status, status, null, null);
        if (status < 500) {
          throw last;
        }
      } catch (IOException e) {
        last = new SchemaRegistryException("the OAuth token endpoint " + tokenEndpoint + " gave no answer: "
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
            SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, null, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("interrupted while asking " + tokenEndpoint + " for a token",
            SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, null, e);
      }
    }
    throw last;
  }

  private void accept(String body, long asked) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body);
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null || !answer.path("access_token").isTextual() || answer.path("access_token").asText().isEmpty()) {
      throw new SchemaRegistryException("the OAuth token endpoint " + tokenEndpoint + " answered without an "
          + "access_token", 200, 200, null, null);
    }
    token = answer.path("access_token").asText();
    // Without expires_in, a token is asked for again every minute.
    long lifetime = answer.path("expires_in").canConvertToLong() ? answer.path("expires_in").asLong() : 60;
    renewAt = asked + Duration.ofSeconds(lifetime).minus(expiryBuffer).toNanos();
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }
}
