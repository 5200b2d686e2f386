package io.kafkacontracts.compat.lint;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.source.LocatedTree;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;

/**
 * One {@code .avsc} file of a schema folder, read and resolved. Immutable.
 *
 * @param path         the file, relative to the folder's root
 * @param text         the file's text exactly as written: this is what gets registered
 * @param tree         the JSON tree with positions, for locating findings
 * @param schema       the file's top-level schema, references resolved
 * @param definedNames full names of every named type the file defines, in order of appearance
 */
public record ContractFile(
    Path path, String text, LocatedTree tree, Schema schema, List<String> definedNames) {

  public ContractFile {
    requireNonNull(path, "path == null");
    requireNonNull(text, "text == null");
    requireNonNull(tree, "tree == null");
    requireNonNull(schema, "schema == null");
    definedNames = List.copyOf(definedNames);
  }
}
