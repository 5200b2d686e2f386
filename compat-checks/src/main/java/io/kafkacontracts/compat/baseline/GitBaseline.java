package io.kafkacontracts.compat.baseline;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.catalogue.CatalogueReader;
import io.kafkacontracts.compat.catalogue.CatalogueSubject;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.compat.lint.SchemaFolder;
import io.kafkacontracts.compat.lint.SchemaNames;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;

/**
 * Earlier versions from the repository's own history: the embedded default of the gate, needing
 * no registry.
 *
 * <p>At each commit the subject's schema is the one that commit's {@code contracts.yaml} (beside
 * the schema folder) names for it, so a record renamed in the candidate is compared with its old
 * self (and reported as NAME_CHANGED unless aliased); without a catalogue, the candidate's name.
 *
 * <p>The baseline ref defaults to the merge-base of HEAD with the default branch
 * ({@code origin/HEAD}, else {@code origin/main}, {@code main}, {@code origin/master},
 * {@code master}); when that is HEAD itself (the default branch, or a branch with no commits of
 * its own), HEAD's first parent; at the repository's first commit, HEAD itself when the work tree
 * changed the contracts since, else there is nothing to compare and every subject is new. A
 * shallow clone needs a ref given, or fails. The subject's versions are the distinct contents of
 * its schema (found by full name, so moved and renamed files are followed) at each commit that
 * touched the schema folder along the ref's first-parent history, oldest first; the last is the
 * schema at the ref. Commits whose schema folder did not load (broken in their day) are passed
 * over. The subject's level is the one the ref's catalogue gave it.
 *
 * <p>The history is read once, on first use: one {@code ls-tree} per commit, one
 * {@code git cat-file --batch} for every distinct blob, then each commit's folder parsed in memory,
 * commits in parallel. Not thread-safe: use one instance per thread.
 */
public final class GitBaseline implements Baseline {

  private static final List<String> DEFAULT_BRANCHES =
      List.of("origin/HEAD", "origin/main", "main", "origin/master", "master");

  private final Path repository;
  private final Git git;
  private final String folder;
  /** Whether this is the baseline of the work tree's uncommitted edits (HEAD), beside the history's. */
  private final boolean forWorkingTree;
  private final String ref;
  private final String commit;
  private final boolean defaultBranchFound;
  private final boolean shallow;
  private List<Snapshot> snapshots;

  /** One commit's schema folder, and its catalogue's subjects (schema name and level) and topics, when it had one. */
  private record Snapshot(String commit, SchemaFolder folder, Map<String, Subject> subjects,
      Optional<List<TopicContract>> topics) {}

  /** A subject as one commit's catalogue declared it. */
  private record Subject(String typeName, CompatibilityLevel level) {}

  /**
   * @param repository  the git work tree
   * @param schemaFolder the schema folder relative to the repository root, e.g. {@code schemas/avro}
   * @param ref          the baseline ref, or empty for the default (see the class comment)
   * @throws IOException when git fails or a ref given names no commit
   * @throws ShallowCloneException when no ref is given and the clone is shallow
   */
  public GitBaseline(Path repository, String schemaFolder, Optional<String> ref) throws IOException {
    this(repository, schemaFolder, ref, false);
  }

  private GitBaseline(Path repository, String schemaFolder, Optional<String> ref, boolean forWorkingTree)
      throws IOException {
    this.repository = requireNonNull(repository, "repository == null");
    this.forWorkingTree = forWorkingTree;
    this.git = new Git(repository);
    this.folder = requireNonNull(schemaFolder, "schemaFolder == null");
    this.shallow = "true".equals(git.tryRun("rev-parse", "--is-shallow-repository"));
    if (ref.isEmpty() && shallow) {
      // A shallow clone has history it did not fetch: passing here would pass every break.
      throw new ShallowCloneException("this git clone is shallow, so the earlier versions of the contracts are not "
          + "in it: fetch the whole history (actions/checkout with fetch-depth: 0; GitLab GIT_DEPTH: 0; "
          + "git fetch --unshallow), or fetch the pull request's base and name it in contracts.against");
    }
    DefaultRef chosen = ref.map(given -> new DefaultRef(given, true)).orElseGet(this::defaultRef);
    this.defaultBranchFound = chosen.defaultBranchFound();
    if (chosen.ref() == null) {
      // HEAD is the repository's first commit (or there is none yet): nothing came before it.
      this.ref = null;
      this.commit = null;
      this.snapshots = List.of();
      return;
    }
    this.ref = chosen.ref();
    try {
      this.commit = git.run("rev-parse", "--verify", this.ref + "^{commit}").trim();
    } catch (IOException e) {
      throw new IOException("the git baseline '" + this.ref + "' names no commit in " + repository
          + " (fetch it first: a CI checkout may hold only the branch it builds): " + e.getMessage(), e);
    }
  }

  /**
   * The git baseline of a contracts directory: the repository holding it (found upwards from it)
   * and its schema folder there; empty when no git repository holds it (a source archive).
   *
   * @throws IOException as the constructor does
   */
  public static Optional<GitBaseline> of(Path contractsDirectory, Optional<String> ref) throws IOException {
    Path directory = contractsDirectory.toAbsolutePath().normalize();
    for (Path root = directory; root != null; root = root.getParent()) {
      if (Files.exists(root.resolve(".git"))) {
        String folder = root.relativize(directory.resolve(ContractsDirectory.SCHEMA_FOLDER)).toString()
            .replace(File.separatorChar, '/');
        return Optional.of(new GitBaseline(root, folder, ref.filter(given -> !given.isBlank())));
      }
    }
    return Optional.empty();
  }

  /** The baseline ref (null: none), and whether a default branch was there to choose it by. */
  private record DefaultRef(String ref, boolean defaultBranchFound) {}

  private DefaultRef defaultRef() {
    String head = git.tryRun("rev-parse", "HEAD");
    for (String branch : DEFAULT_BRANCHES) {
      if (git.tryRun("rev-parse", "--verify", "-q", branch + "^{commit}") == null) {
        continue;
      }
      String base = git.tryRun("merge-base", "HEAD", branch);
      return new DefaultRef(base != null && !base.equals(head) ? base : headsParent(), true);
    }
    return new DefaultRef(headsParent(), false);
  }

  private String headsParent() {
    if (git.tryRun("rev-parse", "--verify", "-q", "HEAD^1") != null) {
      return "HEAD^1";
    }
    // The first commit: its contracts are the baseline of edits made since; without any, nothing came before.
    String edited = git.tryRun("status", "--porcelain", "--", folder, cataloguePath());
    boolean committed = git.tryRun("rev-parse", "--verify", "-q", "HEAD^{commit}") != null;
    return committed && edited != null && !edited.isEmpty() ? "HEAD" : null;
  }

  /**
   * The baseline of the work tree's uncommitted edits: HEAD, when the work tree changed the contracts
   * (the schema folder or the catalogue) since HEAD and this baseline stands elsewhere (HEAD's parent
   * on the default branch, the merge-base on another); empty otherwise. Judged beside this one, a
   * break is caught before it is committed, whatever the history's baseline is.
   *
   * @throws IOException when git fails
   */
  public Optional<GitBaseline> workingTree() throws IOException {
    String head = git.tryRun("rev-parse", "HEAD");
    if (commit == null || head == null || head.equals(commit)) {
      return Optional.empty();
    }
    String edited = git.tryRun("status", "--porcelain", "--", folder, cataloguePath());
    if (edited == null || edited.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new GitBaseline(repository, folder, Optional.of("HEAD"), true));
  }

  /** The commit the baseline stands at; null at the repository's first commit, which has none. */
  public String commit() {
    return commit;
  }

  /** The history of a shallow clone is missing: the gate cannot judge, and must not pass. */
  public static final class ShallowCloneException extends IOException {
    ShallowCloneException(String message) {
      super(message);
    }
  }

  @Override
  public List<SchemaVersion> versions(String subject, String typeName) throws IOException {
    List<SchemaVersion> versions = new ArrayList<>();
    String previous = null;
    for (Snapshot snapshot : snapshots()) {
      // The subject's schema as that commit's catalogue named it: a renamed record keeps its history.
      Subject then = snapshot.subjects().get(subject);
      String nameThen = then == null ? typeName : then.typeName();
      boolean primitive = SchemaNames.PRIMITIVES.contains(nameThen);
      Optional<Schema> schema = snapshot.folder().typeOrPrimitive(nameThen);
      if (schema.isEmpty()) {
        continue;
      }
      String content = schema.get().toString();
      String shortCommit = snapshot.commit().substring(0, 7);
      SchemaSource source = primitive ? SchemaSource.of(schema.get()) : SchemaSource.fromFolder(snapshot.folder(),
          nameThen, file -> Path.of(shortCommit + ":" + folder + "/" + snapshot.folder().root().relativize(file)));
      if (content.equals(previous)) {
        // Same version, later commit: point findings at the file as it stands most recently.
        int number = versions.size();
        versions.set(number - 1, new SchemaVersion(number, source, shortCommit + " (version " + number + " in git)"));
        continue;
      }
      previous = content;
      int number = versions.size() + 1;
      versions.add(new SchemaVersion(number, source, shortCommit + " (version " + number + " in git)"));
    }
    return versions;
  }

  private List<Snapshot> snapshots() throws IOException {
    if (snapshots == null) {
      List<String> commits = new ArrayList<>(List.of(
          git.run("rev-list", "--first-parent", "--reverse", commit, "--", folder, cataloguePath()).split("\n")));
      commits.removeIf(String::isBlank);
      // Every commit's file list, then every distinct blob in one cat-file batch...
      Map<String, Map<String, String>> trees = new LinkedHashMap<>();
      for (String c : commits) {
        trees.put(c, git.blobs(c, folder, cataloguePath()));
      }
      Map<String, byte[]> blobs = git.contents(trees.values().stream()
          .flatMap(tree -> tree.values().stream()).distinct().toList());
      // ...then the commits' folders parsed in parallel, in memory.
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(commits.size(),
          Runtime.getRuntime().availableProcessors())));
      try {
        List<Future<Optional<Snapshot>>> loading = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> tree : trees.entrySet()) {
          loading.add(pool.submit(() -> load(tree.getKey(), tree.getValue(), blobs)));
        }
        List<Snapshot> loaded = new ArrayList<>();
        for (Future<Optional<Snapshot>> snapshot : loading) {
          snapshot.get().ifPresent(loaded::add);
        }
        snapshots = loaded;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading the git history", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return snapshots;
  }

  /** contracts.yaml beside the schema folder, relative to the repository. */
  private String cataloguePath() {
    Path parent = Path.of(folder).getParent();
    return (parent == null ? "" : parent + "/") + ContractsDirectory.CATALOGUE_FILE;
  }

  /**
   * The level the baseline commit's catalogue gave the subject: the latest commit up to the ref
   * whose catalogue named it.
   */
  @Override
  public Optional<CompatibilityLevel> level(String subject) throws IOException {
    List<Snapshot> all = snapshots();
    for (int i = all.size() - 1; i >= 0; i--) {
      Subject then = all.get(i).subjects().get(subject);
      if (then != null) {
        return Optional.of(then.level());
      }
    }
    return Optional.empty();
  }

  /** The topics of the baseline commit's catalogue: the latest commit up to the ref that had one. */
  @Override
  public Optional<List<TopicContract>> topics() throws IOException {
    List<Snapshot> all = snapshots();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).topics().isPresent()) {
        return all.get(i).topics();
      }
    }
    return Optional.empty();
  }

  /** Subject → schema name and level from a commit's topics, as the gate and registration list them. */
  private static Map<String, Subject> subjects(List<TopicContract> topics) {
    Map<String, Subject> subjects = new HashMap<>();
    CatalogueSubject.of(topics).forEach(s -> subjects.put(s.subject(), new Subject(s.typeName(), s.level())));
    return subjects;
  }

  /**
   * One commit's schema folder and catalogue from its blobs, parsed in memory (the folder appears
   * under a root named after the commit); empty if the folder did not load.
   */
  private Optional<Snapshot> load(String c, Map<String, String> tree, Map<String, byte[]> blobs) throws IOException {
    String catalogue = cataloguePath();
    Path root = Path.of(c);
    Map<Path, byte[]> files = new HashMap<>();
    tree.forEach((path, blob) -> {
      if (path.endsWith(".avsc")) {
        files.put(root.resolve(path), blobs.get(blob));
      }
    });
    SchemaFolder snapshot = SchemaFolder.load(root.resolve(folder), files, p -> p);
    if (snapshot.hasProblems()) {
      return Optional.empty();
    }
    String catalogueBlob = tree.get(catalogue);
    Optional<List<TopicContract>> topics = catalogueBlob == null ? Optional.empty()
        : Optional.of(CatalogueReader.read(new String(blobs.get(catalogueBlob), StandardCharsets.UTF_8), snapshot,
            Path.of(catalogue)).catalogue().topics());
    return Optional.of(new Snapshot(c, snapshot, topics.map(GitBaseline::subjects).orElse(Map.of()), topics));
  }

  @Override
  public String describe() {
    if (commit == null) {
      return "git: first version of the contracts, nothing to compare (HEAD is the repository's first commit)";
    }
    if (forWorkingTree) {
      return "the working tree's uncommitted edits against git HEAD (" + commit.substring(0, 7) + ")";
    }
    // Said wherever the baseline is shown: on a branch, HEAD's parent misses the branch's earlier commits.
    return "git " + ref + " (" + commit.substring(0, 7)
        + (defaultBranchFound ? "" : ", HEAD's parent: this clone has no default branch to take the merge-base with")
        + (shallow ? ", in a shallow clone: versions before its fetched history are not seen" : "")
        + ")";
  }
}
