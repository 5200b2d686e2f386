package io.kafkacontracts.compat.baseline;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.catalogue.TopicContract;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a subject's earlier versions come from: git history, a directory of downloaded versions,
 * or (in the Maven plugin) a live registry. Implementations say in their javadoc whether they are
 * thread-safe.
 */
public interface Baseline {

  /**
   * The earlier versions of a subject, oldest first; empty when the subject is new.
   *
   * @param subject  the subject, e.g. {@code orders-value}
   * @param typeName the full name of the subject's schema in the candidate, for baselines that
   *                 find versions by type rather than by subject (git)
   */
  List<SchemaVersion> versions(String subject, String typeName) throws IOException;

  /**
   * The level the subject was held to in the baseline (the earlier catalogue's, or the registry's),
   * so that a candidate cannot relax it unnoticed; empty where the baseline does not know one.
   */
  default Optional<CompatibilityLevel> level(String subject) throws IOException {
    return Optional.empty();
  }

  /**
   * The baseline's topic catalogue, for the topic rules (partitions, replication, retention, removed
   * topics); empty where the baseline holds no catalogue (a directory or a registry baseline).
   */
  default Optional<List<TopicContract>> topics() throws IOException {
    return Optional.empty();
  }

  /** Names the baseline in reports, e.g. "git origin/main (abc1234)". */
  String describe();
}
