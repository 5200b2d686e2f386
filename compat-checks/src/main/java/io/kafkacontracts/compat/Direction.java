package io.kafkacontracts.compat;

/** Which way data flows in one reader/writer check. */
public enum Direction {
  /** The candidate reads data written with an earlier version. */
  BACKWARD,
  /** An earlier version reads data written with the candidate. */
  FORWARD
}
