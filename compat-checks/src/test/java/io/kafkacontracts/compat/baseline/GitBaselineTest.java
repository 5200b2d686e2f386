package io.kafkacontracts.compat.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.compat.CompatibilityEngine;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.TestFiles;
import io.kafkacontracts.compat.lint.SchemaFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.ContractsGate;
import io.kafkacontracts.compat.Rule;
import io.kafkacontracts.compat.report.GateReport;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git baseline against a real repository made in a temporary folder. */
class GitBaselineTest {

  @TempDir
  Path repo;

  private static String order(String... extraFields) {
    StringBuilder fields = new StringBuilder("{\"name\": \"id\", \"type\": \"string\"}");
    for (String f : extraFields) {
      fields.append(",\n    ").append(f);
    }
    return "{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"com.example\",\n  \"fields\": [\n    "
        + fields + "\n  ]}\n";
  }

  private static final String QTY_DEFAULT = "{\"name\": \"qty\", \"type\": \"int\", \"default\": 1}";
  private static final String QTY = "{\"name\": \"qty\", \"type\": \"int\"}";

  private void git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(),
        "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  private void write(String relative, String text) throws IOException {
    TestFiles.write(repo, relative, text);
  }

  private void commit(String message) throws IOException, InterruptedException {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
  }

  @BeforeEach
  void history() throws Exception {
    git("init", "-q", "-b", "main");
    write("schemas/avro/shop/Order.avsc", order());
    commit("v1");
    write("README.md", "unrelated\n");
    commit("not a schema change");
    write("schemas/avro/shop/Order.avsc", order(QTY_DEFAULT));
    write("schemas/avro/shop/Other.avsc",
        "{\"type\": \"enum\", \"name\": \"Other\", \"namespace\": \"com.example\", \"symbols\": [\"A\"]}\n");
    commit("v2");
    // Moving the file keeps the same content: no new version, and the history is followed.
    Files.createDirectories(repo.resolve("schemas/avro/sales"));
    git("mv", "schemas/avro/shop/Order.avsc", "schemas/avro/sales/Order.avsc");
    commit("move");
    write("schemas/avro/sales/Order.avsc", "{ broken");
    commit("a broken state, passed over");
    write("schemas/avro/sales/Order.avsc", order(QTY_DEFAULT));
    commit("repaired");
  }

  @Test
  void onTheDefaultBranchTheBaselineIsTheFirstParentWithEveryDistinctEarlierVersion() throws Exception {
    write("schemas/avro/sales/Order.avsc", order(QTY));
    commit("candidate: qty loses its default");

    GitBaseline baseline = new GitBaseline(repo, "schemas/avro", Optional.empty());
    List<SchemaVersion> versions = baseline.versions("orders-value", "com.example.Order");

    assertThat(versions).extracting(SchemaVersion::version).containsExactly(1, 2);
    assertThat(versions.get(0).source().schema().getField("qty")).isNull();
    assertThat(versions.get(1).source().schema().getField("qty").hasDefaultValue()).isTrue();
    // On the default branch HEAD's parent is the baseline by choice: nothing to warn about.
    assertThat(baseline.describe()).isEqualTo("git HEAD^1 (" + revParse("HEAD^1").substring(0, 7) + ")");
    assertThat(versions.get(1).source().file()).hasValueSatisfying(file ->
        assertThat(file.toString()).matches("[0-9a-f]{7}:schemas/avro/sales/Order.avsc"));

    SchemaFolder work = SchemaFolder.load(repo.resolve("schemas/avro"));
    SchemaSource candidate = SchemaSource.fromFolder(work, "com.example.Order", p -> repo.relativize(p));
    CompatibilityEngine engine = new CompatibilityEngine();
    assertThat(engine.check("orders-value", candidate, versions, CompatibilityLevel.BACKWARD).isCompatible())
        .isTrue();
    CompatibilityReport transitive =
        engine.check("orders-value", candidate, versions, CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(transitive.violations()).singleElement().satisfies(v -> {
      assertThat(v.version()).isEqualTo(1);
      // Named by the commit it comes from: "version 1" alone would read like a registry's version.
      assertThat(v.versionName()).isEqualTo(versions.get(0).source().file().orElseThrow().toString().substring(0, 7)
          + " (version 1 in git)");
      assertThat(v.message()).contains("cannot read data written with " + v.versionName() + ", which lacks it");
      assertThat(v.candidateLocation()).map(Object::toString).contains("schemas/avro/sales/Order.avsc:4:5");
    });
  }

  @Test
  void uncommittedEditsAreJudgedAgainstHeadBesideTheHistory() throws Exception {
    String note = "{\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}";
    write("schemas/avro/sales/Order.avsc", order(QTY_DEFAULT, note));
    commit("a note");
    GitBaseline clean = new GitBaseline(repo, "schemas/avro", Optional.empty());
    assertThat(clean.workingTree()).isEmpty();

    // Not committed: the note the last commit added changes its type.
    write("schemas/avro/sales/Order.avsc", order(QTY_DEFAULT, "{\"name\": \"note\", \"type\": \"int\", \"default\": 0}"));
    write("schemas/contracts.yaml", "topics:\n  - name: orders\n    value: com.example.Order\n");
    GitBaseline history = new GitBaseline(repo, "schemas/avro", Optional.empty());
    GitBaseline head = history.workingTree().orElseThrow();
    assertThat(head.commit()).isEqualTo(revParse("HEAD"));
    assertThat(head.describe()).isEqualTo("the working tree's uncommitted edits against git HEAD ("
        + revParse("HEAD").substring(0, 7) + ")");

    ContractsDirectory contracts = ContractsDirectory.load(repo.resolve("schemas"), repo::relativize);
    GateReport alone = new ContractsGate().run(contracts, history, AcceptedBreaks.none(), LocalDate.of(2026, 12, 7),
        repo::relativize);
    assertThat(alone.fails()).as("HEAD^1 has no note: adding one with a default is compatible").isFalse();
    GateReport both = new ContractsGate().run(contracts, List.of(history, head), AcceptedBreaks.none(),
        LocalDate.of(2026, 12, 7), repo::relativize);
    assertThat(both.fails()).isTrue();
    assertThat(both.baseline()).isEqualTo(history.describe() + " and " + head.describe());
    assertThat(both.subjects().get(0).errors()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(Rule.FIELD_TYPE_CHANGED);
      assertThat(v.versionName()).isEqualTo(revParse("HEAD").substring(0, 7) + " (version 3 in git)");
    });
  }

  @Test
  void onABranchTheBaselineIsTheMergeBaseWithTheDefaultBranch() throws Exception {
    git("checkout", "-q", "-b", "feature");
    write("schemas/avro/sales/Order.avsc", order(QTY_DEFAULT, "{\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}"));
    commit("feature 1");
    write("schemas/avro/sales/Order.avsc", order(QTY));
    commit("feature 2");

    GitBaseline baseline = new GitBaseline(repo, "schemas/avro", Optional.empty());
    assertThat(baseline.commit()).isEqualTo(revParse("main"));
    // The feature branch's own commits are not earlier versions: main's history is.
    assertThat(baseline.versions("orders-value", "com.example.Order")).hasSize(2);
  }

  @Test
  void withoutADefaultBranchTheBaselineIsHeadsParentAndItsDescriptionSaysWhy() throws Exception {
    git("checkout", "-q", "-b", "feature");
    write("schemas/avro/sales/Order.avsc", order(QTY));
    commit("feature 1");
    // As a CI checkout of one branch alone has it.
    git("branch", "-q", "-D", "main");

    GitBaseline baseline = new GitBaseline(repo, "schemas/avro", Optional.empty());

    assertThat(baseline.commit()).isEqualTo(revParse("HEAD^1"));
    assertThat(baseline.describe()).isEqualTo("git HEAD^1 (" + revParse("HEAD^1").substring(0, 7)
        + ", HEAD's parent: this clone has no default branch to take the merge-base with)");
    assertThat(new GitBaseline(repo, "schemas/avro", Optional.of("HEAD~2")).describe())
        .isEqualTo("git HEAD~2 (" + revParse("HEAD~2").substring(0, 7) + ")");
  }

  @Test
  void anExplicitRefAndANewSubject() throws Exception {
    GitBaseline baseline = new GitBaseline(repo, "schemas/avro", Optional.of("main~3"));
    assertThat(baseline.versions("orders-value", "com.example.Order")).hasSize(2);
    assertThat(baseline.versions("new-value", "com.example.New")).isEmpty();
  }

  @Test
  void anUnknownRefIsAClearError() {
    assertThatThrownBy(() -> new GitBaseline(repo, "schemas/avro", Optional.of("no-such-branch")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("the git baseline 'no-such-branch' names no commit in " + repo
            + " (fetch it first: a CI checkout may hold only the branch it builds): "
            + "git rev-parse --verify no-such-branch^{commit} failed (exit 128): fatal:");
  }

  @Test
  void theFirstCommitHasNothingToCompareAndSaysSo() throws Exception {
    Path first = repo.resolve("first");
    TestFiles.write(first, "schemas/avro/Order.avsc", order());
    git("-C", first.toString(), "init", "-q", "-b", "main");
    git("-C", first.toString(), "add", "-A");
    git("-C", first.toString(), "commit", "-q", "-m", "the first contracts");

    GitBaseline baseline = new GitBaseline(first, "schemas/avro", Optional.empty());

    assertThat(baseline.versions("orders-value", "com.example.Order")).isEmpty();
    assertThat(baseline.level("orders-value")).isEmpty();
    assertThat(baseline.describe())
        .isEqualTo("git: first version of the contracts, nothing to compare (HEAD is the repository's first commit)");

    // Edited since: the first commit is what the edits are judged against.
    TestFiles.write(first, "schemas/avro/Order.avsc", order(QTY));
    GitBaseline edited = new GitBaseline(first, "schemas/avro", Optional.empty());
    assertThat(edited.versions("orders-value", "com.example.Order")).extracting(SchemaVersion::version).containsExactly(1);
    assertThat(edited.describe()).startsWith("git HEAD (");
  }

  @Test
  void aShallowCloneFailsWithTheFixUnlessARefIsGiven() throws Exception {
    Path clone = repo.resolveSibling(repo.getFileName() + "-shallow");
    git("clone", "-q", "--depth", "1", "file://" + repo, clone.toString());

    assertThatThrownBy(() -> new GitBaseline(clone, "schemas/avro", Optional.empty()))
        .isInstanceOf(GitBaseline.ShallowCloneException.class)
        .hasMessage("this git clone is shallow, so the earlier versions of the contracts are not in it: fetch the "
            + "whole history (actions/checkout with fetch-depth: 0; GitLab GIT_DEPTH: 0; git fetch --unshallow), or "
            + "fetch the pull request's base and name it in contracts.against");
    assertThat(new GitBaseline(clone, "schemas/avro", Optional.of("HEAD")).describe())
        .endsWith(", in a shallow clone: versions before its fetched history are not seen)");
  }

  @Test
  void theLevelIsTheOneTheBaselinesCatalogueGaveTheSubject() throws Exception {
    write("schemas/contracts.yaml", "topics:\n  - name: orders\n    value: com.example.Order\n"
        + "    compatibility: FULL\n");
    commit("catalogue at FULL");
    write("schemas/contracts.yaml", "topics:\n  - name: orders\n    value: com.example.Order\n"
        + "    compatibility: NONE\n");
    commit("candidate relaxes it");

    GitBaseline baseline = new GitBaseline(repo, "schemas/avro", Optional.empty());

    assertThat(baseline.level("orders-value")).contains(CompatibilityLevel.FULL);
    assertThat(baseline.level("payments-value")).isEmpty();
  }

  @Test
  void theTopicsAreTheBaselineCommitsCatalogues() throws Exception {
    write("schemas/contracts.yaml", "topics:\n  - name: orders\n    value: com.example.Order\n    partitions: 6\n");
    commit("orders with 6 partitions");
    write("schemas/contracts.yaml", "topics:\n  - name: orders\n    value: com.example.Order\n    partitions: 3\n");
    commit("candidate: 3");

    GitBaseline baseline = new GitBaseline(repo, "schemas/avro", Optional.empty());

    assertThat(baseline.topics()).hasValueSatisfying(topics -> assertThat(topics).singleElement()
        .satisfies(topic -> assertThat(topic.partitions()).isEqualTo(6)));
  }

  private String revParse(String ref) throws IOException {
    return new Git(repo).run("rev-parse", ref).trim();
  }

  @Test
  void aRenamedRecordIsFollowedThroughTheCatalogueAndReportedAsRenamed() throws Exception {
    write("schemas/contracts.yaml", "topics:\n  - name: orders\n    value: com.example.Order\n");
    commit("catalogue");
    git("rm", "-q", "schemas/avro/sales/Order.avsc");
    write("schemas/avro/sales/Purchase.avsc", order(QTY_DEFAULT).replace("\"Order\"", "\"Purchase\""));
    write("schemas/contracts.yaml", "topics:\n  - name: orders\n    value: com.example.Purchase\n");
    commit("candidate: Order renamed to Purchase");

    GitBaseline baseline = new GitBaseline(repo, "schemas/avro", Optional.empty());
    List<SchemaVersion> versions = baseline.versions("orders-value", "com.example.Purchase");
    assertThat(versions).isNotEmpty();
    assertThat(versions.get(versions.size() - 1).source().schema().getFullName()).isEqualTo("com.example.Order");

    SchemaFolder work = SchemaFolder.load(repo.resolve("schemas/avro"));
    SchemaSource candidate = SchemaSource.fromFolder(work, "com.example.Purchase", p -> repo.relativize(p));
    assertThat(new CompatibilityEngine().check("orders-value", candidate, versions, CompatibilityLevel.BACKWARD)
        .violations()).extracting(v -> v.rule().name()).containsExactly("NAME_CHANGED");
  }
}
