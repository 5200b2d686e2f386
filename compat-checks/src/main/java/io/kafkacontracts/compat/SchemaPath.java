package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a schema by names, as people read it: {@code /fields/currency/type}, with union
 * branches named by their type ({@code /fields/customer/type/com.example.Address/fields/city}).
 * Unlike Avro's index pointers it stays meaningful when fields are reordered. Immutable.
 *
 * @param steps the path's steps
 */
public record SchemaPath(List<String> steps) {

  public static final SchemaPath ROOT = new SchemaPath(List.of());

  public SchemaPath {
    steps = List.copyOf(requireNonNull(steps, "steps == null"));
  }

  public SchemaPath then(String... more) {
    List<String> all = new ArrayList<>(steps);
    all.addAll(List.of(more));
    return new SchemaPath(all);
  }

  /** The last field named on the path, if any: the thing a message should name. */
  public String lastField() {
    for (int i = steps.size() - 2; i >= 0; i--) {
      if (steps.get(i).equals("fields")) {
        return steps.get(i + 1);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return steps.isEmpty() ? "/" : "/" + String.join("/", steps);
  }
}
