// Warnings pass unless contracts.failOnWarning; they are printed by validate and by the gate.
def buildLog = new File(basedir, "build.log").text
def runs = buildLog.split(/\[INFO\] Building lint-warnings 1.0/)
assert runs.length == 4 : "three builds"
def docWarning = "[WARNING] avro/shop/Order.avsc:7:14: warning: field 'note' of record 'com.example.shop.Order' has no doc; say what it holds, its unit or format [FIELD_DOC]"
// 1: both warnings printed, the build passes.
assert runs[1].contains(docWarning)
assert runs[1].contains("[WARNING] kafka-contracts: 0 violations from 0 causes in 0 of 1 subjects, 2 warnings, 0 problems (baseline: directory ")
assert runs[1].contains("""[WARNING] avro/shop/Order.avsc:6:5: warning: FIELD_DEFAULT_CHANGED
[WARNING]     field 'channel' of record 'com.example.shop.Order' has default "web" in version 1 but "shop" in the candidate: readers of data written without the field now see "shop" instead of "web"
[WARNING]     fix: keep default "web"; for another value, add a new field with that default
[WARNING]     in orders-value at /fields/channel [BACKWARD, backward against version 1]""")
assert runs[1].contains("BUILD SUCCESS")
// 2: validate fails on the lint warning.
assert runs[2].contains(docWarning)
assert runs[2].contains("1 lint warning in the contracts under . (see above) and contracts.failOnWarning is on: fix them, or take their rules out in contracts.yaml's lint section (except, ignore, ignoreOnly)")
// 3: the gate alone fails on its two warnings.
assert runs[3].contains("0 compatibility violations in 0 subjects, and 2 warnings (contracts.failOnWarning) (see above and target/contracts/compatibility.json)")
def report = new groovy.json.JsonSlurper().parse(new File(basedir, "target/contracts/compatibility.json"))
assert report.warnings == 2 && report.fails == false
assert report.findings*.rule == ["FIELD_DEFAULT_CHANGED"]
assert report.problems*.rule == ["FIELD_DOC"] && report.problems*.severity == ["WARNING"]
return true
