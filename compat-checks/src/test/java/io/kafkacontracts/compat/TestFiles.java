package io.kafkacontracts.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the tests write into a temporary folder. */
public final class TestFiles {

  private TestFiles() {}

  /** Writes {@code text} to {@code relative} under {@code root}, making its folders. */
  public static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
