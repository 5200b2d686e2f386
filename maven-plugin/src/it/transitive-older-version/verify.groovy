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

expect("""[ERROR] avro/Order.avsc:8:5: FIELD_ADDED_WITHOUT_DEFAULT
[ERROR]     field 'qty' of record 'com.example.Order' has no default, so the candidate cannot read data written with version 1, which lacks it
[ERROR]     fix: give field 'qty' a default, for example type ["null","int"] with default null
[ERROR]     breaks orders-value at /fields/qty [BACKWARD_TRANSITIVE, backward against version 1]""")
// Version 2 (qty with a default) is fine: only the older version 1 breaks, which Confluent's plugin never checks.
refuse("against version 2")
refuse("against versions")
return true
