package io.kafkacontracts.compat;

/**
 * Every compatibility rule, with its stable id (the constant's name) and what it checks. The ids
 * appear in reports and in the accepted-breaks list, so they never change once released.
 */
public enum Rule {
  FIELD_ADDED_WITHOUT_DEFAULT("Checks that a field the reader has and the writer lacks has a default."),
  FIELD_REMOVED_WITHOUT_DEFAULT("Checks that a field dropped from the candidate had a default in the version that reads it."),
  FIELD_TYPE_CHANGED("Checks that a field's type can be resolved from the writer's type (same type or an Avro promotion)."),
  FIELD_ALIAS_AMBIGUOUS("Checks that a reader field's name and aliases match at most one writer field."),
  ENUM_SYMBOL_REMOVED("Checks that the candidate keeps every enum symbol earlier data may hold, unless the enum has a default."),
  ENUM_SYMBOL_ADDED("Checks that earlier readers know every symbol the candidate may write, unless their enum has a default."),
  UNION_BRANCH_REMOVED("Checks that the candidate's union still has a branch for every branch earlier data may hold."),
  UNION_BRANCH_ADDED("Checks that earlier readers' unions have a branch for every branch the candidate may write."),
  FIXED_SIZE_CHANGED("Checks that a fixed type keeps its size."),
  NAME_CHANGED("Checks that a named type keeps its full name, or lists the old one among its aliases."),
  DECIMAL_SCALE_CHANGED("Checks that a decimal keeps its scale: Avro would read 12.34 as 1.234 (stricter than Avro)."),
  DECIMAL_PRECISION_DECREASED("Checks that a decimal's precision does not shrink for its reader (stricter than Avro)."),
  LEVEL_RELAXED("Checks that a subject's compatibility level keeps every guarantee of its level in the baseline."),
  INCOMPATIBLE("Any other incompatibility Avro reports; the message is Avro's."),
  TOPIC_PARTITIONS_DECREASED("Checks that a topic keeps at least its partitions: Kafka cannot remove partitions."),
  TOPIC_REPLICATION_CHANGED("Checks that a topic keeps its replication factor, which only a partition reassignment "
      + "changes."),
  TOPIC_PARTITIONS_INCREASED_KEYED("Checks that a keyed topic gains partitions only where its entry says "
      + "allowPartitionIncrease: keys move to other partitions, and their order across the change is lost."),
  TOPIC_RETENTION_BELOW_DEAD_LETTER("Checks that a topic's retention is not shortened below its dead-letter "
      + "topic's: a failed record would outlive the records it must be replayed beside."),
  TOPIC_REMOVED_WITH_CONSUMERS("Checks that a topic with consumer groups listed stays in the catalogue until its "
      + "consumers are gone."),
  KEY_ADDED("Checks that a topic whose records had no key keeps none: keyed records land on other partitions "
      + "than the keyless ones, and consumers reading keys find none in older records."),
  KEY_REMOVED("Checks that a keyed topic keeps its key: consumers relying on keys (and per-key order, "
      + "compaction) lose them."),
  KEY_FORMAT_CHANGED("Checks that a key keeps its format (plain, as Kafka's own serializers write it, or framed "
      + "in Avro under a key subject): each key's bytes change, so it lands on another partition and readers "
      + "of the old format misread it."),
  KEY_TYPE_CHANGED("Checks that a plain key keeps its type: each key's bytes change, so it lands on another "
      + "partition and readers deserialize it wrongly."),
  KEY_FIELD_CHANGED("Checks that a key keeps coming from the same field of the value: records of one entity "
      + "then land on other partitions, and their order across the change is lost."),
  ENUM_SYMBOL_READ_AS_DEFAULT(Severity.WARNING, "Warns where the candidate drops enum symbols earlier data may hold "
      + "and its enum default stands in for them: that data silently reads as the default."),
  FIELD_DEFAULT_CHANGED(Severity.WARNING, "Warns where a field's default changes: readers of data lacking the field "
      + "now see another value.");

  private final Severity severity;
  private final String purpose;

  Rule(String purpose) {
    this(Severity.ERROR, purpose);
  }

  Rule(Severity severity, String purpose) {
    this.severity = severity;
    this.purpose = purpose;
  }

  /** Whether a finding of this rule fails the gate. */
  public Severity severity() {
    return severity;
  }

  /** One line, "Checks that ..." (errors) or "Warns where ..." (warnings). */
  public String purpose() {
    return purpose;
  }
}
