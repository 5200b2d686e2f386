package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

/**
 * An earlier version of a subject's schema.
 *
 * @param version the subject's version number (1 is the first)
 * @param source  the schema and, when known, where it is written
 * @param name    how findings name it: "version 2", or where the number alone would mislead, more
 *                (a git baseline's "a1b2c3d (version 2 in git)")
 */
public record SchemaVersion(int version, SchemaSource source, String name) {
  public SchemaVersion {
    requireNonNull(source, "source == null");
    requireNonNull(name, "name == null");
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1: " + version);
    }
  }

  /** A version named by its number, as registries and directory baselines number them. */
  public SchemaVersion(int version, SchemaSource source) {
    this(version, source, "version " + version);
  }
}
