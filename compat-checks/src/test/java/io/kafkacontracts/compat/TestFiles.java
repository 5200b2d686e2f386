package io.kafkacontracts.compat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Files the tests write into a temporary folder, and the fixture folders they read. */
public final class TestFiles {

  private TestFiles() {}

  /** Writes {@code text} to {@code relative} under {@code root}, making its folders. */
  public static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** A folder of the test resources, e.g. {@code /rules}. */
  public static Path resourceFolder(String name) {
    try {
      return Path.of(TestFiles.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names of the folders in a folder, sorted: one fixture each. */
  public static List<String> folderNames(Path folder) throws IOException {
    try (Stream<Path> folders = Files.list(folder)) {
      return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A fixture's {@code expected.properties}. */
  public static Properties expected(Path fixture) throws IOException {
    Properties expected = new Properties();
    try (Reader in = Files.newBufferedReader(fixture.resolve("expected.properties"), StandardCharsets.UTF_8)) {
      expected.load(in);
    }
    return expected;
  }
}
