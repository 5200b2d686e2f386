package io.kafkacontracts.serde;

import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The serdes' settings, under Confluent's key names, each declared once in {@link #DEFINITION} with
 * its default and doc. Unknown keys are ignored, as Kafka does; a wrong value fails with a
 * {@link ConfigException} naming the key. Immutable; credentials are held as Kafka
 * {@link Password}s, which never print.
 */
public final class SerdeConfig {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
  public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  /** Confluent's deprecated name of {@link #BASIC_AUTH_USER_INFO}, read when that one is not set. */
  public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String PROXY_HOST = "proxy.host";
  public static final String PROXY_PORT = "proxy.port";
  public static final String BEARER_AUTH_ISSUER_ENDPOINT_URL = "bearer.auth.issuer.endpoint.url";
  public static final String BEARER_AUTH_CLIENT_ID = "bearer.auth.client.id";
  public static final String BEARER_AUTH_CLIENT_SECRET = "bearer.auth.client.secret";
  public static final String BEARER_AUTH_SCOPE = "bearer.auth.scope";
  public static final String BEARER_AUTH_CACHE_EXPIRY_BUFFER_SECONDS = "bearer.auth.cache.expiry.buffer.seconds";
  public static final String BEARER_AUTH_LOGICAL_CLUSTER = "bearer.auth.logical.cluster";
  public static final String BEARER_AUTH_IDENTITY_POOL_ID = "bearer.auth.identity.pool.id";
  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
  public static final String USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  /** Confluent's prefix for extra HTTP headers: {@code request.header.X-Team=payments}. */
  public static final String REQUEST_HEADER_PREFIX = "request.header.";
  /**
   * Ours, not Confluent's: the key's subject named outright, for a subject no strategy names (a
   * catalogue's {@code keySubject:}); overrides the strategy. Confluent's users write a strategy class.
   */
  public static final String KEY_SUBJECT_NAME = "key.subject.name";
  /** Ours, not Confluent's: the value's subject named outright ({@code valueSubject:}); overrides the strategy. */
  public static final String VALUE_SUBJECT_NAME = "value.subject.name";
  /** Ours, not Confluent's: how deep records may nest in data read (recursive schemas only). */
  public static final String MAX_NESTING_DEPTH = "avro.max.nesting.depth";

  private static final ConfigDef.Validator STRATEGY = (name, value) -> {
    if (value != null && value.toString().strip().endsWith("AssociatedNameStrategy")) {
      throw new ConfigException(name, value, "Confluent 8's AssociatedNameStrategy (subjects found through the "
          + "registry's topic associations) is not supported: name the subject with TopicNameStrategy, "
          + "RecordNameStrategy or TopicRecordNameStrategy, or outright with " + name.replace(".strategy", ""));
    }
    if (value == null || SubjectNameStrategy.named(value.toString().strip()).isEmpty()) {
      throw new ConfigException(name, value, "expected TopicNameStrategy, RecordNameStrategy or "
          + "TopicRecordNameStrategy (simple or Confluent's full class name)");
    }
  };

  /** A positive (or, for counts, non-negative) number, or nothing set. */
  private static ConfigDef.Validator unsetOrAtLeast(int min) {
    return (name, value) -> {
      if (value != null && (Integer) value < min) {
        throw new ConfigException(name, value, "Value must be at least " + min);
      }
    };
  }

  private static final String SCHEMA_ID_PACKAGE = "io.confluent.kafka.serializers.schema.id.";
  private static final String DUAL_DESERIALIZER = SCHEMA_ID_PACKAGE + "DualSchemaIdDeserializer";
  private static final String PREFIX_DESERIALIZER = SCHEMA_ID_PACKAGE + "PrefixSchemaIdDeserializer";

  /** Every key the serdes read. */
  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
          "Comma-separated registry base URLs (failover in order), or mock://<scope> for the in-memory registry.")
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
          "Register a record's schema when the subject lacks it; false looks it up and fails if it is missing.")
      .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
          "Write with the subject's latest registered version instead of the record's own schema.")
      .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
          "With use.latest.version: refuse records whose schema the latest version cannot read.")
      .define(NORMALIZE_SCHEMAS, Type.BOOLEAN, false, Importance.LOW,
          "Ask the registry to normalize schemas when registering and looking up.")
      .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", STRATEGY, Importance.MEDIUM,
          "How a key schema maps to a subject: TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy.")
      .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", STRATEGY, Importance.MEDIUM,
          "How a value schema maps to a subject: TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy.")
      .define(KEY_SUBJECT_NAME, Type.STRING, "", Importance.LOW,
          "The key's subject named outright, overriding key.subject.name.strategy; empty: the strategy's.")
      .define(VALUE_SUBJECT_NAME, Type.STRING, "", Importance.LOW,
          "The value's subject named outright, overriding value.subject.name.strategy; empty: the strategy's.")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
          "Deserialize into the generated class named by the writer schema instead of a GenericRecord.")
      .define(USE_LOGICAL_TYPE_CONVERTERS, Type.BOOLEAN, false, Importance.LOW,
          "Generic records hold BigDecimal, UUID, Instant, LocalDate, LocalTime and LocalDateTime for Avro's logical "
              + "types, written and read as such; false: their raw Avro types (ByteBuffer, Utf8, Long, Integer).")
      .define(SPECIFIC_AVRO_KEY_TYPE, Type.CLASS, null, Importance.LOW,
          "The generated class keys are read into by a serde built from config (AvroSerde, SpecificAvroSerde).")
      .define(SPECIFIC_AVRO_VALUE_TYPE, Type.CLASS, null, Importance.LOW,
          "The generated class values are read into by a serde built from config (AvroSerde, SpecificAvroSerde).")
      .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL", ConfigDef.ValidString.in("URL", "USER_INFO"),
          Importance.MEDIUM, "Where basic auth credentials come from: URL (user:password@ in the URL) or USER_INFO.")
      .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, "", Importance.MEDIUM,
          "user:password for basic auth when the source is USER_INFO.")
      .define(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, Type.PASSWORD, "", Importance.LOW,
          "Confluent's deprecated name of basic.auth.user.info, read when that one is empty.")
      .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, "STATIC_TOKEN",
          ConfigDef.ValidString.in("STATIC_TOKEN", "OAUTHBEARER"), Importance.MEDIUM,
          "Where the bearer token comes from: STATIC_TOKEN (bearer.auth.token) or OAUTHBEARER (client credentials).")
      .define(BEARER_AUTH_ISSUER_ENDPOINT_URL, Type.STRING, "", Importance.MEDIUM,
          "OAUTHBEARER: the issuer's token endpoint.")
      .define(BEARER_AUTH_CLIENT_ID, Type.STRING, "", Importance.MEDIUM, "OAUTHBEARER: the client id.")
      .define(BEARER_AUTH_CLIENT_SECRET, Type.PASSWORD, "", Importance.MEDIUM, "OAUTHBEARER: the client secret.")
      .define(BEARER_AUTH_SCOPE, Type.STRING, "", Importance.LOW, "OAUTHBEARER: the scope asked for, if any.")
      .define(BEARER_AUTH_CACHE_EXPIRY_BUFFER_SECONDS, Type.LONG, 300L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "OAUTHBEARER: how long before its expiry a token is renewed, in seconds.")
      .define(BEARER_AUTH_LOGICAL_CLUSTER, Type.STRING, "", Importance.LOW,
          "Confluent Cloud's registry cluster id, sent as the target-sr-cluster header.")
      .define(BEARER_AUTH_IDENTITY_POOL_ID, Type.STRING, "", Importance.LOW,
          "Confluent Cloud's identity pool id, sent as the Confluent-Identity-Pool-Id header.")
      .define(BEARER_AUTH_TOKEN, Type.PASSWORD, "", Importance.MEDIUM, "The bearer token sent to the registry.")
      .define(PROXY_HOST, Type.STRING, "", Importance.LOW, "An HTTP proxy's host every registry request goes through.")
      .define(PROXY_PORT, Type.INT, -1, Importance.LOW, "The HTTP proxy's port (with proxy.host).")
      .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM, "Trust store for https registries.")
      .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "The trust store's password.")
      .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "JKS", ConfigDef.ValidString.in("JKS", "PKCS12"), Importance.LOW,
          "The trust store's type.")
      .define(SSL_KEYSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM, "Key store for client certificates.")
      .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "The key store's password.")
      .define(SSL_KEYSTORE_TYPE, Type.STRING, "JKS", ConfigDef.ValidString.in("JKS", "PKCS12"), Importance.LOW,
          "The key store's type.")
      .define(SSL_KEY_PASSWORD, Type.PASSWORD, "", Importance.LOW,
          "The private key's password; empty means the key store's password.")
      .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, null, unsetOrAtLeast(1), Importance.LOW,
          "How long to wait for a connection to the registry, in ms; unset: 10 s (Confluent's client: 60 s).")
      .define(HTTP_READ_TIMEOUT_MS, Type.INT, null, unsetOrAtLeast(1), Importance.LOW,
          "How long to wait for one answer of the registry, in ms; unset: 30 s (Confluent's client: 60 s).")
      .define(MAX_RETRIES, Type.INT, null, unsetOrAtLeast(0), Importance.LOW,
          "How many times a registry request is retried after no answer, 429 or 5xx; unset: 3.")
      .define(RETRIES_WAIT_MS, Type.INT, null, unsetOrAtLeast(1), Importance.LOW,
          "The wait before the first retry, in ms, doubling with jitter; unset: 100 (Confluent's client: 1000).")
      .define(RETRIES_MAX_WAIT_MS, Type.INT, null, unsetOrAtLeast(1), Importance.LOW,
          "The longest wait between retries, in ms; unset: 5000 (Confluent's client: 20000).")
      .define(MAX_NESTING_DEPTH, Type.INT, 100, ConfigDef.Range.between(1, 10_000), Importance.LOW,
          "How deep records of a recursive schema may nest in data read; deeper data is refused.");

  /**
   * Confluent's keys these serdes do not implement: refused at configure, saying so and what to do,
   * rather than ignored. A key whose Confluent default means what these serdes do anyway is
   * accepted at that value ({@code tolerated}).
   */
  private record Unsupported(String tolerated, String why) {}

  private static final Map<String, Unsupported> UNSUPPORTED = unsupported();

  private static Map<String, Unsupported> unsupported() {
    Map<String, Unsupported> keys = new java.util.LinkedHashMap<>();
    String register = "CI registers the contracts; look schemas up by their text (auto.register.schemas=false) "
        + "or use use.latest.version=true";
    keys.put("use.schema.id", new Unsupported("-1", "writing with a fixed schema id is not supported: " + register));
    keys.put("id.compatibility.strict", new Unsupported("true", "it applies to use.schema.id, which is not supported"));
    keys.put("use.latest.with.metadata", new Unsupported(null, "schema metadata is not supported: " + register));
    keys.put("latest.cache.ttl.sec", new Unsupported("-1", "a serializer keeps the latest version for its life "
        + "(Confluent's -1); restart the producer to pick up a newer one"));
    keys.put("latest.cache.size", new Unsupported("1000", "the latest versions are kept per subject without a "
        + "limit of their own; remove the setting"));
    keys.put("max.schemas.per.subject", new Unsupported("1000", "the registry client's cache holds up to 10,000 "
        + "answers of each kind; remove the setting"));
    keys.put("missing.id.cache.ttl.sec", new Unsupported(null, "misses are remembered for 5 s; remove the setting"));
    keys.put("missing.schema.cache.ttl.sec", new Unsupported(null, "misses are remembered for 5 s; remove the setting"));
    keys.put("avro.remove.java.properties", new Unsupported("true", "Java-only properties (avro.java.string, "
        + "java-class) are always removed before registering or looking up, as with true: the contract as written"));
    keys.put("avro.reflection.allow.null", new Unsupported("false", "reflection-based records are not supported: "
        + "use generated classes or GenericRecord"));
    keys.put("schema.reflection", new Unsupported("false", "reflection-based records are not supported: use "
        + "generated classes or GenericRecord"));
    keys.put("propagate.schema.tags", new Unsupported("false", "schema tags are not supported"));
    keys.put("schema.format", new Unsupported(null, "schema formats are not supported: the contract's own text "
        + "is registered"));
    keys.put("rule.executors", new Unsupported(null, "data contract rules are not supported"));
    keys.put("rule.actions", new Unsupported(null, "data contract rules are not supported"));
    keys.put("context.name.strategy", new Unsupported("io.confluent.kafka.serializers.context.NullContextNameStrategy",
        "schema contexts are not supported"));
    keys.put("key.schema.id.serializer", new Unsupported(
        "io.confluent.kafka.serializers.schema.id.PrefixSchemaIdSerializer", "only the id in the payload's prefix "
        + "(Confluent's wire format) is written"));
    keys.put("value.schema.id.serializer", keys.get("key.schema.id.serializer"));
    // The deserializers are Confluent's DualSchemaIdDeserializer, or its PrefixSchemaIdDeserializer when set so.
    keys.put("key.schema.id.deserializer", new Unsupported(DUAL_DESERIALIZER + "|" + PREFIX_DESERIALIZER,
        "the schema id is read from the header (Confluent 8's __key_schema_id / __value_schema_id) or else the "
            + "payload's prefix (DualSchemaIdDeserializer, the default), or from the prefix alone "
            + "(PrefixSchemaIdDeserializer)"));
    keys.put("value.schema.id.deserializer", keys.get("key.schema.id.deserializer"));
    keys.put("schema.registry.user.info", new Unsupported(null, "no Confluent client reads this key (its deprecated "
        + "one is schema.registry.basic.auth.user.info): set basic.auth.credentials.source=USER_INFO and "
        + "basic.auth.user.info"));
    for (String associated : List.of("subject.name.strategy.fallback.type", "subject.name.strategy.kafka.cluster.id")) {
      keys.put(associated, new Unsupported(null, "it applies to Confluent 8's AssociatedNameStrategy, which is not "
          + "supported"));
    }
    keys.put("rule.service.loader.enable", new Unsupported("false", "data contract rules are not supported, so no "
        + "rule executors are loaded"));
    // The claims a token is read with, by Confluent's own provider: ours sends the token as it comes.
    keys.put("bearer.auth.scope.claim.name", new Unsupported("scope", "the token is sent as the endpoint gives it, "
        + "not read"));
    keys.put("bearer.auth.sub.claim.name", new Unsupported("sub", "the token is sent as the endpoint gives it, "
        + "not read"));
    keys.put("bearer.auth.custom.provider.class", new Unsupported(null, "custom token providers are not supported: "
        + "use OAUTHBEARER (client credentials) or STATIC_TOKEN"));
    return java.util.Collections.unmodifiableMap(keys);
  }

  /** The names of Confluent's keys that are refused, for the README's table. */
  public static java.util.Set<String> unsupportedKeys() {
    return UNSUPPORTED.keySet();
  }

  private final List<String> urls;
  private final boolean autoRegister;
  private final boolean useLatestVersion;
  private final boolean latestCompatibilityStrict;
  private final boolean normalize;
  private final SubjectNameStrategy keyStrategy;
  private final SubjectNameStrategy valueStrategy;
  private final String keySubjectName;
  private final boolean keyIdHeaders;
  private final boolean valueIdHeaders;
  private final String valueSubjectName;
  private final boolean specificReader;
  private final boolean logicalTypeConverters;
  private final int maxNestingDepth;
  private final AbstractConfig raw;

  private SerdeConfig(AbstractConfig raw) {
    this.raw = raw;
    this.urls = List.copyOf(raw.getList(SCHEMA_REGISTRY_URL));
    if (urls.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, "", "give at least one registry URL, or mock://<scope>");
    }
    this.autoRegister = raw.getBoolean(AUTO_REGISTER_SCHEMAS);
    this.useLatestVersion = raw.getBoolean(USE_LATEST_VERSION);
    this.latestCompatibilityStrict = raw.getBoolean(LATEST_COMPATIBILITY_STRICT);
    this.normalize = raw.getBoolean(NORMALIZE_SCHEMAS);
    this.keyStrategy = SubjectNameStrategy.named(raw.getString(KEY_SUBJECT_NAME_STRATEGY).strip()).orElseThrow();
    this.valueStrategy = SubjectNameStrategy.named(raw.getString(VALUE_SUBJECT_NAME_STRATEGY).strip()).orElseThrow();
    Map<String, Object> originals = raw.originals();
    this.keyIdHeaders = readsHeaders(originals, "key.schema.id.deserializer");
    this.valueIdHeaders = readsHeaders(originals, "value.schema.id.deserializer");
    this.keySubjectName = raw.getString(KEY_SUBJECT_NAME).strip();
    this.valueSubjectName = raw.getString(VALUE_SUBJECT_NAME).strip();
    this.specificReader = raw.getBoolean(SPECIFIC_AVRO_READER);
    this.logicalTypeConverters = raw.getBoolean(USE_LOGICAL_TYPE_CONVERTERS);
    this.maxNestingDepth = raw.getInt(MAX_NESTING_DEPTH);
  }

  /**
   * Reads a Kafka client's config map. Confluent's keys that these serdes do not implement are
   * refused with what to do; other unknown keys are ignored, as Kafka does.
   */
  public static SerdeConfig parse(Map<String, ?> configs) {
    configs.forEach((key, value) -> {
      Unsupported unsupported = UNSUPPORTED.get(key);
      if (unsupported != null && (unsupported.tolerated() == null || value == null
          || !List.of(unsupported.tolerated().split("\\|")).contains(String.valueOf(value).strip()))) {
        throw refused(key, value, unsupported.why());
      }
    });
    configs.forEach(SerdeConfig::checkSslKey);
    configs.keySet().stream().filter(key -> key.startsWith("schema.registry.") && !DEFINITION.names().contains(key)
        && !UNSUPPORTED.containsKey(key) && WARNED.add(key)).forEach(key -> LOG.warn("Unknown setting '{}': no "
            + "Confluent client key has this name and kafka-contracts' serdes do not read it (a typo?)", key));
    return new SerdeConfig(new AbstractConfig(DEFINITION, configs, false));
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SerdeConfig.class);
  /** The unknown {@code schema.registry.*} keys warned of already: each once per class loader. */
  private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** The unknown registry keys warned of so far (for tests). */
  static java.util.Set<String> warnedKeys() {
    return java.util.Set.copyOf(WARNED);
  }

  private static boolean atDefault(ConfigDef.ConfigKey key, Object value) {
    try {
      return java.util.Objects.equals(ConfigDef.parseType(key.name, value, key.type), key.defaultValue);
    } catch (ConfigException e) {
      return false; // not even a value of its type: refused below, naming the key
    }
  }

  private static final String SSL_PREFIX = "schema.registry.ssl.";
  /** Kafka's client TLS keys, which Confluent's client takes under {@code schema.registry.}. */
  private static final ConfigDef KAFKA_SSL = new ConfigDef().withClientSslSupport();

  /**
   * A {@code schema.registry.ssl.*} key these serdes do not read: accepted at Kafka's default (what
   * the JDK's TLS does here anyway), else refused saying what to do; none is ignored.
   */
  private static void checkSslKey(String key, Object value) {
    if (!key.startsWith(SSL_PREFIX) || DEFINITION.names().contains(key)) {
      return;
    }
    ConfigDef.ConfigKey kafka = KAFKA_SSL.configKeys().get(key.substring("schema.registry.".length()));
    if (kafka != null && value != null && atDefault(kafka, value)) {
      return;
    }
    String why = switch (key.substring(SSL_PREFIX.length())) {
      case "endpoint.identification.algorithm" -> "the registry's host name is always verified against its "
          + "certificate; give the registry a certificate that names its host";
      case "truststore.certificates", "keystore.certificate.chain", "keystore.key" -> "PEM text in the config is not "
          + "read: put the certificates and key in a PKCS12 or JKS store (schema.registry.ssl.truststore.location, "
          + "schema.registry.ssl.keystore.location)";
      default -> kafka == null ? "no Confluent or Kafka TLS setting has this name"
          : "only the trust and key stores are read (schema.registry.ssl.truststore.*, .keystore.*, .key.password); "
              + "protocols, ciphers, algorithms and providers are the JVM's";
    };
    throw refused(key, value, why);
  }

  /** A key refused, saying why; a secret's value (a password, a user info, a private key) never shown. */
  private static ConfigException refused(String key, Object value, String why) {
    boolean secret = key.contains("secret") || key.contains("user.info") || key.contains("password")
        || key.endsWith(".key");
    return new ConfigException(key, secret ? "[hidden]" : value, "not supported by kafka-contracts' serdes: " + why);
  }

  public List<String> urls() {
    return urls;
  }

  public boolean autoRegister() {
    return autoRegister;
  }

  public boolean useLatestVersion() {
    return useLatestVersion;
  }

  public boolean latestCompatibilityStrict() {
    return latestCompatibilityStrict;
  }

  public boolean normalize() {
    return normalize;
  }

  /**
   * Whether a deserializer reads a schema id from the record's headers before the prefix
   * (Confluent's DualSchemaIdDeserializer, the default) rather than from the prefix alone.
   */
  public boolean readsSchemaIdHeaders(boolean isKey) {
    return isKey ? keyIdHeaders : valueIdHeaders; // per record: decided once, at configure
  }

  private static boolean readsHeaders(Map<String, Object> originals, String key) {
    Object chosen = originals.get(key);
    return chosen == null || !PREFIX_DESERIALIZER.equals(String.valueOf(chosen).strip());
  }

  public SubjectNameStrategy strategy(boolean isKey) {
    return isKey ? keyStrategy : valueStrategy;
  }

  /** The subject of a key or value schema: the one named outright, else the strategy's. */
  public String subject(String topic, boolean isKey, String schemaName) {
    String named = isKey ? keySubjectName : valueSubjectName;
    return named.isEmpty() ? strategy(isKey).subject(topic, isKey, schemaName) : named;
  }

  public boolean specificReader() {
    return specificReader;
  }

  /** Whether generic records carry Java values for logical types (Confluent's key, default false). */
  public boolean logicalTypeConverters() {
    return logicalTypeConverters;
  }

  /** The one class a config-driven serde reads keys or values into, when the config names it. */
  public Optional<Class<?>> readerClass(boolean isKey) {
    return Optional.ofNullable(raw.getClass(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE));
  }

  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** The registry the URLs name: the in-memory one for {@code mock://}, else an HTTP client. */
  public SchemaRegistryClient registry() {
    String first = urls.get(0);
    if (first.startsWith(MockSchemaRegistry.SCHEME)) {
      if (urls.size() > 1) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, String.join(",", urls), "a mock:// URL stands alone");
      }
      return MockSchemaRegistry.forUrl(first);
    }
    SchemaRegistryClientBuilder builder = SchemaRegistryClient.builder();
    try {
      builder.baseUrls(String.join(",", urls));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, "(not shown: it may hold credentials)", e.getMessage());
    }
    if (raw.getString(BASIC_AUTH_CREDENTIALS_SOURCE).equals("USER_INFO")) {
      String userInfo = raw.getPassword(BASIC_AUTH_USER_INFO).value();
      if (userInfo.isEmpty()) {
        userInfo = raw.getPassword(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO).value();
      }
      if (!userInfo.contains(":")) {
        throw new ConfigException(BASIC_AUTH_USER_INFO + " must be user:password when "
            + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO");
      }
      builder.basicAuth(userInfo);
    }
    raw.originalsWithPrefix(REQUEST_HEADER_PREFIX).forEach((name, value) -> builder.header(name, String.valueOf(value)));
    Integer connect = raw.getInt(HTTP_CONNECT_TIMEOUT_MS);
    if (connect != null) {
      builder.connectTimeout(Duration.ofMillis(connect));
    }
    Integer read = raw.getInt(HTTP_READ_TIMEOUT_MS);
    if (read != null) {
      builder.requestTimeout(Duration.ofMillis(read));
    }
    Integer retries = raw.getInt(MAX_RETRIES);
    if (retries != null) {
      builder.maxRetries(retries);
    }
    Integer wait = raw.getInt(RETRIES_WAIT_MS);
    if (wait != null) {
      builder.initialBackoff(Duration.ofMillis(wait));
    }
    Integer maxWait = raw.getInt(RETRIES_MAX_WAIT_MS);
    if (maxWait != null) {
      builder.maxBackoff(Duration.ofMillis(maxWait));
    }
    String token = raw.getPassword(BEARER_AUTH_TOKEN).value();
    if (raw.getString(BEARER_AUTH_CREDENTIALS_SOURCE).equals("OAUTHBEARER")) {
      String endpoint = raw.getString(BEARER_AUTH_ISSUER_ENDPOINT_URL);
      String clientId = raw.getString(BEARER_AUTH_CLIENT_ID);
      if (endpoint.isBlank() || clientId.isBlank() || raw.getPassword(BEARER_AUTH_CLIENT_SECRET).value().isEmpty()) {
        throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE + " OAUTHBEARER needs "
            + BEARER_AUTH_ISSUER_ENDPOINT_URL + ", " + BEARER_AUTH_CLIENT_ID + " and " + BEARER_AUTH_CLIENT_SECRET);
      }
      String scope = raw.getString(BEARER_AUTH_SCOPE);
      builder.oauthClientCredentials(java.net.URI.create(endpoint.strip()), clientId.strip(),
          raw.getPassword(BEARER_AUTH_CLIENT_SECRET).value(), scope.isBlank() ? Optional.empty() : Optional.of(scope),
          Duration.ofSeconds(raw.getLong(BEARER_AUTH_CACHE_EXPIRY_BUFFER_SECONDS)));
    } else if (!token.isEmpty()) {
      builder.bearerToken(token);
    }
    if (!raw.getString(PROXY_HOST).isBlank()) {
      try {
        builder.proxy(raw.getString(PROXY_HOST).strip(), raw.getInt(PROXY_PORT), Optional.empty());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(PROXY_PORT, raw.getInt(PROXY_PORT), "give proxy.port with proxy.host: " + e.getMessage());
      }
    }
    if (!raw.getString(BEARER_AUTH_LOGICAL_CLUSTER).isBlank()) {
      builder.header("target-sr-cluster", raw.getString(BEARER_AUTH_LOGICAL_CLUSTER).strip());
    }
    if (!raw.getString(BEARER_AUTH_IDENTITY_POOL_ID).isBlank()) {
      builder.header("Confluent-Identity-Pool-Id", raw.getString(BEARER_AUTH_IDENTITY_POOL_ID).strip());
    }
    String trustStore = raw.getString(SSL_TRUSTSTORE_LOCATION);
    String keyStore = raw.getString(SSL_KEYSTORE_LOCATION);
    if (!trustStore.isEmpty() || !keyStore.isEmpty()) {
      String keyPassword = raw.getPassword(SSL_KEY_PASSWORD).value();
      try {
        builder.tls(trustStore.isEmpty() ? null : Path.of(trustStore),
            raw.getPassword(SSL_TRUSTSTORE_PASSWORD).value().toCharArray(), raw.getString(SSL_TRUSTSTORE_TYPE),
            keyStore.isEmpty() ? null : Path.of(keyStore),
            raw.getPassword(SSL_KEYSTORE_PASSWORD).value().toCharArray(), raw.getString(SSL_KEYSTORE_TYPE),
            keyPassword.isEmpty() ? null : keyPassword.toCharArray());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(trustStore.isEmpty() ? SSL_KEYSTORE_LOCATION : SSL_TRUSTSTORE_LOCATION,
            trustStore.isEmpty() ? keyStore : trustStore, e.getMessage());
      }
    }
    return builder.build();
  }
}
