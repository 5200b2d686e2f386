// Waits for the registry the outer build started, then registers the orders subject's two versions:
// version 1 names Money, registered in a subject of its own (as Confluent's tools register a shared
// type), version 2 holds Money inline; and a JSON Schema subject the download pattern also matches.
def registry = new GroovyShell().parse(new File(itSources, "registry.groovy"))
def money = '{"type":"record","name":"Money","namespace":"com.example","fields":[{"name":"cents","type":"long"}]}'
def v1 = '{"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"},' +
    '{"name":"amount","type":"com.example.Money"}]}'
def v2 = '{"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"},' +
    '{"name":"amount","type":' + money + '},{"name":"note","type":["null","string"],"default":null}]}'
registry.waitFor(registryUrl)
registry.send("POST", registryUrl + "/subjects/downloaded.money/versions", [schema: money])
registry.send("POST", registryUrl + "/subjects/downloaded.orders-value/versions",
    [schema: v1, references: [[name: "com.example.Money", subject: "downloaded.money", version: 1]]])
registry.send("POST", registryUrl + "/subjects/downloaded.orders-value/versions", [schema: v2])
registry.send("POST", registryUrl + "/subjects/downloaded.orders-audit/versions", [schemaType: "JSON",
    schema: '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object"}'])
return true
