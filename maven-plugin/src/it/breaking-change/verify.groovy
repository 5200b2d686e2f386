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
[ERROR]     breaks orders-value at /fields/qty [BACKWARD, backward against version 1]""")
expect("1 compatibility violation in 1 subject (see above and target/contracts/compatibility.json). Fix each violation as its 'fix:' line says, or, for an intentional break, add an entry with a reason to accepted-breaks.yaml.")
assert new File(basedir, "target/contracts/compatibility.json").text.contains('"rule" : "FIELD_ADDED_WITHOUT_DEFAULT"')
expect("::error file=avro/Order.avsc,line=8,col=5,title=FIELD_ADDED_WITHOUT_DEFAULT in orders-value::field 'qty' of record 'com.example.Order' has no default")
return true
