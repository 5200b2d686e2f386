package io.kafkacontracts.compat;

import java.util.Arrays;
import java.util.Optional;

/**
 * Confluent Schema Registry's seven compatibility levels, with the same names and meanings.
 *
 * <ul>
 *   <li>BACKWARD: the candidate, as reader, reads data written with the latest earlier version.
 *   <li>FORWARD: the latest earlier version, as reader, reads data written with the candidate.
 *   <li>FULL: both.
 *   <li>*_TRANSITIVE: the same against every earlier version, not just the latest.
 *   <li>NONE: no check.
 * </ul>
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** Whether the candidate must read data written with earlier versions. */
  public boolean backward() {
    return backward;
  }

  /** Whether earlier versions must read data written with the candidate. */
  public boolean forward() {
    return forward;
  }

  /** Whether every earlier version is checked, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /**
   * Whether this level drops a guarantee {@code earlier} gave: a direction it checked, or the
   * check against every version rather than the latest. BACKWARD to FULL is not a relaxation;
   * BACKWARD_TRANSITIVE to FULL is (older versions are no longer checked).
   */
  public boolean relaxes(CompatibilityLevel earlier) {
    return (earlier.backward && !backward) || (earlier.forward && !forward) || (earlier.transitive && !transitive);
  }

  /** The weakest level that gives every guarantee of both this level and {@code other}. */
  public CompatibilityLevel combinedWith(CompatibilityLevel other) {
    boolean b = backward || other.backward;
    boolean f = forward || other.forward;
    boolean t = transitive || other.transitive;
    return Arrays.stream(values()).filter(level -> level.backward == b && level.forward == f
        && level.transitive == (t && (b || f))).findFirst().orElseThrow();
  }

  /** The level with exactly this name (case-sensitive, as the registry spells it). */
  public static Optional<CompatibilityLevel> named(String name) {
    return Arrays.stream(values()).filter(level -> level.name().equals(name)).findFirst();
  }
}
