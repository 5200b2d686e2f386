package io.kafkacontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.catalogue.Catalogue;
import io.kafkacontracts.compat.catalogue.TopicContract;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** contracts.yaml covers every topic the seed documents name, each with a schema that exists. */
class CatalogueTest {

  /** Every topic named by the seed documents in ../shared/seeds (see README.md, "Contracts"). */
  private static final List<String> SEED_TOPICS = List.of(
      // 003: the data pipeline's topic table
      "connector.data.raw", "bronze.data.cleaned", "silver.data.processed", "gold.data.ready",
      "rules.alerts.triggered", "config.changes", "etl.execution", "audit.events",
      // 002: the analysis platform
      "tda_jobs", "tda_results", "tda_events", "tda_monitoring",
      // 001: the business domains
      "customer-user-events", "customer-sessions", "editorial-content-events", "editorial-articles",
      "company-internal-content-events", "security-events", "compliance-events", "audit-logs",
      "quality-metrics", "model-predictions",
      // 000: machine telemetry (the seed names no topic; this is ours)
      "machine.telemetry");

  private final Catalogue catalogue = Contracts.load().catalogue();

  @Test
  void theCatalogueIsValid() {
    assertThat(Contracts.load().problems()).isEmpty();
  }

  @Test
  void coversEveryTopicOfTheSeedsAndNoOther() {
    assertThat(catalogue.topics()).extracting(TopicContract::name).containsExactlyInAnyOrderElementsOf(SEED_TOPICS);
  }

  @Test
  void everyValueSchemaHasAGeneratedRecordClass() throws ClassNotFoundException {
    for (TopicContract topic : catalogue.topics()) {
      assertThat(Class.forName(topic.valueType())).as(topic.name()).isAssignableTo(SpecificRecord.class);
    }
  }

  @Test
  void thePipelineTopicsKeepTheSeedsSettings() {
    TopicContract raw = catalogue.topic("connector.data.raw").orElseThrow();
    assertThat(raw.partitions()).isEqualTo(12);
    assertThat(raw.replication()).isEqualTo(3);
    assertThat(raw.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(raw.valueSubject()).isEqualTo("connector.data.raw-value");
    // Keyed by metadata.org_id, a long: plain by default, as the seeds' producers write it; no subject.
    assertThat(raw.key().format()).isEqualTo(io.kafkacontracts.compat.catalogue.KeyFormat.PLAIN);
    assertThat(raw.keySubject()).isEmpty();
    assertThat(raw.deadLetter()).hasValueSatisfying(dlq -> {
      assertThat(dlq.name()).isEqualTo("connector.data.raw.dlq");
      assertThat(dlq.retention()).isEqualTo(Duration.ofDays(14));
    });
    assertThat(catalogue.topic("audit.events").orElseThrow().retention()).isEqualTo(Duration.ofDays(90));
    assertThat(catalogue.topic("tda_events").orElseThrow().retention()).isEqualTo(Duration.ofHours(24));
    assertThat(catalogue.topics()).allSatisfy(topic ->
        assertThat(topic.compatibility().name()).isEqualTo("BACKWARD"));
  }
}
