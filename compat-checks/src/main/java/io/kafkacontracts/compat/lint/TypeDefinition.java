package io.kafkacontracts.compat.lint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Where a named type is defined: its file and the JSON pointer of its definition in that file.
 *
 * @param file    the file
 * @param pointer the definition's object, e.g. {@code ""} for a file's top-level type
 */
public record TypeDefinition(ContractFile file, JsonPointer pointer) {
  public TypeDefinition {
    requireNonNull(file, "file == null");
    requireNonNull(pointer, "pointer == null");
  }
}
