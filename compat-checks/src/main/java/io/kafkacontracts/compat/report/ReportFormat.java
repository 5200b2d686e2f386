package io.kafkacontracts.compat.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.Violation;
import io.kafkacontracts.compat.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ways a {@link GateReport} is rendered: for people on a console, and for machines (JSON,
 * JUnit XML that CI servers show as tests, GitHub Actions workflow commands that annotate a pull
 * request at the right line). Output is stable: tests compare it word for word.
 */
public enum ReportFormat {
  TEXT {
    @Override
    public String render(GateReport report) {
      StringBuilder out = new StringBuilder();
      out.append("kafka-contracts: ").append(report.violationCount()).append(plural(report.violationCount(), " violation"))
          .append(" in ").append(report.subjects().stream().filter(s -> !s.isCompatible()).count()).append(" of ")
          .append(report.subjects().size()).append(" subjects, ").append(report.problems().size())
          .append(plural(report.problems().size(), " problem")).append(" (baseline: ").append(report.baseline())
          .append(")\n");
      for (CompatibilityReport subject : report.subjects()) {
        for (Violation v : subject.violations()) {
          out.append(where(v)).append(": ").append(subject.subject()).append(" [").append(v.level())
              .append(", ").append(v.direction().name().toLowerCase(java.util.Locale.ROOT)).append(" against ")
              .append(v.versionName()).append("] ").append(v.rule()).append(" at ").append(v.path()).append('\n')
              .append("    ").append(v.message()).append('\n')
              .append("    fix: ").append(v.fix()).append('\n');
        }
      }
      for (AcceptedBreaks.Accepted a : report.accepted()) {
        out.append("accepted: ").append(a.subject()).append(' ').append(a.violation().rule()).append(" at ")
            .append(a.violation().path()).append(" against ").append(a.violation().versionName())
            .append(" (").append(a.entry().reason()).append("; ").append(a.entry().location()).append(")\n");
      }
      for (Problem p : report.problems()) {
        out.append(p).append('\n');
      }
      report.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
      return out.toString();
    }
  },

  JSON {
    @Override
    public String render(GateReport report) {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("baseline", report.baseline());
      root.put("violations", report.violationCount());
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
      node.put("level", v.level().name());
      node.put("direction", v.direction().name());
      node.put("version", v.version());
      node.put("against", v.versionName());
      node.put("path", v.path().toString());
      node.put("avroLocation", v.avroLocation());
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
      int tests = report.subjects().size() + (report.problems().isEmpty() ? 0 : 1);
      long failures = report.subjects().stream().filter(s -> !s.isCompatible()).count()
          + (report.problems().isEmpty() ? 0 : 1);
      StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.append("<testsuite name=\"kafka-contracts\" tests=\"").append(tests).append("\" failures=\"")
          .append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
      for (CompatibilityReport subject : report.subjects()) {
        out.append("  <testcase classname=\"compatibility\" name=\"").append(xml(subject.subject()))
            .append(" (").append(subject.level()).append(")\"");
        if (subject.isCompatible()) {
          out.append("/>\n");
          continue;
        }
        out.append(">\n");
        for (Violation v : subject.violations()) {
          out.append("    <failure type=\"").append(v.rule()).append("\" message=\"").append(xml(v.message()))
              .append("\">").append(xml(where(v) + ": " + v.rule() + " at " + v.path() + " against "
                  + v.versionName() + "\nfix: " + v.fix())).append("</failure>\n");
        }
        out.append("  </testcase>\n");
      }
      if (!report.problems().isEmpty()) {
        out.append("  <testcase classname=\"lint\" name=\"contracts\">\n");
        for (Problem p : report.problems()) {
          out.append("    <failure type=\"").append(p.rule()).append("\" message=\"").append(xml(p.message()))
              .append("\">").append(xml(p.toString())).append("</failure>\n");
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
      for (CompatibilityReport subject : report.subjects()) {
        for (Violation v : subject.violations()) {
          Optional<SourceLocation> at = v.candidateLocation().or(v::baselineLocation);
          out.append(command("error", at, v.rule() + " in " + subject.subject(),
              v.message() + " (against " + v.versionName() + ", " + v.level() + "). Fix: " + v.fix()));
        }
      }
      for (AcceptedBreaks.Accepted a : report.accepted()) {
        out.append(command("notice", Optional.of(a.entry().location()), "accepted " + a.violation().rule(),
            a.subject() + " " + a.violation().path() + ": " + a.entry().reason()));
      }
      for (Problem p : report.problems()) {
        out.append(command("error", Optional.of(p.location()), p.rule(), p.message()));
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

  static String where(Violation v) {
    return v.candidateLocation().or(v::baselineLocation).map(Object::toString).orElse("(no file)");
  }

  static String plural(long count, String word) {
    return count == 1 ? word : word + "s";
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
