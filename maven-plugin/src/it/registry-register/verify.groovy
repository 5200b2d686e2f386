// Asserts the build log (all invocations, in order) word for word where it matters.
buildLog = new File(basedir, "build.log").text  // in the binding, so the methods see it

def runs = buildLog.split(/\[INFO\] Building registry-register 1.0/)
assert runs.length == 4 : "three builds"
// 1: the dry run judges version 2 against version 1 at the stricter level, and says what would happen...
assert runs[1].contains("[INFO] kafka-contracts: dry run over 2 subjects at " + registryUrl)
assert runs[1].contains("[INFO] note: registered.orders-value: level BACKWARD -> FULL, stricter: the candidate was checked against version 1 at FULL\n")
assert runs[1].contains("registered.orders-value: new version 2; level BACKWARD -> FULL\n")
assert runs[1].contains("registered.orders-key: new version 1")
// The registry holds the value's version 1 and no key subject: an Avro key is a change of the key's bytes,
// accepted here with its reason.
assert runs[1].contains("[INFO] accepted: registered.orders KEY_FORMAT_CHANGED at /topics/registered.orders/key against registry ")
assert runs[1].contains("[INFO] kafka-contracts: 2 new versions would be registered, 0 unchanged, 0 refused, 2 levels would change")
// 2: ...and wrote nothing, so the real run registers version 2 (found right after, not a stale miss) and succeeds...
assert runs[2] =~ /\[INFO\] \[[12]\/2\] registered.orders-value: new version 2 \(id [0-9]+\); level BACKWARD -> FULL\n/
assert runs[2].contains("registered.orders-key: new version 1 (id ")
assert runs[2].contains("[INFO] kafka-contracts: 2 new versions, 0 unchanged, 0 refused, 2 levels changed")
assert runs[2].contains("BUILD SUCCESS")
// 3: ...and a second run adds nothing and changes no level.
assert runs[3].contains("registered.orders-value: unchanged, version 2 (id ")
assert runs[3].contains("[INFO] kafka-contracts: 0 new versions, 2 unchanged, 0 refused, 0 levels changed")
// Once the key subject is registered, the entry is spent: a warning with the lines to delete.
assert runs[3].contains("[WARNING] accepted-breaks.yaml:2:5: warning: the accepted break of KEY_FORMAT_CHANGED at /topics/registered.orders/key in subject 'registered.orders' matches no violation against registry ")
assert runs[3].contains("delete lines 2-5 of accepted-breaks.yaml [ACCEPTED_BREAK_SPENT]")
assert new URL(registryUrl + "/subjects/registered.orders-value/versions").text == "[1,2]"
assert new URL(registryUrl + "/config/registered.orders-value").text.contains("FULL")
def registration = new groovy.json.JsonSlurper().parse(new File(basedir, "target/contracts/registration.json"))
assert registration.find { it.subject == "registered.orders-value" }.with { outcome == "UNCHANGED" && version == 2 && level == "FULL" }
return true
