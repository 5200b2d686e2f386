package io.kafkacontracts.compat.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.compat.SchemaVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryBaselineTest {

  @TempDir
  Path root;

  private static final String ORDER =
      "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}";

  @Test
  void readsVersionsInNumericOrder() throws IOException {
    Path folder = Files.createDirectories(root.resolve("orders-value"));
    Files.writeString(folder.resolve("10.avsc"), ORDER);
    Files.writeString(folder.resolve("2.avsc"), ORDER);
    Files.writeString(folder.resolve("notes.txt"), "ignored");

    assertThat(new DirectoryBaseline(root).versions("orders-value", "Order"))
        .extracting(SchemaVersion::version).containsExactly(2, 10);
  }

  @Test
  void subjectsThatAreNotFileNamesAreStoredEncoded() throws IOException {
    String subject = "team/orders:v 1%";
    assertThat(DirectoryBaseline.folderName(subject)).isEqualTo("team%2Forders%3Av%201%25");
    Path folder = Files.createDirectories(root.resolve(DirectoryBaseline.folderName(subject)));
    Files.writeString(folder.resolve("1.avsc"), ORDER);

    assertThat(new DirectoryBaseline(root).versions(subject, "Order")).hasSize(1);
    assertThat(new DirectoryBaseline(root).versions("unknown", "Order")).isEmpty();
  }

  @Test
  void anInvalidFileNamesItself() throws IOException {
    Path folder = Files.createDirectories(root.resolve("orders-value"));
    Files.writeString(folder.resolve("1.avsc"), "{\"type\": \"record\"}");

    assertThatThrownBy(() -> new DirectoryBaseline(root).versions("orders-value", "Order"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("baseline file " + folder.resolve("1.avsc") + " is not a valid Avro schema: ");
  }

  @Test
  void aFileNamingATypeItDoesNotDefineNamesItself() throws IOException {
    // What a registry version that references another subject's type looks like, written as it is.
    Path folder = Files.createDirectories(root.resolve("orders-value"));
    Files.writeString(folder.resolve("1.avsc"), "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":"
        + "\"com.example\",\"fields\":[{\"name\":\"amount\",\"type\":\"com.example.Money\"}]}");

    assertThatThrownBy(() -> new DirectoryBaseline(root).versions("orders-value", "Order"))
        .isInstanceOf(IOException.class)
        .hasMessage("baseline file " + folder.resolve("1.avsc") + " is not a valid Avro schema: Undefined schema: "
            + "com.example.Money");
  }
}
