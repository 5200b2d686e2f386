// Asserts the build log word for word where it matters.
buildLog = new File(basedir, "build.log").text  // in the binding, so the methods see it
def expect(String text) {
  if (!buildLog.contains(text)) {
    throw new AssertionError("build.log lacks:\n" + text)
  }
}
def refuse(String text) {
  if (buildLog.contains(text)) {
    throw new AssertionError("build.log should not hold:\n" + text)
  }
}

def head = ['git', 'rev-parse', '--short=7', 'HEAD'].execute(null, basedir).text.trim()
def runs = buildLog.split(/\[INFO\] Building git-baseline 1.0/)
assert runs.length == 3 : "two builds"
runs[1..2].each { run ->
  // The earlier version is named by the commit it comes from, not a number that reads like a registry's.
  assert run.contains("""[ERROR] avro/Order.avsc:8:5: FIELD_ADDED_WITHOUT_DEFAULT
[ERROR]     field 'qty' of record 'com.example.Order' has no default, so the candidate cannot read data written with ${head} (version 1 in git), which lacks it
[ERROR]     fix: give field 'qty' a default, for example type ["null","int"] with default null
[ERROR]     breaks orders-value at /fields/qty [BACKWARD, backward against ${head} (version 1 in git)]""")
  assert run.contains("[ERROR] kafka-contracts: 1 violation from 1 cause in 1 of 1 subjects, 0 warnings, 0 problems (baseline: git HEAD (" + head + "))")
}
return true
