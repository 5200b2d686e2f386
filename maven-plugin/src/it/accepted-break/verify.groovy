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

expect("[INFO] kafka-contracts: 0 violations from 0 causes in 0 of 1 subjects, 0 warnings, 0 problems (baseline: directory ")
expect("[INFO] accepted: orders-value FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty against version 1 (no consumer reads version 1 any more (INC-42); accepted-breaks.yaml:2:5)")
return true
