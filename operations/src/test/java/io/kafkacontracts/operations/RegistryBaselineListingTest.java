package io.kafkacontracts.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry baseline from Confluent's bulk listing ({@code GET /schemas}), stubbed as Confluent
 * documents it (fields, order by subject then version, offset/limit paging, an empty list at the
 * end), and its fallback to one request per version where a registry cannot list; and
 * registration's inspection from the same listing.
 */
class RegistryBaselineListingTest {

  @RegisterExtension
  static WireMockExtension registry = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static String order(int version) {
    StringBuilder fields = new StringBuilder("{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}");
    for (int i = 2; i <= version; i++) {
      fields.append(",{\\\"name\\\":\\\"f").append(i).append("\\\",\\\"type\\\":\\\"int\\\",\\\"default\\\":0}");
    }
    return "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Order\\\",\\\"fields\\\":[" + fields + "]}";
  }

  /** One entry as Confluent lists it: subject, version, id, schema (schemaType only for non-Avro). */
  private static String entry(String subject, int version, int id) {
    return "{\"subject\":\"" + subject + "\",\"version\":" + version + ",\"id\":" + id + ",\"schema\":\""
        + order(version) + "\"}";
  }

  private static void levels(String level) {
    registry.stubFor(get(urlPathMatching("/config/.*")).willReturn(okJson("{\"compatibilityLevel\":\"" + level + "\"}")));
  }

  private static Map<String, List<SchemaVersion>> fetch(RegistryBaseline baseline, Map<String, CompatibilityLevel> levels)
      throws Exception {
    baseline.fetchAhead(levels, 8);
    Map<String, List<SchemaVersion>> versions = new LinkedHashMap<>();
    for (String subject : levels.keySet()) {
      versions.put(subject, baseline.versions(subject, "Order"));
    }
    return versions;
  }

  private static SchemaRegistryClient client() {
    return SchemaRegistryClient.builder().baseUrls("http://127.0.0.1:" + registry.getPort())
        .retries(2, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(5)).build();
  }

  @Test
  void theWholeBaselineComesFromTheListingPagedUntilAnEmptyPage() throws Exception {
    levels("BACKWARD");
    // A registry capping pages at 2 entries although 1000 were asked for: paged until an empty page.
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=orders.&latestOnly=false&offset=0&limit=1000"))
        .willReturn(okJson("[" + entry("orders.a-value", 1, 1) + "," + entry("orders.a-value", 2, 2) + "]")));
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=orders.&latestOnly=false&offset=1000&limit=1000"))
        .willReturn(okJson("[" + entry("orders.a-value", 3, 3) + "," + entry("orders.b-value", 1, 4) + "]")));
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=orders.&latestOnly=false&offset=2000&limit=1000"))
        .willReturn(okJson("[]")));

    try (SchemaRegistryClient client = client(); RegistryBaseline baseline = new RegistryBaseline(client, "registry")) {
      Map<String, List<SchemaVersion>> versions = fetch(baseline, Map.of(
          "orders.a-value", CompatibilityLevel.BACKWARD_TRANSITIVE, "orders.b-value", CompatibilityLevel.BACKWARD));

      assertThat(versions.get("orders.a-value")).extracting(SchemaVersion::version).containsExactly(1, 2, 3);
      assertThat(versions.get("orders.a-value").get(2).source().schema().getFields()).hasSize(3);
      assertThat(versions.get("orders.b-value")).extracting(SchemaVersion::version).containsExactly(1);
      assertThat(baseline.listing()).isEqualTo("yes: 4 versions in 3 requests (subjectPrefix 'orders.')");
    }
    // Only levels besides the listing: no version is fetched by itself.
    registry.verify(0, getRequestedFor(urlPathMatching("/subjects/.*")));
  }

  @Test
  void aListingWithoutAnAnswerFailsAsSuchInsteadOfAskingEachVersionAgain() {
    levels("BACKWARD");
    registry.stubFor(get(urlPathEqualTo("/schemas")).willReturn(aResponse().withStatus(503)));

    try (SchemaRegistryClient client = client(); RegistryBaseline baseline = new RegistryBaseline(client, "registry")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> fetch(baseline, Map.of("orders-value",
          CompatibilityLevel.BACKWARD))).hasMessageContaining("GET /schemas").hasMessageContaining("503");
      assertThat(baseline.listing()).startsWith("no: the listing failed: GET /schemas");
    }
    registry.verify(0, getRequestedFor(urlPathMatching("/subjects/.*")));
    // Three attempts of the listing (two retries), then nothing more.
    registry.verify(3, getRequestedFor(urlPathEqualTo("/schemas")));
  }

  @Test
  void aListingWithoutSubjectAndVersionIsNotUsedAndEachVersionIsFetched() throws Exception {
    levels("BACKWARD");
    // Apicurio's answer: schemas without subject and version.
    registry.stubFor(get(urlPathEqualTo("/schemas")).willReturn(okJson("[{\"id\":1,\"schema\":\"" + order(1) + "\"}]")));
    registry.stubFor(get(urlEqualTo("/subjects/orders-value/versions/latest"))
        .willReturn(okJson(entry("orders-value", 1, 1))));

    try (SchemaRegistryClient client = client(); RegistryBaseline baseline = new RegistryBaseline(client, "registry")) {
      assertThat(fetch(baseline, Map.of("orders-value", CompatibilityLevel.BACKWARD)).get("orders-value"))
          .extracting(SchemaVersion::version).containsExactly(1);
      assertThat(baseline.listing()).isEqualTo("no: its GET /schemas names no subject and version; each version is "
          + "fetched by itself");
    }
  }

  @Test
  void aRegistryWithoutTheListingOrWithAListingThatRepeatsItselfFallsBack() throws Exception {
    levels("BACKWARD");
    registry.stubFor(get(urlPathEqualTo("/schemas")).willReturn(notFound()));
    registry.stubFor(get(urlEqualTo("/subjects/orders-value/versions/latest"))
        .willReturn(okJson(entry("orders-value", 2, 2))));
    try (SchemaRegistryClient client = client(); RegistryBaseline baseline = new RegistryBaseline(client, "registry")) {
      assertThat(fetch(baseline, Map.of("orders-value", CompatibilityLevel.BACKWARD)).get("orders-value"))
          .extracting(SchemaVersion::version).containsExactly(2);
      assertThat(baseline.listing()).isEqualTo("no: it has no GET /schemas (404); each version is fetched by itself");
    }

    // A registry that ignores offset: the same page again is a contradiction, not more versions.
    registry.resetAll();
    levels("BACKWARD");
    registry.stubFor(get(urlPathEqualTo("/schemas")).willReturn(okJson("[" + entry("orders-value", 1, 1) + "]")));
    registry.stubFor(get(urlEqualTo("/subjects/orders-value/versions/latest"))
        .willReturn(okJson(entry("orders-value", 1, 1))));
    try (SchemaRegistryClient client = client(); RegistryBaseline baseline = new RegistryBaseline(client, "registry")) {
      assertThat(fetch(baseline, Map.of("orders-value", CompatibilityLevel.BACKWARD)).get("orders-value"))
          .extracting(SchemaVersion::version).containsExactly(1);
      assertThat(baseline.listing()).startsWith("no: its listing holds orders-value version 1 twice");
    }
  }

  @Test
  void downloadWritesEveryVersionFromTheListing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
      throws Exception {
    registry.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[\"orders-value\",\"payments-value\"]")));
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=&latestOnly=false&offset=0&limit=1000"))
        .willReturn(okJson("[" + entry("orders-value", 1, 1) + "," + entry("orders-value", 2, 2) + ","
            + entry("payments-value", 1, 3) + "]")));
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=&latestOnly=false&offset=1000&limit=1000"))
        .willReturn(okJson("[]")));

    Download.Result result;
    try (SchemaRegistryClient client = client()) {
      result = Download.run(client, java.util.regex.Pattern.compile(".*"), directory);
    }

    assertThat(result.files()).isEqualTo(3);
    assertThat(result.listing()).isEqualTo("yes: 3 versions in 2 requests (subjectPrefix '')");
    assertThat(directory.resolve("orders-value/2.avsc")).content().contains("\"f2\"");
    registry.verify(0, getRequestedFor(urlPathMatching("/subjects/.+")));
  }

  @Test
  void downloadReadsTheSchemasAVersionReferencesFromTheListingToo(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path directory) throws Exception {
    String money = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Money\\\",\\\"namespace\\\":\\\"com.example\\\","
        + "\\\"fields\\\":[{\\\"name\\\":\\\"cents\\\",\\\"type\\\":\\\"long\\\"}]}";
    String payment = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Payment\\\",\\\"namespace\\\":\\\"com.example\\\","
        + "\\\"fields\\\":[{\\\"name\\\":\\\"amount\\\",\\\"type\\\":\\\"com.example.Money\\\"}]}";
    registry.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[\"com.example.Money\",\"payments-value\"]")));
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=&latestOnly=false&offset=0&limit=1000"))
        .willReturn(okJson("[{\"subject\":\"com.example.Money\",\"version\":1,\"id\":1,\"schema\":\"" + money + "\"},"
            + "{\"subject\":\"payments-value\",\"version\":1,\"id\":2,\"schema\":\"" + payment + "\",\"references\":"
            + "[{\"name\":\"com.example.Money\",\"subject\":\"com.example.Money\",\"version\":1}]}]")));
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=&latestOnly=false&offset=1000&limit=1000"))
        .willReturn(okJson("[]")));

    try (SchemaRegistryClient client = client()) {
      Download.run(client, java.util.regex.Pattern.compile(".*"), directory);
    }

    // The referenced type written in, read from the listing: no version asked for by itself.
    assertThat(directory.resolve("payments-value/1.avsc")).content().contains("\"Money\"", "\"cents\"");
    registry.verify(0, getRequestedFor(urlPathMatching("/subjects/.+")));
  }

  @Test
  void registrationFindsUnchangedSchemasInTheListingAndLooksUpOnlyTheOthers() {
    levels("BACKWARD");
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=orders.&latestOnly=false&offset=0&limit=1000"))
        .willReturn(okJson("[" + entry("orders.a-value", 1, 1) + "," + entry("orders.a-value", 2, 2) + ","
            + entry("orders.b-value", 1, 3) + "]")));
    registry.stubFor(get(urlEqualTo("/schemas?subjectPrefix=orders.&latestOnly=false&offset=1000&limit=1000"))
        .willReturn(okJson("[]")));
    // Not the text of any listed version: only the registry can say whether it is the same schema.
    registry.stubFor(post(urlPathEqualTo("/subjects/orders.b-value")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error_code\":40403,\"message\":\"Schema not found\"}")));
    String version2 = order(2).replace("\\\"", "\"");

    List<Registration.Current> inspected;
    try (SchemaRegistryClient client = client()) {
      inspected = Registration.inspect(client, List.of(
          new Registration.Candidate("orders.a-value", version2, CompatibilityLevel.BACKWARD),
          new Registration.Candidate("orders.b-value", version2, CompatibilityLevel.BACKWARD),
          new Registration.Candidate("orders.c-value", version2, CompatibilityLevel.BACKWARD)), 4);
    }

    assertThat(inspected).extracting(current -> current.candidate().subject(), Registration.Current::nextVersion,
            current -> current.found().map(found -> found.version() + " (id " + found.id() + ")").orElse("none"))
        .containsExactly(tuple("orders.a-value", 3, "2 (id 2)"), tuple("orders.b-value", 2, "none"),
            tuple("orders.c-value", 1, "none"));
    // One lookup, for the edited subject; no subject's versions asked for by itself.
    registry.verify(1, postRequestedFor(urlPathEqualTo("/subjects/orders.b-value")));
    registry.verify(0, postRequestedFor(urlPathEqualTo("/subjects/orders.a-value")));
    registry.verify(0, postRequestedFor(urlPathEqualTo("/subjects/orders.c-value")));
    registry.verify(0, getRequestedFor(urlPathMatching("/subjects/.*")));
  }

  @Test
  void theListingAsksForTheSubjectsLongestCommonPrefix() {
    assertThat(RegistryListing.commonPrefix(List.of("orders-value", "orders-key", "ord"))).isEqualTo("ord");
    assertThat(RegistryListing.commonPrefix(List.of("a-value", "b-value"))).isEmpty();
  }
}
