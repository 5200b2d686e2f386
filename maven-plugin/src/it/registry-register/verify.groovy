// Asserts the build log (all invocations, in order) word for word where it matters.
buildLog = new File(basedir, "build.log").text  // in the binding, so the methods see it
def expect(String text) {
  if (!buildLog.contains(text)) {
    throw new AssertionError("build.log lacks:\n" + text)
  }
}

def runs = buildLog.split(/\[INFO\] Building registry-register 1.0/)
assert runs.length == 4 : "three builds"
// 1: the dry run says what would happen...
assert runs[1].contains("[INFO] kafka-contracts: dry run over 2 subjects at " + registryUrl)
assert runs[1].contains("registered.orders-value: new version 1\n")
assert runs[1].contains("registered.orders-key: new version 1\n")
assert runs[1].contains("[INFO] kafka-contracts: 2 new versions would be registered, 0 unchanged, 0 refused")
// 2: ...and wrote nothing, so the real run registers both...
assert runs[2].contains("registered.orders-value: new version 1 (id ")
assert runs[2].contains("registered.orders-key: new version 1 (id ")
assert runs[2].contains("[INFO] kafka-contracts: 2 new versions, 0 unchanged, 0 refused")
// 3: ...and a second run adds nothing.
assert runs[3].contains("registered.orders-value: unchanged, version 1 (id ")
assert runs[3].contains("[INFO] kafka-contracts: 0 new versions, 2 unchanged, 0 refused")
assert new URL(registryUrl + "/subjects/registered.orders-value/versions").text == "[1]"
assert new URL(registryUrl + "/config/registered.orders-value").text.contains("BACKWARD")
assert new File(basedir, "target/contracts/registration.json").text.contains('"outcome" : "UNCHANGED"')
return true
