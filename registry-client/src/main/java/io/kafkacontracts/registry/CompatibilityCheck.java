package io.kafkacontracts.registry;

import java.util.List;

/**
 * The registry's answer to a compatibility test.
 *
 * @param compatible whether the registry accepts the schema
 * @param messages   why not, when the registry says (Confluent does with {@code verbose=true};
 *                   Apicurio ignores {@code verbose} and gives none)
 */
public record CompatibilityCheck(boolean compatible, List<String> messages) {
  public CompatibilityCheck {
    messages = List.copyOf(messages);
  }
}
