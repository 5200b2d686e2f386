// Every avro-maven-plugin setting the contract jar needs, named with its fix, in one failure.
def buildLog = new File(basedir, "build.log").text
def folder = new File(basedir, "src/main/avro").canonicalPath
def contracts = new File(basedir, "avro").canonicalPath
assert buildLog.contains("the avro-maven-plugin settings do not suit the contract jar:")
assert buildLog.contains("  - avro-maven-plugin generates classes from " + folder + ", not from the contracts in " + contracts
    + ": the classes' schemas would differ from the registered ones (lookups answer 40403); set <sourceDirectory>"
    + '${project.basedir}/avro</sourceDirectory>')
assert buildLog.contains("  - avro-maven-plugin has stringType CharSequence: records read back would hold org.apache.avro.util.Utf8")
assert buildLog.contains("  - avro-maven-plugin leaves decimals as raw bytes (enableDecimalLogicalType is off)")
assert !buildLog.contains("generates classes for another Avro")
return true
