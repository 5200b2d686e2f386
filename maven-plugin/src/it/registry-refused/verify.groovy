// Asserts the build log (all invocations, in order) word for word where it matters.
buildLog = new File(basedir, "build.log").text  // in the binding, so the methods see it
def expect(String text) {
  if (!buildLog.contains(text)) {
    throw new AssertionError("build.log lacks:\n" + text)
  }
}

// check: the registry's version 1, judged by our engine.
expect("[ERROR] kafka-contracts: 1 violation in 1 of 1 subjects, 0 problems (baseline: registry " + registryUrl + ")")
expect("""[ERROR] avro/Order.avsc:8:5: refused.orders-value [BACKWARD, backward against version 1] FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty
[ERROR]     field 'qty' of record 'com.example.Order' has no default, so the candidate cannot read data written with version 1, which lacks it""")
// The registry's own check agrees that the candidate breaks version 1.
expect("[INFO] kafka-contracts: the registry's own compatibility check agrees on 1 of 1 subjects it knows")
def answers = new groovy.json.JsonSlurper().parse(new File(basedir, "target/contracts/registry-cross-check.json"))
assert answers.size() == 1
assert answers[0].subject == "refused.orders-value"
assert answers[0].oursCompatible == false && answers[0].registryCompatible == false && answers[0].disagrees == false
// register: the registry itself refuses the candidate with 409; the other subject is still registered.
expect("refused.orders-value: incompatible: POST /subjects/refused.orders-value/versions failed with HTTP 409")
expect("refused.orders-key: new version 1 (id ")
expect("1 of 2 subjects were refused by the registry (see above): fix the contracts (contracts:check shows why), then run register again; subjects already registered stay as they are")
assert new URL(registryUrl + "/subjects/refused.orders-value/versions").text == "[1]"
return true
