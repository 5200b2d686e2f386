// Both runs: our gate refuses the narrower decimal, the registry's own check (Avro's) would take it,
// the disagreement is shown, and nothing is written.
def buildLog = new File(basedir, "build.log").text
def runs = buildLog.split(/\[INFO\] Building registry-decimal 1.0/)
assert runs.length == 3 : "two builds"
def violation = """[ERROR] avro/Payment.avsc:8:32: DECIMAL_PRECISION_DECREASED
[ERROR]     the decimal of field 'amount' has precision 10 for its reader (the candidate) but 12 for its writer (version 1); values with more digits would not fit
[ERROR]     fix: keep precision 12 or more
[ERROR]     breaks decimal.payments-value at /fields/amount/type [BACKWARD, backward against version 1]"""
def disagreement = "[WARNING] kafka-contracts: decimal.payments-value: our engine finds the candidate incompatible, the registry's own check (its level for the subject: BACKWARD) finds it compatible"
[1, 2].each { run ->
  assert runs[run].contains(violation) : "run " + run + " lacks the violation"
  assert runs[run].contains(disagreement) : "run " + run + " lacks the registry's disagreement"
  assert !runs[run].contains("new version") : "run " + run + " predicted or made a new version"
}
// The key is plain (the default for a string key): no key subject, and the run says so.
assert runs[1].contains("[INFO] kafka-contracts: no key subject for the plain keys (Kafka's own serializers) of decimal.payments")
assert runs[1].contains("against the registry's versions (see above): nothing was checked further, the registry is unchanged.")
assert runs[2].contains("against the registry's versions (see above): nothing was registered, the registry is unchanged.")
assert new URL(registryUrl + "/subjects/decimal.payments-value/versions").text == "[1]"
assert new URL(registryUrl + "/subjects/decimal.payments-key/versions").openConnection().responseCode == 404
return true
