package io.kafkacontracts.compat.baseline;

import io.kafkacontracts.compat.SchemaVersion;
import java.io.IOException;
import java.util.List;

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

  /** Names the baseline in reports, e.g. "git origin/main (abc1234)". */
  String describe();
}
