package io.kafkacontracts.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stand-in registry for {@code check-timing.sh}: serves a directory baseline
 * ({@code <subject>/<version>.avsc}) as Confluent's listing ({@code GET /schemas}: every version,
 * by subject then version, in one page, then an empty page) and every subject's level, without
 * added latency, until killed. Prints its port.
 *
 * <pre>java -cp benchmarks.jar io.kafkacontracts.benchmarks.BulkRegistry &lt;baseline dir&gt; &lt;level&gt;</pre>
 */
public final class BulkRegistry {

  private BulkRegistry() {}

  public static void main(String[] args) throws Exception {
    Path baseline = Path.of(args[0]);
    List<Map<String, Object>> listing = new ArrayList<>();
    List<Path> subjects;
    try (Stream<Path> folders = Files.list(baseline)) {
      subjects = folders.sorted().toList();
    }
    for (Path subject : subjects) {
      List<Path> versions;
      try (Stream<Path> files = Files.list(subject)) {
        versions = files.sorted(Comparator.comparingInt(BulkRegistry::number)).toList();
      }
      for (Path version : versions) {
        listing.add(Map.of("subject", subject.getFileName().toString(), "version", number(version),
            "id", listing.size() + 1, "schema", Files.readString(version, StandardCharsets.UTF_8)));
      }
    }
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .containerThreads(64).disableRequestJournal().stubRequestLoggingDisabled(true));
    server.start();
    server.stubFor(get(urlPathEqualTo("/schemas")).withQueryParam("offset", WireMock.equalTo("0"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(new ObjectMapper().writeValueAsString(listing))));
    server.stubFor(get(urlPathEqualTo("/schemas")).withQueryParam("offset", WireMock.notMatching("0"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
    server.stubFor(get(urlPathMatching("/config/.*")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"compatibilityLevel\": \"" + args[1] + "\"}")));
    System.out.println(server.port());
  }

  private static int number(Path version) {
    return Integer.parseInt(version.getFileName().toString().replace(".avsc", ""));
  }
}
