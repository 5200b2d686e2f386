package io.kafkacontracts.serde;

import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryClientBuilder;
import java.nio.file.Path;
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
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
  public static final String USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
  /** Ours, not Confluent's: how deep records may nest in data read (recursive schemas only). */
  public static final String MAX_NESTING_DEPTH = "avro.max.nesting.depth";

  private static final ConfigDef.Validator STRATEGY = (name, value) -> {
    if (value == null || SubjectNameStrategy.named(value.toString().strip()).isEmpty()) {
      throw new ConfigException(name, value, "expected TopicNameStrategy, RecordNameStrategy or "
          + "TopicRecordNameStrategy (simple or Confluent's full class name)");
    }
  };

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
      .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, "STATIC_TOKEN", ConfigDef.ValidString.in("STATIC_TOKEN"),
          Importance.MEDIUM, "Where the bearer token comes from: STATIC_TOKEN (bearer.auth.token).")
      .define(BEARER_AUTH_TOKEN, Type.PASSWORD, "", Importance.MEDIUM, "The bearer token sent to the registry.")
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
      .define(MAX_NESTING_DEPTH, Type.INT, 100, ConfigDef.Range.between(1, 10_000), Importance.LOW,
          "How deep records of a recursive schema may nest in data read; deeper data is refused.");

  private final List<String> urls;
  private final boolean autoRegister;
  private final boolean useLatestVersion;
  private final boolean latestCompatibilityStrict;
  private final boolean normalize;
  private final SubjectNameStrategy keyStrategy;
  private final SubjectNameStrategy valueStrategy;
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
    this.specificReader = raw.getBoolean(SPECIFIC_AVRO_READER);
    this.logicalTypeConverters = raw.getBoolean(USE_LOGICAL_TYPE_CONVERTERS);
    this.maxNestingDepth = raw.getInt(MAX_NESTING_DEPTH);
  }

  /** Reads a Kafka client's config map; keys the serdes do not know are ignored. */
  public static SerdeConfig parse(Map<String, ?> configs) {
    return new SerdeConfig(new AbstractConfig(DEFINITION, configs, false));
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

  public SubjectNameStrategy strategy(boolean isKey) {
    return isKey ? keyStrategy : valueStrategy;
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
      if (!userInfo.contains(":")) {
        throw new ConfigException(BASIC_AUTH_USER_INFO + " must be user:password when "
            + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO");
      }
      builder.basicAuth(userInfo);
    }
    String token = raw.getPassword(BEARER_AUTH_TOKEN).value();
    if (!token.isEmpty()) {
      builder.bearerToken(token);
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
