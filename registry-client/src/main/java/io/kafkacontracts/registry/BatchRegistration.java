package io.kafkacontracts.registry;

import java.util.Map;

/**
 * What a batch registration gave, subject by subject: the ids of those registered (or found
 * already registered) and the failure of each that was not. Immutable.
 *
 * @param ids      subject → schema id
 * @param failures subject → why it was not registered
 */
public record BatchRegistration(Map<String, Integer> ids, Map<String, SchemaRegistryException> failures) {
  public BatchRegistration {
    ids = Map.copyOf(ids);
    failures = Map.copyOf(failures);
  }

  public boolean succeeded() {
    return failures.isEmpty();
  }
}
