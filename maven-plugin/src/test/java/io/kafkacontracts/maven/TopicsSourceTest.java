package io.kafkacontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.compat.ContractsDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated Topics source for keys of every kind; the contract jar's own catalogue is tested in codegen. */
class TopicsSourceTest {

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
            key: {field: sensor, format: avro}
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
          - name: readings-plain
            description: Keyed by the sensor's text, as StringSerializer writes it (plain by default).
            value: com.example.Reading
            key: {field: sensor}
            valueSubject: readings legacy
            partitions: 1
            replication: 1
            retention: 1d
        """);
    ContractsDirectory directory = ContractsDirectory.load(contracts, Function.identity());
    assertThat(directory.problems()).isEmpty();

    String source = new TopicsSource("com.example.catalogue", "Topics").source(directory);

    assertThat(source).contains("""
          /**
           * Readings "by sensor".
           *
           * <p>Topic {@code 7days.readings}: 3 partitions, value {@code com.example.Reading} in subject {@code 7days.readings-value}, key in subject {@code 7days.readings-key}, compatibility BACKWARD.
           */
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
              Duration.parse("PT48H"),
              KeyFormat.AVRO,
              Optional.empty(),
              Optional.empty());
        """);
    assertThat(source).contains("public static final Topic<com.example.Reading, com.example.Reading> READINGS_BY_TYPE",
        "      Optional.empty(),\n      SubjectNameStrategy.RECORD_NAME,\n      SubjectNameStrategy.RECORD_NAME,");
    assertThat(source).contains("1 partition, value {@code com.example.Reading} in subject {@code readings_unkeyed-value}, "
        + "no key, compatibility BACKWARD.\n   */\n  public static final Topic<Void, com.example.Reading> READINGS_UNKEYED");
    // The same catalogue gives the same source.
    assertThat(new TopicsSource("com.example.catalogue", "Topics").source(
        ContractsDirectory.load(contracts, Function.identity()))).isEqualTo(source);
    assertThat(source).contains(
        "public static final List<Topic<?, ?>> ALL = List.of(TOPIC_7DAYS_READINGS, READINGS_BY_TYPE, READINGS_UNKEYED, "
            + "READINGS_PLAIN);");
    // A subject named outright is the serdes' too.
    assertThat(source).contains("in subject {@code readings legacy}, plain key, compatibility BACKWARD.",
        "      Duration.parse(\"PT24H\"),\n      KeyFormat.PLAIN,\n      Optional.empty(),\n"
            + "      Optional.of(\"readings legacy\"));\n\n  /** Every topic");
  }

  @Test
  void aPackageOrClassNameThatIsNotJavaIsRefused() {
    assertThatThrownBy(() -> new TopicsSource("com.example.1x", "Topics"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("'com.example.1x' is not a Java package name");
    assertThatThrownBy(() -> new TopicsSource("com.example", "class"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("'class' is not a Java class name");
  }

  @Test
  void theFileIsRewrittenOnlyWhenItChanges() throws IOException {
    Files.createDirectories(contracts.resolve("avro"));
    Files.writeString(contracts.resolve("avro/Reading.avsc"), "{\"type\":\"record\",\"name\":\"Reading\","
        + "\"doc\":\"A reading.\",\"fields\":[{\"name\":\"sensor\",\"type\":\"string\",\"doc\":\"Id.\"}]}");
    Files.writeString(contracts.resolve("contracts.yaml"),
        "topics:\n  - {name: r, description: R., value: Reading, partitions: 1, replication: 1, retention: 1d}\n");
    Path out = contracts.resolve("out");
    ContractsDirectory directory = ContractsDirectory.load(contracts, Function.identity());
    TopicsSource source = new TopicsSource("p", "Catalogue");

    Path file = source.write(directory, out);
    assertThat(file).isEqualTo(out.resolve("p/Catalogue.java"));
    assertThat(Files.readString(file)).contains("public final class Catalogue {", "  private Catalogue() {}");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
    source.write(directory, out);

    assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
  }
}
