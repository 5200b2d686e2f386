// Asserts the build log (all invocations, in order) word for word where it matters.
buildLog = new File(basedir, "build.log").text
def mainCommit = ['git', 'rev-parse', 'main'].execute(null, basedir).text.trim()
def main = mainCommit.substring(0, 7)
// The default baseline: the merge-base with main, named by its commit.
def baseline = "git ${mainCommit} (${main})"
def runs = buildLog.split(/\[INFO\] Building level-relaxed 1.0/)
assert runs.length == 4 : "three builds"
def relaxed = """[ERROR] contracts.yaml:6:20: LEVEL_RELAXED
[ERROR]     subject 'orders-value' is relaxed from FULL (in ${baseline}) to NONE, which no longer guarantees that new versions read the data of earlier ones; this change is still judged at FULL
[ERROR]     fix: keep compatibility: FULL (or a stricter level); to relax it on purpose, add an accepted break for rule LEVEL_RELAXED at path /compatibility of subject 'orders-value', with the reason and who agreed
[ERROR]     breaks orders-value at /compatibility [FULL, backward against ${main} (version 1 in git)]"""
// 1: the level in the same commit does not let the break through: both are reported.
assert runs[1].contains("[ERROR] kafka-contracts: 2 violations from 2 causes in 1 of 1 subjects, 0 warnings, 0 problems (baseline: ${baseline})")
assert runs[1].contains(": FIELD_REMOVED_WITHOUT_DEFAULT\n")
assert runs[1].contains("[ERROR]     breaks orders-value at /fields/qty [FULL, forward against ${main} (version 1 in git)]")
assert runs[1].contains(relaxed)
// 2: the accepted break passes (logged as information though the build fails); the relaxation fails until it too is accepted.
assert runs[2].contains("[ERROR] kafka-contracts: 1 violation from 1 cause in 1 of 1 subjects, 0 warnings, 0 problems")
assert runs[2].contains(relaxed)
assert runs[2].contains("[INFO] accepted: orders-value FIELD_REMOVED_WITHOUT_DEFAULT at /fields/qty against ${main} (version 1 in git) (the one consumer of orders moved off qty (INC-77); accepts-the-break.yaml:")
// 3: both accepted.
assert runs[3].contains("[INFO] kafka-contracts: 0 violations from 0 causes in 0 of 1 subjects, 0 warnings, 0 problems")
assert runs[3].contains("[INFO] accepted: orders-value LEVEL_RELAXED at /compatibility against ${main} (version 1 in git) (orders is replaced by orders.v2; nobody replays it (ADR-12); accepts-both.yaml:")
assert runs[3].contains("BUILD SUCCESS")
return true
