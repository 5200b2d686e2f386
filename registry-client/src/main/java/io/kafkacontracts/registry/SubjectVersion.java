package io.kafkacontracts.registry;

import static java.util.Objects.requireNonNull;

/** A subject and one of its versions. */
public record SubjectVersion(String subject, int version) {
  public SubjectVersion {
    requireNonNull(subject, "subject == null");
  }
}
