// Waits for the registry the outer build started, then registers version 1 of the value subject at
// BACKWARD: the project holds its second version, at the stricter FULL.
def registry = new GroovyShell().parse(new File(itSources, "registry.groovy"))
registry.waitFor(registryUrl)
def v1 = '{"type":"record","name":"Order","namespace":"com.example","doc":"An order.","fields":[{"name":"id","type":"string","doc":"Order id."}]}'
registry.send("PUT", registryUrl + "/config/registered.orders-value", '{"compatibility":"BACKWARD"}')
registry.send("POST", registryUrl + "/subjects/registered.orders-value/versions", [schema: v1])
return true
