package io.kafkacontracts.serde.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.ContractsDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated Topics source for keys of every kind; the contract jar's own catalogue is tested in codegen. */
class GenerateTopicsTest {

  @TempDir
  Path contracts;

  @Test
  void keysFromAFieldATypeOrNothing() throws IOException {
    Files.createDirectories(contracts.resolve("avro"));
    Files.writeString(contracts.resolve("avro/Reading.avsc"), "{\"type\":\"record\",\"name\":\"Reading\","
        + "\"namespace\":\"com.example\",\"doc\":\"A reading.\",\"fields\":[{\"name\":\"sensor\",\"doc\":\"Id.\","
        + "\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}}]}");
    Files.writeString(contracts.resolve("contracts.yaml"), """
        topics:
          - name: 7days.readings
            description: Readings "by sensor".
            value: com.example.Reading
            key: {field: sensor}
            partitions: 3
            replication: 1
            retention: 2d
            deadLetter: true
          - name: readings-by-type
            description: Keyed by a record.
            value: com.example.Reading
            key: {type: com.example.Reading}
            subjectNameStrategy: RecordNameStrategy
            partitions: 1
            replication: 1
            retention: 1d
          - name: readings_unkeyed
            description: No key.
            value: com.example.Reading
            partitions: 1
            replication: 1
            retention: 1d
        """);
    ContractsDirectory directory = ContractsDirectory.load(contracts, Function.identity());
    assertThat(directory.problems()).isEmpty();

    String source = GenerateTopics.source(directory, "com.example.catalogue");

    assertThat(source).contains("""
          /** Readings "by sensor". */
          public static final Topic<String, com.example.Reading> TOPIC_7DAYS_READINGS = new Topic<>(
              "7days.readings",
              String.class,
              com.example.Reading.class,
              Optional.of("sensor"),
              SubjectNameStrategy.TOPIC_NAME,
              SubjectNameStrategy.TOPIC_NAME,
              Optional.of("7days.readings.dlq"),
              3,
              (short) 1,
              Duration.parse("PT48H"));
        """);
    assertThat(source).contains("public static final Topic<com.example.Reading, com.example.Reading> READINGS_BY_TYPE",
        "      Optional.empty(),\n      SubjectNameStrategy.RECORD_NAME,\n      SubjectNameStrategy.RECORD_NAME,");
    assertThat(source).contains("public static final Topic<Void, com.example.Reading> READINGS_UNKEYED");
    assertThat(source).contains(
        "public static final List<Topic<?, ?>> ALL = List.of(TOPIC_7DAYS_READINGS, READINGS_BY_TYPE, READINGS_UNKEYED);");
  }

  @Test
  void theFileIsRewrittenOnlyWhenItChanges() throws IOException {
    Files.createDirectories(contracts.resolve("avro"));
    Files.writeString(contracts.resolve("avro/Reading.avsc"), "{\"type\":\"record\",\"name\":\"Reading\","
        + "\"doc\":\"A reading.\",\"fields\":[{\"name\":\"sensor\",\"type\":\"string\",\"doc\":\"Id.\"}]}");
    Files.writeString(contracts.resolve("contracts.yaml"),
        "topics:\n  - {name: r, description: R., value: Reading, partitions: 1, replication: 1, retention: 1d}\n");
    Path out = contracts.resolve("out");
    String[] args = {contracts.toString(), out.toString(), "p"};

    GenerateTopics.main(args);
    Path file = out.resolve("p/Topics.java");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
    GenerateTopics.main(args);

    assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
  }
}
