package io.kafkacontracts.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkacontracts.registry.CompatibilityCheck;
import io.kafkacontracts.registry.ListedSchema;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaReference;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import io.kafkacontracts.registry.SubjectVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client: JDK {@link HttpClient} and Jackson. Thread-safe: it holds immutable
 * configuration, the thread-safe JDK client and its executor, and two volatile fields (the URL
 * that answered last, and whether it is closed). Requests go to the base URLs in order, failing
 * over to the next on no answer or 5xx; idempotent requests (reads, register, lookup, compatibility
 * tests, config and mode updates) are retried per the {@link RetryPolicy}; deletes are not.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/json;q=0.9";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Error bodies are quoted in messages up to this length. */
  private static final int MAX_QUOTED_BODY = 300;

  private final List<URI> baseUrls;
  private final String basicAuthorization;
  private final Supplier<String> bearerToken;
  private final Map<String, String> headers;
  private final Duration requestTimeout;
  private final RetryPolicy retries;
  private final ExecutorService httpTasks = JdkHttpClients.taskExecutor();
  private final HttpClient http;
  /** The URL that answered last; requests start there, so a dead first URL costs one failover. */
  private volatile int preferred;
  private volatile boolean closed;

  /** @param proxy the HTTP proxy every request goes through, or null for none */
  public HttpSchemaRegistryClient(List<URI> baseUrls, String basicUserInfo, Supplier<String> bearerToken,
      Map<String, String> headers, Duration connectTimeout, Duration requestTimeout, RetryPolicy retries,
      SSLContext sslContext, java.net.ProxySelector proxy) {
    this.baseUrls = baseUrls;
    this.basicAuthorization = basicUserInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(basicUserInfo.getBytes(StandardCharsets.UTF_8));
    this.bearerToken = bearerToken;
    this.headers = headers;
    this.requestTimeout = requestTimeout;
    this.retries = retries;
    HttpClient.Builder builder = HttpClient.newBuilder()
        // HTTP/1.1 as registries expect: the JDK's default h2c upgrade of a POST with a body
        // made Apicurio stall concurrent registrations until the request timeout (measured).
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(httpTasks);
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    if (proxy != null) {
      builder.proxy(proxy);
    }
    this.http = builder.build();
  }

  // ---- the API ----

  @Override
  public int register(String subject, RegistrySchema schema, boolean normalize) {
    JsonNode answer = send("POST", "/subjects/" + segment(subject) + "/versions" + query("normalize", normalize),
        body(schema), subject, true);
    return answer.path("id").asInt();
  }

  @Override
  public RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize, boolean includeDeleted) {
    JsonNode answer = send("POST", "/subjects/" + segment(subject)
        + query("normalize", normalize, "deleted", includeDeleted), body(schema), subject, true);
    return registered(answer, subject, schema);
  }

  @Override
  public RegistrySchema schemaById(int id) {
    return schema(get("/schemas/ids/" + id, null));
  }

  @Override
  public RegistrySchema schemaByGuid(java.util.UUID guid) {
    return schema(get("/schemas/guids/" + guid, null));
  }

  @Override
  public List<SubjectVersion> versionsOfId(int id) {
    List<SubjectVersion> versions = new ArrayList<>();
    for (JsonNode node : get("/schemas/ids/" + id + "/versions", null)) {
      versions.add(new SubjectVersion(node.path("subject").asText(), node.path("version").asInt()));
    }
    return versions;
  }

  @Override
  public List<String> subjectsOfId(int id) {
    return texts(get("/schemas/ids/" + id + "/subjects", null));
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return registered(get("/subjects/" + segment(subject) + "/versions/" + version, subject), subject, null);
  }

  @Override
  public RegisteredSchema latestVersion(String subject) {
    return registered(get("/subjects/" + segment(subject) + "/versions/latest", subject), subject, null);
  }

  @Override
  public List<Integer> versions(String subject) {
    return ints(get("/subjects/" + segment(subject) + "/versions", subject));
  }

  @Override
  public List<String> subjects(boolean includeDeleted, Optional<String> prefix) {
    String query = query("deleted", includeDeleted);
    if (prefix.isPresent()) {
      query += (query.isEmpty() ? "?" : "&") + "subjectPrefix=" + URLEncoder.encode(prefix.get(), StandardCharsets.UTF_8);
    }
    return texts(get("/subjects" + query, null));
  }

  @Override
  public List<ListedSchema> schemas(String subjectPrefix, int offset, int limit) {
    JsonNode answer = get("/schemas?subjectPrefix=" + URLEncoder.encode(subjectPrefix, StandardCharsets.UTF_8)
        + "&latestOnly=false&offset=" + offset + "&limit=" + limit, null);
    List<ListedSchema> listed = new ArrayList<>();
    answer.forEach(node -> listed.add(new ListedSchema(
        node.hasNonNull("subject") ? Optional.of(node.get("subject").asText()) : Optional.empty(),
        node.hasNonNull("version") ? OptionalInt.of(node.get("version").asInt()) : OptionalInt.empty(),
        node.path("id").asInt(), schema(node))));
    return listed;
  }

  @Override
  public List<Integer> referencedBy(String subject, int version) {
    return ints(get("/subjects/" + segment(subject) + "/versions/" + version + "/referencedby", subject));
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    return ints(send("DELETE", "/subjects/" + segment(subject) + query("permanent", permanent), null, subject, false));
  }

  @Override
  public int deleteVersion(String subject, int version, boolean permanent) {
    return send("DELETE", "/subjects/" + segment(subject) + "/versions/" + version + query("permanent", permanent),
        null, subject, false).asInt();
  }

  @Override
  public CompatibilityCheck testCompatibility(String subject, RegistrySchema schema, OptionalInt version,
      boolean verbose) {
    String path = "/compatibility/subjects/" + segment(subject) + "/versions"
        + (version.isPresent() ? "/" + version.getAsInt() : "") + query("verbose", verbose);
    JsonNode answer = send("POST", path, body(schema), subject, true);
    return new CompatibilityCheck(answer.path("is_compatible").asBoolean(false), texts(answer.path("messages")));
  }

  @Override
  public String globalCompatibility() {
    return level(get("/config", null));
  }

  @Override
  public Optional<String> subjectCompatibility(String subject, boolean defaultToGlobal) {
    try {
      return Optional.of(level(get("/config/" + segment(subject) + query("defaultToGlobal", defaultToGlobal), subject)));
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40408 || (e.errorCode() == 40401 && !defaultToGlobal)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void setGlobalCompatibility(String level) {
    send("PUT", "/config", JSON.createObjectNode().put("compatibility", level), null, true);
  }

  @Override
  public void setSubjectCompatibility(String subject, String level) {
    send("PUT", "/config/" + segment(subject), JSON.createObjectNode().put("compatibility", level), subject, true);
  }

  @Override
  public void deleteSubjectCompatibility(String subject) {
    send("DELETE", "/config/" + segment(subject), null, subject, false);
  }

  @Override
  public String mode() {
    return get("/mode", null).path("mode").asText();
  }

  @Override
  public Optional<String> subjectMode(String subject) {
    try {
      // Without defaultToGlobal (false by default): the subject's own mode only.
      return Optional.of(get("/mode/" + segment(subject), subject).path("mode").asText());
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40409 || e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void setMode(String mode) {
    send("PUT", "/mode", JSON.createObjectNode().put("mode", mode), null, true);
  }

  @Override
  public List<String> schemaTypes() {
    return texts(get("/schemas/types", null));
  }

  // ---- JSON ----

  private static ObjectNode body(RegistrySchema schema) {
    ObjectNode body = JSON.createObjectNode().put("schema", schema.schema());
    if (!schema.schemaType().equals(RegistrySchema.AVRO)) {
      body.put("schemaType", schema.schemaType());
    }
    if (!schema.references().isEmpty()) {
      ArrayNode refs = body.putArray("references");
      for (SchemaReference ref : schema.references()) {
        refs.addObject().put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version());
      }
    }
    return body;
  }

  private static RegistrySchema schema(JsonNode node) {
    List<SchemaReference> references = new ArrayList<>();
    for (JsonNode ref : node.path("references")) {
      references.add(new SchemaReference(ref.path("name").asText(), ref.path("subject").asText(), ref.path("version").asInt()));
    }
    String type = node.hasNonNull("schemaType") ? node.get("schemaType").asText() : RegistrySchema.AVRO;
    return new RegistrySchema(node.path("schema").asText(), type, references);
  }

  private static RegisteredSchema registered(JsonNode node, String subject, RegistrySchema sent) {
    RegistrySchema schema = node.hasNonNull("schema") ? schema(node) : sent;
    return new RegisteredSchema(node.hasNonNull("subject") ? node.get("subject").asText() : subject,
        node.path("id").asInt(), node.path("version").asInt(), schema);
  }

  private static String level(JsonNode node) {
    // Confluent answers compatibilityLevel; PUT echoes compatibility.
    return node.hasNonNull("compatibilityLevel") ? node.get("compatibilityLevel").asText()
        : node.path("compatibility").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.isTextual() ? node.asText() : node.toString()));
    return texts;
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> ints = new ArrayList<>();
    array.forEach(node -> ints.add(node.asInt()));
    return ints;
  }

  /**
   * One path segment: everything a subject may hold is percent-encoded (so {@code /} cannot
   * start a new segment), and the dot segments {@code .} and {@code ..} are encoded too, so that
   * no subject can climb out of {@code /subjects/}.
   */
  static String segment(String value) {
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
  }

  private static String query(Object... pairs) {
    StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
    for (int i = 0; i < pairs.length; i += 2) {
      if (Boolean.TRUE.equals(pairs[i + 1])) {
        joiner.add(pairs[i] + "=true");
      }
    }
    return joiner.toString();
  }

  // ---- HTTP ----

  private JsonNode get(String path, String subject) {
    return send("GET", path, null, subject, true);
  }

  private JsonNode send(String method, String path, JsonNode body, String subject, boolean idempotent) {
    if (closed) {
      throw new IllegalStateException("this schema registry client is closed: " + method + " " + path + " not sent");
    }
    String payload;
    try {
      payload = body == null ? null : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
    long deadline = System.nanoTime() + retries.totalTimeout().toNanos();
    int attempts = idempotent ? retries.maxRetries() + 1 : 1;
    SchemaRegistryException last = null;
    int made = 0;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      made = attempt;
      int start = preferred;
      Duration retryAfter = null;
      for (int i = 0; i < baseUrls.size(); i++) {
        int index = (start + i) % baseUrls.size();
        try {
          HttpResponse<String> response = http.send(request(baseUrls.get(index), method, path, payload),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            preferred = index;
            return parse(response, method, path, subject);
          }
          last = error(response, method, path, subject);
          if (status == 429) {
            retryAfter = retryAfter(response);
            preferred = index;
            break; // the registry answered: another URL is the same registry, busy too
          }
          if (status < 500) {
            throw last;
          }
        } catch (IOException e) {
          // "Could not reach" only where the request cannot have arrived; else the registry may have acted on it.
          last = new SchemaRegistryException(method + " " + path + (unreached(e) ? " could not reach"
              : " got no answer from") + " the schema registry at "
              + baseUrls.get(index) + ": " + describe(e), SchemaRegistryException.NO_RESPONSE,
              SchemaRegistryException.NO_RESPONSE, subject, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SchemaRegistryException(method + " " + path + " was interrupted", SchemaRegistryException.NO_RESPONSE,
              SchemaRegistryException.NO_RESPONSE, subject, e);
        }
      }
      if (attempt == attempts) {
        break;
      }
      Duration wait = retryAfter != null ? retryAfter : retries.backoff(attempt);
      if (System.nanoTime() + wait.toNanos() >= deadline) {
        break;
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (last.status() == SchemaRegistryException.NO_RESPONSE && made > 1) {
      // Say the retries were made, so no one retries by hand what the client already did.
      throw new SchemaRegistryException(last.getMessage() + " (" + made + " attempts)", last.status(),
          last.errorCode(), subject, last.getCause());
    }
    throw last;
  }

  private HttpRequest request(URI base, String method, String path, String payload) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(requestTimeout)
        .header("Accept", ACCEPT);
    if (payload != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    headers.forEach(builder::header);
    if (basicAuthorization != null) {
      builder.header("Authorization", basicAuthorization);
    } else if (bearerToken != null) {
      builder.header("Authorization", "Bearer " + bearerToken.get());
    }
    return builder.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
  }

  private static JsonNode parse(HttpResponse<String> response, String method, String path, String subject) {
    try {
      JsonNode node = JSON.readTree(response.body());
      if (node == null || node.isMissingNode()) {
        throw new SchemaRegistryException(method + " " + path + " got an empty answer (HTTP "
            + response.statusCode() + ") from the schema registry", response.statusCode(), response.statusCode(),
            subject, null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(method + " " + path + " got an answer that is not JSON (HTTP "
          + response.statusCode() + "): " + quote(response.body()), response.statusCode(), response.statusCode(),
          subject, null);
    }
  }

  /** Decodes every error answer, JSON or not, into one exception. */
  private static SchemaRegistryException error(HttpResponse<String> response, String method, String path,
      String subject) {
    int status = response.statusCode();
    int code = status;
    String message;
    try {
      JsonNode node = JSON.readTree(response.body());
      int given = node.path("error_code").asInt(0);
      code = given > 0 ? given : status; // some registries send 0 or nothing
      message = node.hasNonNull("message") ? node.get("message").asText() : quote(response.body());
    } catch (JsonProcessingException e) {
      message = quote(response.body()); // Apicurio answers some 400s in plain text
    }
    return new SchemaRegistryException(method + " " + path + " failed with HTTP " + status + ", error code " + code
        + ": " + message, status, code, subject, null);
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    return response.headers().firstValue("Retry-After").map(value -> {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
      } catch (NumberFormatException e) {
        return null; // an HTTP date: fall back to our own backoff
      }
    }).orElse(null);
  }

  private static String quote(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_QUOTED_BODY ? oneLine : oneLine.substring(0, MAX_QUOTED_BODY) + "...";
  }

  /** Whether the request cannot have reached the registry: no connection, or no TLS session, was made. */
  private static boolean unreached(IOException e) {
    return e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException
        || e instanceof java.net.UnknownHostException || e instanceof javax.net.ssl.SSLHandshakeException
        || e.getCause() instanceof java.nio.channels.UnresolvedAddressException;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  /** Ends the JDK client's selector thread now; see {@link JdkHttpClients}. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      JdkHttpClients.close(http);
      httpTasks.shutdown(); // after the client: Java 21's close lets the exchanges under way finish on it
    }
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "HttpSchemaRegistryClient" + baseUrls;
  }
}
