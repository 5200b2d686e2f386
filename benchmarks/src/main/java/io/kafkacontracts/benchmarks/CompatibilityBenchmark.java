package io.kafkacontracts.benchmarks;

import io.kafkacontracts.compat.CompatibilityEngine;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The gate's in-process cost: 500 subjects × 20 earlier versions, BACKWARD_TRANSITIVE, so 10,000
 * reader/writer pairs per operation, judged by the engine and by bare
 * {@link SchemaCompatibility} in the same run. Divide an operation's time by 10,000 for the time
 * per pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompatibilityBenchmark {

  @Param("500")
  int subjects;

  @Param("20")
  int versions;

  private final CompatibilityEngine engine = new CompatibilityEngine();
  private List<SchemaSource> candidates;
  private List<List<SchemaVersion>> histories;

  @Setup
  public void setUp() {
    candidates = new ArrayList<>();
    histories = new ArrayList<>();
    for (int s = 0; s < subjects; s++) {
      List<SchemaVersion> history = new ArrayList<>();
      for (int v = 1; v <= versions; v++) {
        history.add(new SchemaVersion(v, SchemaSource.of(RealisticSchemas.version(s, v))));
      }
      histories.add(history);
      candidates.add(SchemaSource.of(RealisticSchemas.version(s, versions + 1)));
    }
  }

  @Benchmark
  public int engineTransitive() {
    int violations = 0;
    for (int s = 0; s < subjects; s++) {
      CompatibilityReport report = engine.check("subject-" + s + "-value", candidates.get(s), histories.get(s),
          CompatibilityLevel.BACKWARD_TRANSITIVE);
      violations += report.violations().size();
    }
    return violations;
  }

  @Benchmark
  public void bareAvroTransitive(Blackhole hole) {
    for (int s = 0; s < subjects; s++) {
      Schema reader = candidates.get(s).schema();
      for (SchemaVersion version : histories.get(s)) {
        hole.consume(SchemaCompatibility.checkReaderWriterCompatibility(reader, version.source().schema()).getType());
      }
    }
  }
}
