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

expect("[INFO] kafka-contracts: 1 schema files, 1 named types and 1 topics are valid")
expect("[INFO] kafka-contracts: 0 violations from 0 causes in 0 of 1 subjects, 0 warnings, 0 problems (baseline: directory ")
assert new File(basedir, "target/contracts/compatibility.json").text.contains('"violations" : 0')
assert new File(basedir, "target/contracts/compatibility.xml").isFile()
return true
