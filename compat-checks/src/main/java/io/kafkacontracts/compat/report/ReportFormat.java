package io.kafkacontracts.compat.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.Severity;
import io.kafkacontracts.compat.Violation;
import io.kafkacontracts.compat.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ways a {@link GateReport} is rendered: for people on a console, and for machines (JSON,
 * JUnit XML that CI servers show as tests, GitHub Actions workflow commands that annotate a pull
 * request at the right line). Output is stable: tests compare it word for word.
 */
public enum ReportFormat {
  TEXT {
    @Override
    public String render(GateReport report) {
      return textBlocks(report).stream().map(TextBlock::text).collect(Collectors.joining());
    }
  },

  JSON {
    @Override
    public String render(GateReport report) {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("baseline", report.baseline());
      root.put("violations", report.violationCount());
      root.put("warnings", report.warningCount());
      root.put("fails", report.fails());
      ArrayNode subjects = root.putArray("subjects");
      for (CompatibilityReport subject : report.subjects()) {
        ObjectNode s = subjects.addObject();
        s.put("subject", subject.subject());
        s.put("level", subject.level().name());
        ArrayNode versions = s.putArray("versionsChecked");
        subject.versionsChecked().forEach(versions::add);
        ArrayNode violations = s.putArray("violations");
        subject.violations().forEach(v -> violation(violations.addObject(), v));
      }
      ArrayNode findings = root.putArray("findings");
      for (Finding f : report.findings()) {
        ObjectNode node = findings.addObject();
        node.put("rule", f.rule().name());
        node.put("severity", f.severity().name());
        node.put("direction", f.direction().name());
        f.at().ifPresent(l -> location(node, l));
        node.put("message", f.message());
        node.put("fix", f.fix());
        ArrayNode occurrences = node.putArray("subjects");
        for (Finding.Occurrence o : f.occurrences()) {
          ObjectNode occurrence = occurrences.addObject();
          occurrence.put("subject", o.subject());
          occurrence.put("level", o.level().name());
          occurrence.put("path", o.path().toString());
          ArrayNode versions = occurrence.putArray("versions");
          o.violations().forEach(v -> versions.add(v.version()));
        }
      }
      ArrayNode accepted = root.putArray("accepted");
      for (AcceptedBreaks.Accepted a : report.accepted()) {
        ObjectNode node = accepted.addObject();
        node.put("subject", a.subject());
        node.put("reason", a.entry().reason());
        node.put("entry", a.entry().location().toString());
        violation(node.putObject("violation"), a.violation());
      }
      ArrayNode problems = root.putArray("problems");
      for (Problem p : report.problems()) {
        ObjectNode node = problems.addObject();
        node.put("rule", p.rule());
        node.put("severity", p.severity().name());
        location(node, p.location());
        node.put("message", p.message());
      }
      ArrayNode notes = root.putArray("notes");
      report.notes().forEach(notes::add);
      try {
        return MAPPER.writeValueAsString(root) + "\n";
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot write a JSON tree", e);
      }
    }

    private void violation(ObjectNode node, Violation v) {
      node.put("rule", v.rule().name());
      node.put("severity", v.severity().name());
      node.put("level", v.level().name());
      node.put("direction", v.direction().name());
      node.put("version", v.version());
      node.put("against", v.versionName());
      node.put("path", v.path().toString());
      v.avroLocation().ifPresent(pointer -> node.put("avroLocation", pointer));
      v.candidateLocation().ifPresent(l -> location(node.putObject("candidate"), l));
      v.baselineLocation().ifPresent(l -> location(node.putObject("baseline"), l));
      node.put("message", v.message());
      node.put("fix", v.fix());
    }

    private void location(ObjectNode node, SourceLocation location) {
      node.put("file", location.file().toString());
      node.put("line", location.position().line());
      node.put("column", location.position().column());
    }
  },

  JUNIT_XML {
    @Override
    public String render(GateReport report) {
      List<Problem> errors = report.errorProblems();
      List<Problem> warnings = report.problems().stream().filter(p -> p.severity() == Severity.WARNING).toList();
      boolean lint = !report.problems().isEmpty();
      int tests = report.subjects().size() + (lint ? 1 : 0);
      long failures = report.subjects().stream().filter(s -> !s.isCompatible()).count() + (errors.isEmpty() ? 0 : 1);
      StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.append("<testsuite name=\"kafka-contracts\" tests=\"").append(tests).append("\" failures=\"")
          .append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
      for (CompatibilityReport subject : report.subjects()) {
        out.append("  <testcase classname=\"compatibility\" name=\"").append(xml(subject.subject()))
            .append(" (").append(subject.level()).append(")\"");
        if (subject.violations().isEmpty()) {
          out.append("/>\n");
          continue;
        }
        out.append(">\n");
        // One failure per cause within the subject; warnings go to the test's output, as they do not fail.
        StringBuilder warned = new StringBuilder();
        for (Finding f : Finding.group(List.of(subject))) {
          Finding.Occurrence o = f.occurrences().get(0);
          String detail = f.at().map(Object::toString).orElse("(no file)") + ": " + f.rule() + " at " + o.path()
              + " against " + o.against() + "\n" + (f.severity() == Severity.ERROR ? "" : f.message() + "\n")
              + "fix: " + f.fix();
          if (f.severity() == Severity.ERROR) {
            out.append("    <failure type=\"").append(f.rule()).append("\" message=\"").append(xml(f.message()))
                .append("\">").append(xml(detail)).append("</failure>\n");
          } else {
            warned.append("warning: ").append(detail).append('\n');
          }
        }
        if (!warned.isEmpty()) {
          out.append("    <system-out>").append(xml(warned.toString())).append("</system-out>\n");
        }
        out.append("  </testcase>\n");
      }
      if (lint) {
        out.append("  <testcase classname=\"lint\" name=\"contracts\">\n");
        for (Problem p : errors) {
          out.append("    <failure type=\"").append(p.rule()).append("\" message=\"").append(xml(p.message()))
              .append("\">").append(xml(p.toString())).append("</failure>\n");
        }
        if (!warnings.isEmpty()) {
          out.append("    <system-out>").append(xml(warnings.stream().map(Problem::toString)
              .collect(Collectors.joining("\n", "", "\n")))).append("</system-out>\n");
        }
        out.append("  </testcase>\n");
      }
      return out.append("</testsuite>\n").toString();
    }
  },

  /** GitHub Actions workflow commands: {@code ::error file=…,line=…,col=…,title=…::…}. */
  GITHUB {
    @Override
    public String render(GateReport report) {
      StringBuilder out = new StringBuilder();
      for (Finding f : report.findings()) {
        List<String> subjects = f.subjects();
        String title = f.rule() + " in " + (subjects.size() == 1 ? subjects.get(0) : subjects.size() + " subjects");
        String against = f.occurrences().stream().map(o -> o.subject() + " " + o.path() + " against " + o.against()
            + ", " + o.level()).collect(Collectors.joining("; "));
        out.append(command(f.severity() == Severity.ERROR ? "error" : "warning", f.at(), title,
            f.message() + " (" + against + "). Fix: " + f.fix()));
      }
      for (AcceptedBreaks.Accepted a : report.accepted()) {
        out.append(command("notice", Optional.of(a.entry().location()), "accepted " + a.violation().rule(),
            a.subject() + " " + a.violation().path() + ": " + a.entry().reason()));
      }
      for (Problem p : report.problems()) {
        out.append(command(p.severity() == Severity.ERROR ? "error" : "warning", Optional.of(p.location()), p.rule(),
            p.message()));
      }
      report.notes().forEach(note -> out.append(command("notice", Optional.empty(), "kafka-contracts", note)));
      return out.toString();
    }

    private String command(String level, Optional<SourceLocation> at, String title, String message) {
      StringBuilder out = new StringBuilder("::").append(level).append(' ');
      at.ifPresent(l -> out.append("file=").append(property(l.file().toString())).append(",line=")
          .append(l.position().line()).append(",col=").append(l.position().column()).append(','));
      return out.append("title=").append(property(title)).append("::").append(data(message)).append('\n').toString();
    }

    private String data(String value) {
      return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private String property(String value) {
      return data(value).replace(":", "%3A").replace(",", "%2C");
    }
  };

  /** How much a block of the text report matters: how a build log prints it. */
  public enum Weight { ERROR, WARNING, INFO }

  /** One block of the text report: a heading, a finding with its lines, an accepted break, a problem or a note. */
  public record TextBlock(Weight weight, String text) {}

  /**
   * The text report as blocks, each with its weight, so a build log can print errors as errors and
   * warnings, accepted breaks and notes as what they are, even when the gate fails.
   */
  public static List<TextBlock> textBlocks(GateReport report) {
    List<TextBlock> blocks = new ArrayList<>();
    List<Finding> findings = report.findings();
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    int problems = report.errorProblems().size();
    StringBuilder heading = new StringBuilder();
    heading.append("kafka-contracts: ").append(report.violationCount()).append(plural(report.violationCount(), " violation"))
        .append(" from ").append(errors).append(plural(errors, " cause"))
        .append(" in ").append(report.subjects().stream().filter(s -> !s.isCompatible()).count()).append(" of ")
        .append(report.subjects().size()).append(" subjects, ").append(report.warningCount())
        .append(plural(report.warningCount(), " warning")).append(", ").append(problems)
        .append(plural(problems, " problem")).append(" (baseline: ").append(report.baseline()).append(")\n");
    blocks.add(new TextBlock(report.fails() ? Weight.ERROR : report.warningCount() > 0 ? Weight.WARNING : Weight.INFO,
        heading.toString()));
    for (Finding f : findings) {
      boolean error = f.severity() == Severity.ERROR;
      StringBuilder out = new StringBuilder();
      out.append(f.at().map(Object::toString).orElse("(no file)")).append(": ").append(error ? "" : "warning: ")
          .append(f.rule()).append('\n')
          .append("    ").append(f.message()).append('\n')
          .append("    fix: ").append(f.fix()).append('\n');
      String verb = error ? "breaks " : "in ";
      if (f.occurrences().size() == 1) {
        out.append("    ").append(verb).append(occurrence(f.occurrences().get(0))).append('\n');
      } else {
        long subjects = f.subjects().size();
        out.append("    ").append(verb).append(subjects).append(plural(subjects, " subject")).append(":\n");
        f.occurrences().forEach(o -> out.append("      ").append(occurrence(o)).append('\n'));
      }
      blocks.add(new TextBlock(error ? Weight.ERROR : Weight.WARNING, out.toString()));
    }
    for (AcceptedBreaks.Accepted a : report.accepted()) {
      blocks.add(new TextBlock(Weight.INFO, "accepted: " + a.subject() + " " + a.violation().rule() + " at "
          + a.violation().path() + " against " + a.violation().versionName() + " (" + a.entry().reason() + "; "
          + a.entry().location() + ")\n"));
    }
    for (Problem p : report.problems()) {
      blocks.add(new TextBlock(p.severity() == Severity.ERROR ? Weight.ERROR : Weight.WARNING, p + "\n"));
    }
    report.notes().forEach(note -> blocks.add(new TextBlock(Weight.INFO, "note: " + note + "\n")));
    return List.copyOf(blocks);
  }

  private static String occurrence(Finding.Occurrence o) {
    return o.subject() + " at " + o.path() + " [" + o.level() + ", "
        + o.violations().get(0).direction().name().toLowerCase(Locale.ROOT) + " against " + o.against() + "]";
  }

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Renders a report in this format. */
  public abstract String render(GateReport report);

  /**
   * Writes the files CI reads: {@code compatibility.json} and {@code compatibility.xml} (JUnit) in
   * {@code directory}, made if missing.
   */
  public static void writeFiles(GateReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("compatibility.json"), JSON.render(report), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("compatibility.xml"), JUNIT_XML.render(report), StandardCharsets.UTF_8);
  }

  static String plural(long count, String word) {
    return count == 1 ? word : word + "s";
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
