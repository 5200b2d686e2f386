package io.kafkacontracts.compat.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue ({@code schemas/contracts.yaml}): the single source of truth for topic and
 * subject names. Read and validated by {@link CatalogueReader}. Immutable.
 *
 * @param topics every topic, in the order the file lists them
 */
public record Catalogue(List<TopicContract> topics) {

  public Catalogue {
    topics = List.copyOf(requireNonNull(topics, "topics == null"));
  }

  public Optional<TopicContract> topic(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
