// Waits for the registry the outer build started, then writes the history a team's earlier tooling
// left: two versions of the orders value at FULL, an Avro-framed string key, a payment referring
// to Money in a subject of its own (BACKWARD_TRANSITIVE), and a hand-named subject no topic claims.
def registry = new GroovyShell().parse(new File(itSources, "registry.groovy"))
def ns = "com.acme.imported"
def order1 = '{"type":"record","name":"Order","namespace":"' + ns + '","fields":[{"name":"id","type":"string"}]}'
def order2 = '{"type":"record","name":"Order","namespace":"' + ns + '","fields":[{"name":"id","type":"string"},' +
    '{"name":"note","type":"string","default":""}]}'
def money = '{"type":"record","name":"Money","namespace":"' + ns + '","fields":[{"name":"cents","type":"long"}]}'
def payment = '{"type":"record","name":"Payment","namespace":"' + ns + '","fields":[{"name":"amount","type":"Money"}]}'
registry.waitFor(registryUrl)
registry.send("POST", registryUrl + "/subjects/imported.orders-value/versions", [schema: order1])
registry.send("PUT", registryUrl + "/config/imported.orders-value", [compatibility: "FULL"])
registry.send("POST", registryUrl + "/subjects/imported.orders-value/versions", [schema: order2])
registry.send("POST", registryUrl + "/subjects/imported.orders-key/versions", [schema: '"string"'])
registry.send("PUT", registryUrl + "/config/imported.orders-key", [compatibility: "FULL"])
registry.send("POST", registryUrl + "/subjects/" + ns + ".Money/versions", [schema: money])
registry.send("PUT", registryUrl + "/config/" + ns + ".Money", [compatibility: "BACKWARD_TRANSITIVE"])
registry.send("POST", registryUrl + "/subjects/imported.payments-value/versions",
    [schema: payment, references: [[name: ns + ".Money", subject: ns + ".Money", version: 1]]])
registry.send("PUT", registryUrl + "/config/imported.payments-value", [compatibility: "BACKWARD_TRANSITIVE"])
registry.send("POST", registryUrl + "/subjects/imported_legacy/versions",
    [schema: '{"type":"record","name":"Legacy","namespace":"' + ns + '","fields":[{"name":"x","type":"int"}]}'])
new File(basedir, "team").mkdirs()
return true
