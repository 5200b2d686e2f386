// Asserts each build's log where it matters, and what the import wrote.
def runs = new File(basedir, "build.log").text.split(/\[INFO\] (Building (Maven Stub Project \(No POM\)|imported|team)|BUILD)/)
def log = new File(basedir, "build.log").text
def team = new File(basedir, "team")
// 1: the repository, from the registry alone.
assert log.contains("[INFO]   imported.orders: value com.acme.imported.Order (subject 'imported.orders-value', 2 versions), " +
    "key in subject 'imported.orders-key', FULL\n")
assert log.contains("[WARNING]   to decide: Subject 'imported_legacy' (com.acme.imported.Legacy) belongs to no topic found: " +
    "its name follows no strategy. If a topic carries it, add the topic to contracts.yaml with valueSubject: imported_legacy " +
    "(or keySubject:).\n")
assert log.contains("[WARNING]   to decide: No cluster was read (contracts.kafka.bootstrapServers)")
assert log =~ /\[INFO\] kafka-contracts: imported 2 topics into \.: 1[0-9] files created, 0 replaced, 0 unchanged; 2 things to decide in import-report.md/
["pom.xml", "contracts.yaml", "accepted-breaks.yaml", "import-report.md", ".gitignore", ".mvn/jvm.config",
 "ci/scripts/publish.sh", "avro/com/acme/imported/Order.avsc", "avro/com/acme/imported/Money.avsc",
 "avro/com/acme/imported/Payment.avsc"].each { assert new File(team, it).isFile() : it }
assert new File(team, "ci/scripts/publish.sh").canExecute()
def pom = new File(team, "pom.xml").text
assert pom.contains("<groupId>com.acme.contracts</groupId>") && pom.contains("<artifactId>team</artifactId>")
assert pom.contains("<contracts.register.references>true</contracts.register.references>")
assert !(pom =~ /\$\{(groupId|artifactId|package|version|[a-zA-Z]+Version)\}/) : "every archetype variable filled"
// 2: the imported repository builds, generates, and passes the gate against every version the registry holds;
// registering it would change nothing.
assert log.contains("subjects, 0 warnings, 0 problems (baseline: registry " )
// Apicurio 2.6's difference: its own compatibility check cannot read a version that refers to another
// (Confluent's can); a warning, the gate's verdict stands.
assert log.contains("[WARNING] kafka-contracts: imported.payments-value: the registry's own compatibility check did not " +
    "answer: POST /compatibility/subjects/imported.payments-value/versions?verbose=true failed with HTTP 422, error code " +
    "42201: Could not execute compatibility rule on invalid Avro schema\n")
assert log.contains("[INFO] kafka-contracts: 0 new versions would be registered, 4 unchanged, 0 refused, 0 levels would change")
assert new File(team, "target/classes/com/acme/contracts/Topics.class").isFile()
// 3: a second import changes nothing.
assert log =~ /kafka-contracts: imported 2 topics into \.: 0 files created, 0 replaced, 1[0-9] unchanged/
return true
