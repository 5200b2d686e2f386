// The classes came from avro-maven-plugin 1.11, and the test ran on Avro 1.11.
def buildLog = new File(basedir, "build.log").text
assert buildLog =~ /--- avro-maven-plugin:1\.11\.[0-9]+:schema/
assert buildLog.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0")
return true
