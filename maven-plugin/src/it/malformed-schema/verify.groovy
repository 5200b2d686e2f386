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

expect("on project malformed-schema: 1 problem in the contracts under .; fix them and build again:")
expect("[ERROR] avro/Order.avsc:8:5: invalid JSON: Unexpected character ('{' (code 123)): was expecting comma to separate Array entries [SYNTAX_ERROR]")
refuse("contracts-maven-plugin:0.1.0-SNAPSHOT:check")
return true
