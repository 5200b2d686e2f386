// Waits for the registry the outer build started, then registers version 1 (amount at precision 12).
def registry = new GroovyShell().parse(new File(itSources, "registry.groovy"))
registry.waitFor(registryUrl)
// The subject's own level, so the registry's check runs at BACKWARD (Apicurio 2.6 answers NONE for a subject without one).
registry.send("PUT", registryUrl + "/config/decimal.payments-value", '{"compatibility":"BACKWARD"}')
def v1 = '{"type":"record","name":"Payment","namespace":"com.example","doc":"A payment.","fields":[{"name":"id","type":"string","doc":"Payment id."},{"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2},"doc":"Amount."}]}'
registry.send("POST", registryUrl + "/subjects/decimal.payments-value/versions", [schema: v1])
return true
