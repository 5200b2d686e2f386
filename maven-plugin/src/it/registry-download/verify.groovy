// Asserts each build's log where it matters, the downloaded files, and the level set in the registry.
import groovy.json.JsonSlurper
def runs = new File(basedir, "build.log").text.split(/\[INFO\] Building registry-download 1.0/)
assert runs.length == 4 : "three builds"
// 1: the catalogue's level, in the registry.
assert runs[1].contains("[INFO] downloaded.orders-value: level NONE -> BACKWARD_TRANSITIVE\n")
assert new JsonSlurper().parse(new URL(registryUrl + "/config/downloaded.orders-value")).compatibilityLevel ==
    "BACKWARD_TRANSITIVE"
// 2: every version of the two matching subjects; the money subject does not match the pattern.
def downloaded = new File(basedir, "target/downloaded")
assert runs[2].contains("[INFO] kafka-contracts: 3 versions of 2 subjects in " + downloaded)
assert downloaded.list().sort() == ["downloaded.orders-audit", "downloaded.orders-value"]
// A JSON Schema is written as .json: it is no Avro baseline, and the gate, which reads .avsc, passes it by.
assert new File(downloaded, "downloaded.orders-audit").list() as List == ["1.json"]
def folder = new File(downloaded, "downloaded.orders-value")
assert folder.list().sort() == ["1.avsc", "2.avsc"]
// Version 1 named Money through a reference: its file holds Money's definition, so it stands alone.
def v1 = new JsonSlurper().parse(new File(folder, "1.avsc"))
assert v1.fields*.name == ["id", "amount"]
assert v1.fields[1].type == [type: "record", name: "Money", fields: [[name: "cents", type: "long"]]]
// Version 2 had no references: its file is the registry's text as it is.
def registered = new JsonSlurper().parse(new URL(registryUrl + "/subjects/downloaded.orders-value/versions/2")).schema
assert new File(folder, "2.avsc").text == registered
// 3: the gate against the downloaded versions, both of them (the level is transitive).
assert runs[3].contains("[INFO] kafka-contracts: 0 violations from 0 causes in 0 of 1 subjects, 0 warnings, 0 problems (baseline: directory " +
    downloaded + ")")
def report = new JsonSlurper().parse(new File(basedir, "target/contracts/compatibility.json"))
assert report.subjects*.versionsChecked == [[1, 2]]
return true
