package io.kafkacontracts.contracts;

import io.kafkacontracts.compat.ContractsDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The repository's contracts directory, loaded once for all tests of this module. */
final class Contracts {

  /** Set by the build (surefire) to the folder the classes were generated from. */
  static final Path DIRECTORY = Path.of(System.getProperty("contracts.directory", "../schemas"));

  private static ContractsDirectory loaded;

  private Contracts() {}

  static synchronized ContractsDirectory load() {
    if (loaded == null) {
      try {
        loaded = ContractsDirectory.load(DIRECTORY, p -> p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loaded;
  }
}
