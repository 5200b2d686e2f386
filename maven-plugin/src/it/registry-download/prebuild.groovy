// Waits for the registry the outer build started, then registers the orders subject's two versions:
// version 1 names Money, registered in a subject of its own (as Confluent's tools register a shared
// type), version 2 holds Money inline; and a JSON Schema subject the download pattern also matches.
import groovy.json.JsonOutput
def waitFor(String url) {
  long deadline = System.currentTimeMillis() + 90_000
  while (true) {
    try {
      if (new URL(url + "/subjects").openConnection().responseCode == 200) return
    } catch (IOException notYet) {
    }
    if (System.currentTimeMillis() > deadline) throw new IllegalStateException("no registry at " + url)
    Thread.sleep(250)
  }
}
def post(String url, Map body) {
  def connection = new URL(url).openConnection()
  connection.requestMethod = "POST"
  connection.doOutput = true
  connection.setRequestProperty("Content-Type", "application/vnd.schemaregistry.v1+json")
  connection.outputStream.withWriter { it << JsonOutput.toJson(body) }
  if (connection.responseCode != 200) throw new IllegalStateException("POST " + url + ": " + connection.responseCode)
}
def money = '{"type":"record","name":"Money","namespace":"com.example","fields":[{"name":"cents","type":"long"}]}'
def v1 = '{"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"},' +
    '{"name":"amount","type":"com.example.Money"}]}'
def v2 = '{"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"},' +
    '{"name":"amount","type":' + money + '},{"name":"note","type":["null","string"],"default":null}]}'
waitFor(registryUrl)
post(registryUrl + "/subjects/downloaded.money/versions", [schema: money])
post(registryUrl + "/subjects/downloaded.orders-value/versions",
    [schema: v1, references: [[name: "com.example.Money", subject: "downloaded.money", version: 1]]])
post(registryUrl + "/subjects/downloaded.orders-value/versions", [schema: v2])
post(registryUrl + "/subjects/downloaded.orders-audit/versions", [schemaType: "JSON",
    schema: '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object"}'])
return true
