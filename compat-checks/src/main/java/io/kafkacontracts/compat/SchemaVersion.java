package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

/**
 * An earlier version of a subject's schema.
 *
 * @param version the subject's version number (1 is the first)
 * @param source  the schema and, when known, where it is written
 */
public record SchemaVersion(int version, SchemaSource source) {
  public SchemaVersion {
    requireNonNull(source, "source == null");
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1: " + version);
    }
  }
}
