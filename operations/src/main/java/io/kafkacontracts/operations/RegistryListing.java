package io.kafkacontracts.operations;

import io.kafkacontracts.registry.ListedSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Every version of the gated subjects in a few requests, where the registry lists them as
 * Confluent's does ({@code GET /schemas?subjectPrefix=...&latestOnly=false}, paged with
 * {@code offset}/{@code limit}): one listing for the subjects' longest common prefix instead of a
 * request per version. A registry without the endpoint (404, 405) or refusing its parameters (400,
 * 422), one whose entries lack subject or version (Apicurio), or a listing that contradicts itself (a
 * version twice, a page repeated) is not used: the caller fetches each version by itself, as before.
 * A listing that gets no answer, a server error or no access fails as such: the versions one by one
 * would only wait, or fail, again. Soft-deleted versions are not
 * listed. Immutable once made.
 */
final class RegistryListing {

  /** Entries asked for per request; a registry that caps pages lower is paged through all the same. */
  static final int PAGE = 1000;

  /** What the listing decided, in words for the log, and the listing where it is used. */
  record Decision(Optional<RegistryListing> listing, String said) {}

  private final Map<String, TreeMap<Integer, ListedSchema>> bySubject;

  private RegistryListing(Map<String, TreeMap<Integer, ListedSchema>> bySubject) {
    this.bySubject = bySubject;
  }

  /** Lists the subjects' versions, or says why the registry cannot serve them in bulk; no subjects, no request. */
  static Decision of(SchemaRegistryClient registry, Collection<String> subjects) {
    if (subjects.isEmpty()) {
      return new Decision(Optional.empty(), "not asked");
    }
    String prefix = commonPrefix(subjects);
    Map<String, TreeMap<Integer, ListedSchema>> bySubject = new HashMap<>();
    int requests = 0;
    int entries = 0;
    try {
      for (int offset = 0; ; offset += PAGE) {
        List<ListedSchema> page = registry.schemas(prefix, offset, PAGE);
        requests++;
        for (ListedSchema entry : page) {
          if (!entry.located()) {
            return no("its GET /schemas names no subject and version");
          }
          if (bySubject.computeIfAbsent(entry.subject().get(), s -> new TreeMap<>())
              .putIfAbsent(entry.version().getAsInt(), entry) != null) {
            return no("its listing holds " + entry.subject().get() + " version " + entry.version().getAsInt()
                + " twice (a page repeated: offset and limit ignored?)");
          }
          entries++;
        }
        // Only an empty page ends the listing: a registry may cap its pages below what was asked for.
        // One longer than asked for means the registry ignored the limit: it has given everything.
        if (page.isEmpty() || page.size() > PAGE) {
          break;
        }
      }
    } catch (SchemaRegistryException e) {
      if (e.status() == 404 || e.status() == 405) {
        return no("it has no GET /schemas (" + e.status() + ")");
      }
      if (e.status() == 400 || e.status() == 422) {
        return no("it refused the listing's parameters: " + e.getMessage());
      }
      // No answer, a server error, no access: asking version by version would wait, or fail, again.
      throw e;
    }
    return new Decision(Optional.of(new RegistryListing(bySubject)), "yes: " + entries + " versions in " + requests
        + (requests == 1 ? " request" : " requests") + " (subjectPrefix '" + prefix + "')");
  }

  private static Decision no(String why) {
    return new Decision(Optional.empty(), "no: " + why + "; each version is fetched by itself");
  }

  /** A subject's live versions, oldest first; none for a subject the registry does not hold. */
  List<ListedSchema> versions(String subject) {
    return List.copyOf(bySubject.getOrDefault(subject, new TreeMap<>()).values());
  }

  /**
   * Reads a version's schema from the listing where it holds it, else from the registry: for the
   * schemas a version references, which may lie outside the listed prefix.
   */
  BiFunction<String, Integer, RegistrySchema> lookup(SchemaRegistryClient registry) {
    return (subject, version) -> Optional.ofNullable(bySubject.get(subject)).map(versions -> versions.get(version))
        .map(ListedSchema::schema).orElseGet(() -> registry.version(subject, version).schema());
  }

  static String commonPrefix(Collection<String> subjects) {
    List<String> all = new ArrayList<>(subjects);
    if (all.isEmpty()) {
      return "";
    }
    String prefix = all.get(0);
    for (String subject : all) {
      int i = 0;
      while (i < prefix.length() && i < subject.length() && prefix.charAt(i) == subject.charAt(i)) {
        i++;
      }
      prefix = prefix.substring(0, i);
    }
    return prefix;
  }
}
