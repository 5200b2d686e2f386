// Asserts the build log (both invocations, in order) word for word where it matters.
buildLog = new File(basedir, "build.log").text
def runs = buildLog.split(/\[INFO\] Building accepted-break 1.0/)
assert runs.length == 4 : "three builds"
// 1: accepted, yet still refused at BACKWARD: the failure names the entry, the level's line and the way out;
// the accepted line stays information.
assert runs[1].contains("[ERROR] kafka-contracts: 0 violations from 0 causes in 0 of 1 subjects, 0 warnings, 1 problem (baseline: directory ")
assert runs[1].contains("[INFO] accepted: orders-value FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty against version 1 (no consumer reads version 1 any more (INC-42); accepted-breaks.yaml:2:5)")
assert runs[1].contains("[ERROR] accepted-breaks.yaml:2:5: the registry would still refuse the break this entry accepts (FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty in subject 'orders-value'): the subject stays at BACKWARD in contracts.yaml:6:20, which checks the candidate backward against version 1, so registration would fail after the merge. Relax its compatibility (to FORWARD or NONE) in the same change and accept its LEVEL_RELAXED too, or publish the break on a new topic [ACCEPTED_BREAK_REFUSED_AT_LEVEL]")
assert runs[1].contains("0 compatibility violations in 0 subjects and 1 problem (see above and target/contracts/compatibility.json). Fix each problem as its message says.")
assert !runs[1].contains("add an entry")
// 2: the baseline holds the candidate: the entry is spent, a warning with the lines to delete, never a failure
// (not even with contracts.failOnWarning).
assert runs[2].contains("[WARNING] accepted-breaks.yaml:2:5: warning: the accepted break of FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty in subject 'orders-value' matches no violation against directory ")
assert runs[2].contains(": the baseline already holds the change it accepted (or it never matched one); delete lines 2-5 of accepted-breaks.yaml [ACCEPTED_BREAK_SPENT]")
assert runs[2].contains("BUILD SUCCESS")
// 3: pruned: the entry's lines are gone, the list is empty, and the build says which lines went.
assert runs[3].contains("[INFO] kafka-contracts: deleted lines 2-5 of accepted-breaks.yaml (spent: FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty in subject 'orders-value')")
assert new File(basedir, "accepted-breaks.yaml").text == "accepted:\n"
return true
