package io.kafkacontracts.compat.lint;

import io.kafkacontracts.compat.Severity;

/**
 * The schema lint's rules, each with a stable id (the constant's name), a category, a severity and
 * its purpose. Chosen per repository in the {@code lint:} section of {@code contracts.yaml}, as
 * {@code buf lint} chooses Protobuf rules: {@code use} categories or rule ids, {@code except} rule
 * ids, {@code ignore} files or folders, {@code ignoreOnly} a rule for some files. What Avro itself
 * refuses is not lint: it is always an error ({@link SchemaFolder}).
 */
public enum LintRule {
  UNION_DEFAULT_NOT_FIRST_BRANCH(Category.MINIMAL, Severity.WARNING,
      "Warns where a union's default matches a branch other than the first: Avro 1.12 accepts it, Avro 1.11 and "
          + "earlier and other languages' libraries reject the schema."),
  TYPE_NAME_PASCAL_CASE(Category.STANDARD, Severity.ERROR,
      "Checks that record, enum and fixed names are PascalCase, as the Java classes generated from them."),
  FIELD_NAME_CASE(Category.STANDARD, Severity.ERROR,
      "Checks that field names follow the repository's case: camelCase (the default) or snake_case "
          + "(lint.fieldCase)."),
  ENUM_SYMBOL_UPPER_SNAKE_CASE(Category.STANDARD, Severity.ERROR,
      "Checks that enum symbols are UPPER_SNAKE_CASE."),
  NAMESPACE_MATCHES_FOLDER(Category.STANDARD, Severity.ERROR,
      "Checks that a file's type is named like the file and that its namespace ends with the file's folder under "
          + "avro/ (avro/shop/Order.avsc: com.example.shop.Order), so a type is found where its name says."),
  RECORD_DOC(Category.STANDARD, Severity.WARNING,
      "Warns where a record has no doc: consumers read the contract, not the producer's code."),
  FIELD_DOC(Category.STANDARD, Severity.WARNING,
      "Warns where a field has no doc."),
  OPTIONAL_FIELD_NULL_FIRST(Category.STANDARD, Severity.ERROR,
      "Checks that a field whose type includes null is [\"null\", T] with default null: readers of data without "
          + "it get null, and every Avro library accepts the default."),
  ENUM_DEFAULT(Category.STANDARD, Severity.ERROR,
      "Checks that every enum has a default symbol, so it may grow: readers built before a new symbol read it as "
          + "the default instead of failing.");

  /** Rule sets, each containing the one before. */
  public enum Category {
    /** What breaks or silently differs across Avro versions and languages: on unless a repository says otherwise. */
    MINIMAL,
    /** MINIMAL and the conventions of a well-kept contracts repository: naming, layout, docs, evolvable types. */
    STANDARD
  }

  private final Category category;
  private final Severity severity;
  private final String purpose;

  LintRule(Category category, Severity severity, String purpose) {
    this.category = category;
    this.severity = severity;
    this.purpose = purpose;
  }

  public Category category() {
    return category;
  }

  public Severity severity() {
    return severity;
  }

  /** One line: "Checks that ..." (errors) or "Warns where ..." (warnings). */
  public String purpose() {
    return purpose;
  }

  /** Whether choosing the category turns this rule on. */
  public boolean in(Category chosen) {
    return category.compareTo(chosen) <= 0;
  }
}
