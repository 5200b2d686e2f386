// Waits for the registry the outer build started, then registers version 1 of the subject.
def registry = new GroovyShell().parse(new File(itSources, "registry.groovy"))
registry.waitFor(registryUrl)
registry.send("PUT", registryUrl + "/config", '{"compatibility":"BACKWARD"}')
def v1 = '{"type":"record","name":"Order","namespace":"com.example","doc":"An order.","fields":[{"name":"id","type":"string","doc":"Order id."}]}'
registry.send("POST", registryUrl + "/subjects/refused.orders-value/versions", [schema: v1])
// The key is framed in Avro (format: avro): version 1 of its subject, as a publish would have registered it.
registry.send("POST", registryUrl + "/subjects/refused.orders-key/versions", [schema: '"string"'])
return true
