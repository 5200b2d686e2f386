package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.registry.ListedSchema;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaReference;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Starts a contracts repository from what a registry, and optionally a cluster, already hold, and
 * changes neither: one {@code .avsc} per named type, {@code contracts.yaml} with each topic's value,
 * key, level, subject naming, partitions, replication, retention and configs, and a report of what
 * could not be decided. The registry's latest versions become the files, so that {@code register}
 * finds every subject unchanged and the registry's history is the gate's baseline from day one.
 *
 * <p>What is decided how: a subject {@code <topic>-value} / {@code <topic>-key} follows
 * TopicNameStrategy; with a cluster, the schema ids framing a topic's records name the subjects of
 * topics that have no such subject (RecordNameStrategy, TopicRecordNameStrategy, or a subject named
 * outright), and its keys show whether records carry none, text (a plain string key) or something
 * to ask about. A named type that differs between subjects is reported and its later topics left out,
 * never guessed. Stateless.
 */
public final class Import {

  private Import() {}

  /**
   * What to import.
   *
   * @param subjects      a regular expression the whole subject name must match
   * @param topics        a regular expression the whole topic name must match (with a cluster)
   * @param sampleRecords how many records of each topic to read, from its start, to see its framing
   * @param sampleWait    how long to wait for them per topic
   */
  public record Request(Pattern subjects, Pattern topics, int sampleRecords, Duration sampleWait) {
    public Request {
      requireNonNull(subjects, "subjects == null");
      requireNonNull(topics, "topics == null");
      requireNonNull(sampleWait, "sampleWait == null");
      if (sampleRecords < 0) {
        throw new IllegalArgumentException("sampleRecords < 0: " + sampleRecords);
      }
    }

    /** Every subject and topic, 100 records of each topic within 10 s. */
    public static Request all() {
      return new Request(Pattern.compile(".*"), Pattern.compile(".*"), 100, Duration.ofSeconds(10));
    }
  }

  /** A file of the repository: its path under the repository's root, and its text. */
  public record RepositoryFile(Path path, String text) {
    public RepositoryFile {
      requireNonNull(path, "path == null");
      requireNonNull(text, "text == null");
    }
  }

  /**
   * What the import found.
   *
   * @param files      the repository's files: contracts.yaml, accepted-breaks.yaml, the .avsc files and
   *                   the report ({@value #REPORT_FILE})
   * @param topics     one line per topic imported
   * @param undecided  what the team must decide, one line each (also in the report)
   * @param references whether the registry's subjects refer to types in subjects of their own, so
   *                   that the repository registers with {@code contracts.register.references}
   */
  public record Result(List<RepositoryFile> files, List<String> topics, List<String> undecided, boolean references) {
    public Result {
      files = List.copyOf(files);
      topics = List.copyOf(topics);
      undecided = List.copyOf(undecided);
    }
  }

  /**
   * What writing did per file.
   *
   * @param refreshed the report, when it said something else before (it is the import's own, not the team's)
   */
  public record Written(List<Path> created, List<Path> unchanged, List<Path> differing, List<Path> refreshed) {
    public Written {
      created = List.copyOf(created);
      unchanged = List.copyOf(unchanged);
      differing = List.copyOf(differing);
      refreshed = List.copyOf(refreshed);
    }
  }

  /** The report of what could not be decided, at the repository's root. */
  public static final String REPORT_FILE = "import-report.md";

  /**
   * Reads the registry (and the cluster, where given) and returns the repository they describe.
   * Writes nothing anywhere.
   *
   * @throws SchemaRegistryException when the registry cannot be read
   * @throws IOException             when the cluster cannot be read
   */
  public static Result read(SchemaRegistryClient registry, Optional<KafkaSettings> cluster, Request request)
      throws IOException {
    return new Reading(registry, cluster, request).read();
  }

  /**
   * Writes the files under {@code root}. A file that exists with other content is left alone and
   * listed as differing; then, unless {@code overwrite}, nothing at all is written, so that a second
   * import over a team's edits changes nothing until the team says so. The report is the import's
   * own: rewritten when what it says changed (a new version counted, say).
   */
  public static Written write(List<RepositoryFile> files, Path root, boolean overwrite) throws IOException {
    List<Path> created = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    List<Path> differing = new ArrayList<>();
    List<Path> refreshed = new ArrayList<>();
    for (RepositoryFile file : files) {
      Path target = root.resolve(file.path());
      if (!Files.exists(target)) {
        created.add(file.path());
      } else if (Files.readString(target, StandardCharsets.UTF_8).equals(file.text())) {
        unchanged.add(file.path());
      } else if (file.path().equals(Path.of(REPORT_FILE))) {
        refreshed.add(file.path());
      } else {
        differing.add(file.path());
      }
    }
    if (differing.isEmpty() || overwrite) {
      for (RepositoryFile file : files) {
        if (created.contains(file.path()) || differing.contains(file.path()) || refreshed.contains(file.path())) {
          Path target = root.resolve(file.path());
          Files.createDirectories(target.toAbsolutePath().getParent());
          Files.writeString(target, file.text(), StandardCharsets.UTF_8);
          if (file.path().toString().endsWith(".sh")) {
            target.toFile().setExecutable(true, false); // CI runs the scripts as they are
          }
        }
      }
    }
    return new Written(created, unchanged, differing, refreshed);
  }

  /** One subject as the registry holds it. */
  private record Subject(String name, List<RegisteredSchema> versions, Optional<String> ownLevel,
      Optional<Schema> latest, String problem) {

    RegisteredSchema last() {
      return versions.get(versions.size() - 1);
    }

    String fullName() {
      return latest.map(Import::nameOf).orElse("");
    }
  }

  /** One topic as it will be written. */
  private record Draft(String topic, Subject value, SubjectNameStrategy strategy, Optional<Subject> key,
      String keyLine, List<String> comments) {}

  /** One import, from reading to the files. */
  private static final class Reading {

    private final SchemaRegistryClient registry;
    private final Optional<KafkaSettings> cluster;
    private final Request request;
    private final List<String> undecided = new ArrayList<>();
    private final Map<String, Subject> subjects = new TreeMap<>();
    private final Map<Integer, Set<String>> subjectsById = new TreeMap<>();
    private final Set<String> typeSubjects = new TreeSet<>();
    /** Subjects already in the report: said once. */
    private final Set<String> reported = new TreeSet<>();
    private String globalLevel = "";

    Reading(SchemaRegistryClient registry, Optional<KafkaSettings> cluster, Request request) {
      this.registry = requireNonNull(registry, "registry == null");
      this.cluster = requireNonNull(cluster, "cluster == null");
      this.request = requireNonNull(request, "request == null");
    }

    Result read() throws IOException {
      readRegistry();
      Optional<ClusterSample> sample = cluster.isPresent() ? Optional.of(sampleCluster(cluster.get()))
          : Optional.empty();
      if (sample.isEmpty()) {
        undecided.add("No cluster was read (contracts.kafka.bootstrapServers): topics are the subjects' "
            + "<topic>-value names, with the catalogue's default partitions, replication and retention, and no "
            + "key unless a <topic>-key subject exists; check each entry before topics-apply.");
      }
      List<Draft> drafts = drafts(sample);
      Map<String, String> typeFiles = new TreeMap<>();
      Map<String, String> typeOwners = new TreeMap<>();
      List<Draft> kept = new ArrayList<>();
      for (Draft draft : drafts) {
        if (keepTypes(draft, typeFiles, typeOwners)) {
          kept.add(draft);
        }
      }
      boolean references = kept.stream().anyMatch(d -> !d.value().last().schema().references().isEmpty()
          || d.key().filter(k -> !k.last().schema().references().isEmpty()).isPresent());
      if (references) {
        checkReferences(kept);
      }
      Set<String> used = new TreeSet<>(typeSubjects);
      used.addAll(reported);
      kept.forEach(d -> {
        used.add(d.value().name());
        d.key().ifPresent(k -> used.add(k.name()));
      });
      for (Subject subject : subjects.values()) {
        if (!used.contains(subject.name()) && subject.problem().isEmpty()) {
          undecided.add("Subject '" + subject.name() + "' (" + subject.fullName() + ") belongs to no topic found: "
              + (cluster.isPresent() ? "no record read names its schema ids" : "its name follows no strategy")
              + ". If a topic carries it, add the topic to contracts.yaml with valueSubject: " + yaml(subject.name())
              + " (or keySubject:).");
        }
      }
      List<RepositoryFile> files = new ArrayList<>();
      files.add(new RepositoryFile(Path.of("contracts.yaml"), catalogue(kept, sample)));
      files.add(new RepositoryFile(Path.of("accepted-breaks.yaml"), ACCEPTED_BREAKS));
      typeFiles.forEach((path, text) -> files.add(new RepositoryFile(Path.of(path), text)));
      List<String> lines = kept.stream().map(this::describe).toList();
      files.add(new RepositoryFile(Path.of(REPORT_FILE), report(lines, references)));
      return new Result(files, lines, undecided, references);
    }

    private void readRegistry() {
      globalLevel = registry.globalCompatibility();
      try {
        String mode = registry.mode();
        if (!"READWRITE".equals(mode)) {
          undecided.add("The registry's mode is " + mode + ": register cannot write new versions until it is "
              + "READWRITE.");
        }
      } catch (SchemaRegistryException e) {
        if (e.status() != 404) {
          throw e;
        }
      }
      List<String> names = registry.subjects(false, Optional.empty()).stream()
          .filter(name -> request.subjects().matcher(name).matches()).sorted().toList();
      RegistryListing.Decision bulk = RegistryListing.of(registry, names);
      // The subjects matching, and the ones they refer to (whatever their names): registration writes those too.
      java.util.Deque<String> pending = new java.util.ArrayDeque<>(names);
      while (!pending.isEmpty()) {
        String name = pending.poll();
        if (subjects.containsKey(name)) {
          continue;
        }
        List<RegisteredSchema> versions = new ArrayList<>();
        if (bulk.listing().isPresent() && names.contains(name)) {
          for (ListedSchema listed : bulk.listing().get().versions(name)) {
            versions.add(new RegisteredSchema(name, listed.id(), listed.version().getAsInt(), listed.schema()));
          }
        } else {
          for (int version : registry.versions(name)) {
            versions.add(registry.version(name, version));
          }
        }
        if (versions.isEmpty()) {
          continue;
        }
        versions.forEach(v -> subjectsById.computeIfAbsent(v.id(), id -> new TreeSet<>()).add(name));
        Optional<String> own = registry.subjectCompatibility(name, false);
        registry.subjectMode(name).filter(mode -> !"READWRITE".equals(mode)).ifPresent(mode -> undecided.add(
            "Subject '" + name + "' is in mode " + mode + ": register cannot write a new version of it until its "
                + "mode is READWRITE."));
        RegisteredSchema last = versions.get(versions.size() - 1);
        Optional<Schema> latest = Optional.empty();
        String problem = "";
        if (!RegistrySchema.AVRO.equals(last.schema().schemaType())) {
          problem = "its latest version is " + last.schema().schemaType() + ", not Avro";
        } else {
          try {
            BiFunction<String, Integer, RegistrySchema> lookup = (s, v) -> registry.version(s, v).schema();
            latest = Optional.of(RegistryBaseline.source(name, last.version(), last.schema(), lookup).schema());
          } catch (AvroRuntimeException e) {
            problem = "version " + last.version() + " does not parse: " + e.getMessage();
          }
        }
        if (!problem.isEmpty()) {
          undecided.add("Subject '" + name + "' was left out: " + problem + ".");
        }
        last.schema().references().stream().map(SchemaReference::subject).forEach(referenced -> {
          typeSubjects.add(referenced);
          pending.add(referenced);
        });
        subjects.put(name, new Subject(name, List.copyOf(versions), own, latest, problem));
      }
    }

    /** The topics the filter names, and their dead-letter topics; not Kafka's internal ones. */
    private ClusterSample sampleCluster(KafkaSettings settings) throws IOException {
      return ClusterSample.read(settings, name -> !name.startsWith("_") && (request.topics().matcher(name).matches()
          || name.endsWith(".dlq") && request.topics().matcher(base(name)).matches()), request.sampleRecords(),
          request.sampleWait());
    }

    /** The topics: from the cluster's topics where one was read, else from the subjects' names. */
    private List<Draft> drafts(Optional<ClusterSample> sample) {
      Set<String> topics = new TreeSet<>();
      if (sample.isPresent()) {
        sample.get().topics().keySet().stream()
            .filter(name -> !(name.endsWith(".dlq") && sample.get().topics().containsKey(base(name))))
            .forEach(topics::add);
        for (Subject subject : subjects.values()) {
          String topic = subject.name().endsWith("-value") ? base(subject.name(), "-value")
              : subject.name().endsWith("-key") ? base(subject.name(), "-key") : null;
          if (topic != null && !topics.contains(topic) && subject.problem().isEmpty()
              && request.topics().matcher(topic).matches()) {
            reported.add(subject.name());
            undecided.add("Subject '" + subject.name() + "' names topic '" + topic + "', which the cluster does not "
                + "have: left out (create the topic, or delete the subject if it is gone for good).");
          }
        }
      } else {
        subjects.keySet().stream().filter(name -> name.endsWith("-value")).map(name -> base(name, "-value"))
            .filter(topic -> request.topics().matcher(topic).matches()).forEach(topics::add);
      }
      List<Draft> drafts = new ArrayList<>();
      for (String topic : topics) {
        Optional<ClusterSample.Topic> data = sample.map(s -> s.topics().get(topic));
        draft(topic, data).ifPresent(drafts::add);
      }
      return drafts;
    }

    private Optional<Draft> draft(String topic, Optional<ClusterSample.Topic> data) {
      Optional<Subject> value = usable(topic + "-value");
      SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;
      if (value.isEmpty()) {
        Set<String> named = data.map(d -> subjectsOf(d.valueIds())).orElse(Set.of());
        if (named.isEmpty()) {
          if (data.isPresent()) {
            undecided.add("Topic '" + topic + "' has no subject " + topic + "-value and "
                + (data.get().records() == 0 ? "no record to read" : "no record framed with a schema id of the "
                    + "subjects imported") + ": left out (a topic without an Avro value, or one whose subject was "
                + "filtered out).");
          }
          return Optional.empty();
        }
        Set<String> types = new TreeSet<>();
        named.forEach(s -> types.add(subjects.get(s).fullName()));
        if (types.size() > 1) {
          undecided.add("Topic '" + topic + "' carries values of several schemas " + types + " (subjects " + named
              + "): the catalogue gives a topic one value type; left out.");
          return Optional.empty();
        }
        String fullName = types.iterator().next();
        if (named.contains(topic + "-" + fullName)) {
          strategy = SubjectNameStrategy.TOPIC_RECORD_NAME;
          value = usable(topic + "-" + fullName);
        } else if (named.contains(fullName)) {
          strategy = SubjectNameStrategy.RECORD_NAME;
          value = usable(fullName);
        } else if (named.size() == 1) {
          value = usable(named.iterator().next());
        } else {
          undecided.add("Topic '" + topic + "': its values' schema ids are in subjects " + named + ", none named by a "
              + "strategy: left out; add it with valueSubject: naming the one its producers use.");
          return Optional.empty();
        }
      }
      Subject valueSubject = value.orElseThrow();
      if (valueSubject.latest().orElseThrow().getType() != Schema.Type.RECORD) {
        undecided.add("Topic '" + topic + "': subject '" + valueSubject.name() + "' holds "
            + valueSubject.latest().get().getType().getName() + ", not a record, and a catalogue value is a record: "
            + "left out.");
        return Optional.empty();
      }
      List<String> comments = new ArrayList<>();
      Optional<Subject> key = usable(topic + "-key");
      String keyLine = "";
      if (key.isEmpty() && data.isPresent() && !data.get().keyIds().isEmpty()) {
        Set<String> named = subjectsOf(data.get().keyIds());
        if (named.size() == 1) {
          key = usable(named.iterator().next());
        } else {
          undecided.add("Topic '" + topic + "': its keys' schema ids are in subjects " + named + ": declare its key "
              + "with key: {type: ...} and keySubject: naming the one its producers use.");
          comments.add("key: framed by schema ids of subjects " + named + "; see " + REPORT_FILE);
        }
      }
      if (key.isPresent()) {
        Schema schema = key.get().latest().orElseThrow();
        keyLine = Registration.isNamed(schema) ? "{type: " + schema.getFullName() + "}"
            : "{type: " + schema.getType().getName() + ", format: avro}";
      } else if (data.isPresent() && comments.isEmpty()) {
        ClusterSample.Topic read = data.get();
        if (read.records() == 0) {
          undecided.add("Topic '" + topic + "': no key subject and no record to read: written without a key; if its "
              + "records carry one, declare it (key: {type: string} for text keys as StringSerializer writes them).");
          comments.add("key: not decided (no key subject, no record read); see " + REPORT_FILE);
        } else if (read.nullKeys() == read.records()) {
          comments.add("no key: none of " + read.records() + " records read had one");
        } else if (read.otherKeys().isEmpty()) {
          keyLine = "{type: string}";
          comments.add("key: plain text in " + read.textKeys() + " of " + read.records() + " records read");
        } else {
          undecided.add("Topic '" + topic + "': keys that are neither framed nor text (lengths "
              + new TreeSet<>(read.otherKeys()) + "): written without a key; declare it (key: {type: long} for "
              + "LongSerializer's 8 bytes, ...).");
          comments.add("key: not decided (keys of lengths " + new TreeSet<>(read.otherKeys()) + "); see "
              + REPORT_FILE);
        }
      } else if (data.isEmpty()) {
        comments.add("key: no key subject; without a cluster, whether records carry a plain key is not known");
      }
      return Optional.of(new Draft(topic, valueSubject, strategy, key, keyLine, comments));
    }

    private Optional<Subject> usable(String name) {
      return Optional.ofNullable(subjects.get(name)).filter(s -> s.problem().isEmpty());
    }

    private Set<String> subjectsOf(Set<Integer> ids) {
      Set<String> named = new TreeSet<>();
      ids.forEach(id -> subjectsById.getOrDefault(id, Set.of()).stream()
          .filter(s -> usable(s).isPresent() && !typeSubjects.contains(s)).forEach(named::add));
      return named;
    }

    /** Adds the draft's named types; false (and reported) when one differs from a type an earlier topic wrote. */
    private boolean keepTypes(Draft draft, Map<String, String> files, Map<String, String> owners) {
      Map<String, String> own = new LinkedHashMap<>();
      namedTypes(draft.value().latest().orElseThrow()).forEach(t -> own.put(t.getFullName(), standalone(t)));
      draft.key().flatMap(Subject::latest).ifPresent(k -> namedTypes(k).forEach(t ->
          own.putIfAbsent(t.getFullName(), standalone(t))));
      for (Map.Entry<String, String> type : own.entrySet()) {
        String path = path(type.getKey());
        String earlier = files.get(path);
        if (earlier != null && !earlier.equals(type.getValue())) {
          undecided.add("Type '" + type.getKey() + "' differs between subject '" + owners.get(path) + "' and subject '"
              + draft.value().name() + "' (topic '" + draft.topic() + "'): one .avsc holds one definition, so topic '"
              + draft.topic() + "' was left out. Make the two the same (a new version of one subject), or rename "
              + "the type in one, then import again.");
          reported.add(draft.value().name());
          draft.key().ifPresent(key -> reported.add(key.name()));
          return false;
        }
      }
      for (Map.Entry<String, String> type : own.entrySet()) {
        String path = path(type.getKey());
        files.putIfAbsent(path, type.getValue());
        owners.putIfAbsent(path, draft.value().name());
      }
      return true;
    }

    /**
     * With references, each type a subject refers to must be held as registration will write it: in a
     * subject of its own, at the strictest level of the topics using it.
     */
    private void checkReferences(List<Draft> drafts) {
      Map<String, CompatibilityLevel> typeLevels = new TreeMap<>();
      for (Draft draft : drafts) {
        level(effectiveLevel(draft.value())).ifPresent(topicLevel -> Registration.namedTypesWithin(
            draft.value().latest().orElseThrow()).forEach(type -> typeLevels.merge(type.getFullName(), topicLevel,
                CompatibilityLevel::combinedWith)));
      }
      typeLevels.forEach((type, wanted) -> {
        Subject held = subjects.get(type);
        if (held != null && !effectiveLevel(held).equals(wanted.name())) {
          undecided.add("Subject '" + type + "' (a type others refer to) is at " + effectiveLevel(held) + "; register "
              + "sets a referenced type to the strictest level of the topics using it, " + wanted + ".");
        }
      });
      for (Draft draft : drafts) {
        for (Subject subject : draft.key().map(k -> List.of(draft.value(), k)).orElse(List.of(draft.value()))) {
          for (Schema type : Registration.namedTypesWithin(subject.latest().orElseThrow())) {
            if (!subjects.containsKey(type.getFullName())) {
              undecided.add("Subject '" + subject.name() + "' writes type '" + type.getFullName() + "' in, but register "
                  + "with contracts.register.references registers every named type in a subject of its own: it "
                  + "would add subject '" + type.getFullName() + "' and a new version of '" + subject.name() + "'.");
            }
          }
        }
      }
    }

    private String catalogue(List<Draft> drafts, Optional<ClusterSample> sample) {
      StringBuilder out = new StringBuilder();
      out.append("# The topics and their contracts, imported from the registry")
          .append(sample.isPresent() ? " and the cluster" : "").append(" by kafka-contracts' import.\n")
          .append("# What it could not decide is in ").append(REPORT_FILE).append(".\n");
      Optional<CompatibilityLevel> global = level(globalLevel);
      Optional<String> deadLetterRetention = deadLetterRetention(drafts, sample);
      out.append("defaults:\n");
      out.append("  compatibility: ").append(global.map(Enum::name).orElse("BACKWARD"))
          .append(global.isPresent() ? "   # the registry's global level\n" : "\n");
      deadLetterRetention.ifPresent(r -> out.append("  deadLetterRetention: ").append(r).append('\n'));
      out.append("# Schema lint: MINIMAL, as the registry's schemas were written; STANDARD adds naming, layout and\n")
          .append("# docs conventions (compat-checks/README.md).\n")
          .append("lint:\n  use: [MINIMAL]\n");
      out.append(drafts.isEmpty() ? "topics: []\n" : "topics:\n");
      for (Draft draft : drafts) {
        Subject value = draft.value();
        String fullName = value.fullName();
        out.append("  - name: ").append(yaml(draft.topic())).append('\n');
        out.append("    value: ").append(fullName).append('\n');
        draft.comments().forEach(c -> out.append("    # ").append(c).append('\n'));
        if (!draft.keyLine().isEmpty()) {
          out.append("    key: ").append(draft.keyLine()).append('\n');
        }
        if (draft.strategy() != SubjectNameStrategy.TOPIC_NAME) {
          out.append("    subjectNameStrategy: ").append(draft.strategy().simpleName()).append('\n');
        }
        if (!draft.strategy().subject(draft.topic(), false, fullName).equals(value.name())) {
          out.append("    valueSubject: ").append(yaml(value.name())).append('\n');
        }
        draft.key().ifPresent(key -> {
          if (!expectedKeySubject(draft, key).equals(key.name())) {
            out.append("    keySubject: ").append(yaml(key.name())).append('\n');
          }
        });
        String level = effectiveLevel(value);
        if (!level.equals(global.map(Enum::name).orElse("BACKWARD"))) {
          out.append("    compatibility: ").append(level).append('\n');
        }
        Optional<ClusterSample.Topic> data = sample.map(s -> s.topics().get(draft.topic()));
        if (data.isPresent()) {
          ClusterSample.Topic read = data.get();
          out.append("    partitions: ").append(read.partitions()).append('\n');
          out.append("    replication: ").append(read.replication()).append('\n');
          Map<String, String> configs = new TreeMap<>(read.configs());
          String retention = configs.remove(TopicContract.RETENTION_MS);
          if (retention != null) {
            out.append("    retention: ").append(duration(Long.parseLong(retention))).append('\n');
          }
          if (sample.get().topics().containsKey(draft.topic() + ".dlq")) {
            out.append("    deadLetter: true\n");
          }
          if (!configs.isEmpty()) {
            out.append("    config: {");
            StringBuilder entries = new StringBuilder();
            configs.forEach((k, v) -> entries.append(entries.length() == 0 ? "" : ", ").append(k).append(": ")
                .append(yaml(v)));
            out.append(entries).append("}\n");
          }
        }
      }
      return out.toString();
    }

    private Optional<String> deadLetterRetention(List<Draft> drafts, Optional<ClusterSample> sample) {
      if (sample.isEmpty()) {
        return Optional.empty();
      }
      Set<String> retentions = new TreeSet<>();
      for (Draft draft : drafts) {
        ClusterSample.Topic dlq = sample.get().topics().get(draft.topic() + ".dlq");
        ClusterSample.Topic topic = sample.get().topics().get(draft.topic());
        if (dlq == null) {
          continue;
        }
        String ms = dlq.configs().get(TopicContract.RETENTION_MS);
        retentions.add(ms == null ? "" : duration(Long.parseLong(ms)));
        if (dlq.partitions() != topic.partitions() || dlq.replication() != topic.replication()) {
          undecided.add("Dead-letter topic '" + draft.topic() + ".dlq' has " + dlq.partitions() + " partitions and "
              + "replication " + dlq.replication() + ", its topic " + topic.partitions() + " and "
              + topic.replication() + ": the catalogue gives a dead-letter topic its topic's, so topics-plan will "
              + "show the difference.");
        }
      }
      retentions.remove("");
      if (retentions.size() > 1) {
        undecided.add("Dead-letter topics keep records for " + retentions + ": the catalogue has one "
            + "deadLetterRetention; the first is written.");
      }
      return retentions.stream().findFirst();
    }

    private String expectedKeySubject(Draft draft, Subject key) {
      Schema schema = key.latest().orElseThrow();
      SubjectNameStrategy strategy = Registration.isNamed(schema) ? draft.strategy() : SubjectNameStrategy.TOPIC_NAME;
      return strategy.subject(draft.topic(), true, nameOf(schema));
    }

    private String effectiveLevel(Subject subject) {
      return subject.ownLevel().orElse(globalLevel);
    }

    private String describe(Draft draft) {
      String level = effectiveLevel(draft.value());
      draft.key().ifPresent(key -> {
        if (!effectiveLevel(key).equals(level)) {
          undecided.add("Topic '" + draft.topic() + "': key subject '" + key.name() + "' is at " + effectiveLevel(key)
              + ", its value subject at " + level + "; a topic has one level, so register would set the key's to "
              + level + ".");
        }
      });
      return draft.topic() + ": value " + draft.value().fullName() + " (subject '" + draft.value().name() + "', "
          + draft.value().versions().size() + (draft.value().versions().size() == 1 ? " version" : " versions") + ")"
          + draft.key().map(k -> ", key in subject '" + k.name() + "'").orElse(draft.keyLine().isEmpty()
              ? ", no key" : ", plain key") + ", " + level;
    }

    private String report(List<String> topics, boolean references) {
      StringBuilder out = new StringBuilder("# What the import found\n\n");
      out.append("Imported ").append(topics.size()).append(topics.size() == 1 ? " topic" : " topics").append(" from ")
          .append(subjects.size()).append(subjects.size() == 1 ? " subject" : " subjects")
          .append(" (global level ").append(globalLevel.isEmpty() ? "none" : globalLevel).append(").\n\n");
      topics.forEach(line -> out.append("- ").append(line).append('\n'));
      if (references) {
        out.append("\nThe registry's subjects refer to types in subjects of their own: the repository registers the "
            + "same way (contracts.register.references=true in pom.xml), and serdes then write with "
            + "use.latest.version=true.\n");
      }
      out.append("\n## To decide\n\n");
      if (undecided.isEmpty()) {
        out.append("Nothing: every subject and topic read has its place in contracts.yaml.\n");
      }
      undecided.forEach(line -> out.append("- ").append(line).append('\n'));
      return out.toString();
    }
  }

  private static final String ACCEPTED_BREAKS = """
      # Intentional breaks, each with a reason, checked by mvn verify and contracts:register.
      # An entry lets its violation through while the baseline (git, or the registry) lacks the change; once
      # the change is merged and registered the entry is spent, and the gate warns with the lines to delete.
      #
      # accepted:
      #   - subject: orders-value
      #     rule: FIELD_REMOVED_WITHOUT_DEFAULT
      #     path: /fields/customer
      #     reason: every consumer reads customer_id since release 42 (INC-1234)
      accepted: []
      """;

  /** The named types a schema defines or uses, the schema itself first, each once. */
  static List<Schema> namedTypes(Schema schema) {
    List<Schema> found = new ArrayList<>();
    if (Registration.isNamed(schema)) {
      found.add(schema);
    }
    found.addAll(Registration.namedTypesWithin(schema));
    return List.copyOf(found);
  }

  /** A named type as its own file: every other named type it uses written by name. */
  static String standalone(Schema type) {
    return type.toString(Registration.namedTypesWithin(type), true) + "\n";
  }

  /** avro/com/acme/Order.avsc for com.acme.Order: the layout lint's NAMESPACE_MATCHES_FOLDER asks for. */
  static String path(String fullName) {
    return "avro/" + fullName.replace('.', '/') + ".avsc";
  }

  private static String nameOf(Schema schema) {
    return Registration.isNamed(schema) ? schema.getFullName() : schema.getType().getName();
  }

  private static String base(String dlq) {
    return dlq.substring(0, dlq.length() - ".dlq".length());
  }

  private static String base(String subject, String suffix) {
    return subject.substring(0, subject.length() - suffix.length());
  }

  private static Optional<CompatibilityLevel> level(String text) {
    try {
      return Optional.of(CompatibilityLevel.valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** 604800000 → 7d; the largest unit that divides it; -1 → infinite. */
  static String duration(long millis) {
    if (millis < 0) {
      return "infinite";
    }
    Duration d = Duration.ofMillis(millis);
    if (millis > 0 && d.toDays() * 86_400_000L == millis) {
      return d.toDays() + "d";
    }
    if (millis > 0 && d.toHours() * 3_600_000L == millis) {
      return d.toHours() + "h";
    }
    if (millis > 0 && d.toMinutes() * 60_000L == millis) {
      return d.toMinutes() + "m";
    }
    if (millis > 0 && d.toSeconds() * 1000L == millis) {
      return d.toSeconds() + "s";
    }
    return millis + "ms";
  }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
  private static final Set<String> YAML_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

  /** A YAML scalar: plain where it reads back as the same text, else double-quoted. */
  static String yaml(String text) {
    if (PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
