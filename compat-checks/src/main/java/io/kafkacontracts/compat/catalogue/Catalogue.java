package io.kafkacontracts.compat.catalogue;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.lint.LintConfig;
import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue ({@code schemas/contracts.yaml}): the single source of truth for topic and
 * subject names. Read and validated by {@link CatalogueReader}. Immutable.
 *
 * @param topics every topic, in the order the file lists them
 * @param lint   the schema lint rules the repository chose ({@code lint:}), MINIMAL when it says nothing
 */
public record Catalogue(List<TopicContract> topics, LintConfig lint) {

  public Catalogue {
    topics = List.copyOf(requireNonNull(topics, "topics == null"));
    requireNonNull(lint, "lint == null");
  }

  /** Topics and the default lint rules. */
  public static Catalogue of(List<TopicContract> topics) {
    return new Catalogue(topics, LintConfig.DEFAULT);
  }

  public Optional<TopicContract> topic(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
