package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.registry.CompatibilityCheck;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Asks the registry's own compatibility endpoint about each candidate, to set beside our engine's
 * verdict. Ours decides the gate; a disagreement is worth a look: one of our rules that Avro's
 * check lacks (a decimal's scale, say), or a registry that holds another level for the subject than
 * the catalogue (until {@code register} or {@code set-compatibility} runs). Stateless.
 */
public final class RegistryCrossCheck {

  private RegistryCrossCheck() {}

  /**
   * One subject's two verdicts.
   *
   * @param subject            the subject
   * @param oursCompatible     whether our engine found no violation (accepted breaks count as violations here:
   *                           the registry knows nothing of them)
   * @param registryCompatible the registry's verdict; empty when the subject is new to it, or it did not answer
   * @param registryLevel      the registry's level for the subject, asked only when the two disagree
   * @param registryMessages   the registry's reasons, when it gives them
   * @param failure            why the registry did not answer, if it did not
   */
  public record Answer(String subject, boolean oursCompatible, Optional<Boolean> registryCompatible,
      Optional<String> registryLevel, List<String> registryMessages, Optional<String> failure) {

    public Answer {
      requireNonNull(subject, "subject == null");
      requireNonNull(registryCompatible, "registryCompatible == null");
      requireNonNull(registryLevel, "registryLevel == null");
      registryMessages = List.copyOf(registryMessages);
      requireNonNull(failure, "failure == null");
    }

    public boolean disagrees() {
      return registryCompatible.isPresent() && registryCompatible.get() != oursCompatible;
    }

    /** One line for the build log, e.g. "orders-value: our engine finds ... the registry's own check ...". */
    public String describe() {
      if (failure.isPresent()) {
        return subject + ": the registry's own compatibility check did not answer: " + failure.get();
      }
      if (registryCompatible.isEmpty()) {
        return subject + ": new to the registry, nothing to compare";
      }
      String level = registryLevel.map(l -> " (its level for the subject: " + l + ")").orElse("");
      String reasons = registryMessages.isEmpty() ? "" : ": " + String.join("; ", registryMessages);
      return subject + ": our engine finds the candidate " + verdict(oursCompatible) + ", the registry's own check"
          + level + " finds it " + verdict(registryCompatible.get()) + reasons;
    }

    private static String verdict(boolean compatible) {
      return compatible ? "compatible" : "incompatible";
    }
  }

  /**
   * Asks the registry about every candidate, {@code parallelism} at a time, against every version
   * the registry's level for the subject requires.
   *
   * @param oursCompatible our engine's verdict per subject; candidates without one are skipped
   */
  public static List<Answer> run(SchemaRegistryClient registry, List<Registration.Candidate> candidates,
      Map<String, Boolean> oursCompatible, int parallelism) {
    List<Registration.Candidate> judged = candidates.stream()
        .filter(candidate -> oursCompatible.containsKey(candidate.subject())).toList();
    return Parallel.map(judged, parallelism,
        candidate -> ask(registry, candidate, oursCompatible.get(candidate.subject())));
  }

  /**
   * Asks about every subject the gate judged, with the gate's verdict beside each; an accepted
   * break counts as incompatible (the registry knows nothing of accepted breaks).
   */
  public static List<Answer> run(SchemaRegistryClient registry, ContractsDirectory contracts, GateReport gate,
      int parallelism) {
    Map<String, Boolean> ours = new HashMap<>();
    gate.subjects().forEach(subject -> ours.put(subject.subject(), subject.isCompatible()));
    gate.accepted().forEach(accepted -> ours.put(accepted.subject(), false));
    return run(registry, Registration.candidates(contracts), ours, parallelism);
  }

  /** "the registry's own compatibility check agrees on 3 of 4 subjects it knows (see the warnings above)". */
  public static String agreement(List<Answer> answers) {
    long compared = answers.stream().filter(answer -> answer.registryCompatible().isPresent()).count();
    long agreeing = compared - answers.stream().filter(Answer::disagrees).count();
    return "the registry's own compatibility check agrees on " + agreeing + " of " + compared + " subjects it knows"
        + (agreeing == compared ? "" : " (see the warnings above)");
  }

  /** Writes every answer as a JSON array (subject, both verdicts, the registry's level and reasons, any failure). */
  public static void write(List<Answer> answers, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ArrayNode array = json.createArrayNode();
    for (Answer answer : answers) {
      ObjectNode node = array.addObject().put("subject", answer.subject()).put("oursCompatible", answer.oursCompatible());
      answer.registryCompatible().ifPresent(compatible -> node.put("registryCompatible", compatible));
      answer.registryLevel().ifPresent(level -> node.put("registryLevel", level));
      answer.registryMessages().forEach(node.withArray("registryMessages")::add);
      answer.failure().ifPresent(failure -> node.put("failure", failure));
      node.put("disagrees", answer.disagrees());
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), array);
  }

  private static Answer ask(SchemaRegistryClient registry, Registration.Candidate candidate, boolean ours) {
    String subject = candidate.subject();
    CompatibilityCheck check;
    try {
      check = registry.testCompatibility(subject, RegistrySchema.avro(candidate.schema()), OptionalInt.empty(), true);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401) {
        return new Answer(subject, ours, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
      }
      return new Answer(subject, ours, Optional.empty(), Optional.empty(), List.of(), Optional.of(e.getMessage()));
    }
    Optional<String> level = Optional.empty();
    if (check.compatible() != ours) {
      try {
        level = registry.subjectCompatibility(subject, true);
      } catch (SchemaRegistryException e) {
        level = Optional.of("unknown: " + e.getMessage());
      }
    }
    return new Answer(subject, ours, Optional.of(check.compatible()), level, check.messages(), Optional.empty());
  }
}
