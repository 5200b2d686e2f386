// Asserts the build log (all invocations, in order) word for word where it matters.
buildLog = new File(basedir, "build.log").text  // in the binding, so the methods see it
def expect(String text) {
  if (!buildLog.contains(text)) {
    throw new AssertionError("build.log lacks:\n" + text)
  }
}

// check: the registry's version 1, judged by our engine.
expect("[ERROR] kafka-contracts: 1 violation from 1 cause in 1 of 2 subjects, 0 warnings, 0 problems (baseline: registry " + registryUrl + ")")
expect("""[ERROR] avro/Order.avsc:8:5: FIELD_ADDED_WITHOUT_DEFAULT
[ERROR]     field 'qty' of record 'com.example.Order' has no default, so the candidate cannot read data written with version 1, which lacks it
[ERROR]     fix: give field 'qty' a default, for example type ["null","int"] with default null
[ERROR]     breaks refused.orders-value at /fields/qty [BACKWARD, backward against version 1]""")
// The registry's own check agrees that the candidate breaks version 1.
expect("[INFO] kafka-contracts: the registry's own compatibility check agrees on 2 of 2 subjects it knows")
def answers = new groovy.json.JsonSlurper().parse(new File(basedir, "target/contracts/registry-cross-check.json"))
assert answers.size() == 2
assert answers[0].subject == "refused.orders-value"
assert answers[1].subject == "refused.orders-key" && answers[1].oursCompatible == true && answers[1].disagrees == false
assert answers[0].oursCompatible == false && answers[0].registryCompatible == false && answers[0].disagrees == false
// register: our gate refuses the candidate before anything is written; the key subject is not registered either.
def register = buildLog.split(/\[INFO\] Building registry-refused 1.0/)[2]
assert register.contains("""[ERROR] avro/Order.avsc:8:5: FIELD_ADDED_WITHOUT_DEFAULT""")
assert register.contains("""[ERROR]     breaks refused.orders-value at /fields/qty [BACKWARD, backward against version 1]""")
assert register.contains("1 compatibility violation in 1 subject against the registry's versions (see above): nothing was registered, the registry is unchanged. Fix each violation as its 'fix:' line says, or, for an intentional break, add an entry with a reason to accepted-breaks.yaml.")
assert !register.contains("refused.orders-key: new version")
assert new URL(registryUrl + "/subjects/refused.orders-value/versions").text == "[1]"
// An unreachable registry: named without credentials, the cause and the retries made, and nothing written.
// The listing of every version is asked first: without an answer the run stops there, not once per subject.
expect("the registry http://127.0.0.1:1 with basic auth could not be read, so nothing was written: cannot read subject 'refused.orders-value' from registry http://127.0.0.1:1 with basic auth: GET /schemas?subjectPrefix=refused.orders-&latestOnly=false&offset=0&limit=1000 could not reach the schema registry at http://127.0.0.1:1: ")
expect(": ConnectException (4 attempts). Check the URL, the credentials and that the registry is up, then run register again.")
assert !buildLog.contains("secret")
// An accepted break at an unchanged level: our gate knows the registry would refuse it, says how to publish
// it, and writes nothing (the same finding fails the pull request's gate, before the merge).
def accepted = buildLog.split(/\[INFO\] Building registry-refused 1.0/)[4]
assert accepted.contains("[INFO] accepted: refused.orders-value FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty against version 1 (orders written before qty are replayed from the source system (INC-81); accepts-the-break.yaml:2:5)")
assert accepted.contains("[ERROR] accepts-the-break.yaml:2:5: the registry would still refuse the break this entry accepts (FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty in subject 'refused.orders-value'): the subject stays at BACKWARD in contracts.yaml:2:5, which checks the candidate backward against version 1, so registration would fail after the merge. Relax its compatibility (to FORWARD or NONE) in the same change and accept its LEVEL_RELAXED too, or publish the break on a new topic [ACCEPTED_BREAK_REFUSED_AT_LEVEL]")
assert accepted.contains("0 compatibility violations in 0 subjects and 1 problem against the registry's versions (see above): nothing was registered, the registry is unchanged. Fix each problem as its message says.")
assert !accepted.contains("incompatible: ")
assert new URL(registryUrl + "/subjects/refused.orders-value/versions").text == "[1]"
// Under -X: the secret reached the client (basic auth) and no line of the log, Maven's parameter dump included.
def debug = buildLog.split(/\[INFO\] Building registry-refused 1.0/)[5]
assert debug.contains("[DEBUG]")
assert debug.contains("the registry http://127.0.0.1:1 with basic auth with headers [X-Api-Key] could not be read, so nothing was written")
assert !buildLog.contains("s3cr3t") && !buildLog.contains("h3ad3rs3cr3t") && !buildLog.contains("k3ys3cr3t")
return true
