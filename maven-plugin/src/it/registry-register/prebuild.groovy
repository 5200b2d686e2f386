// Waits for the registry the outer build started, then registers version 1 of the value subject at
// BACKWARD: the project holds its second version, at the stricter FULL.
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
def send(String method, String url, String body) {
  def connection = new URL(url).openConnection()
  connection.requestMethod = method
  connection.doOutput = true
  connection.setRequestProperty("Content-Type", "application/vnd.schemaregistry.v1+json")
  connection.outputStream.withWriter { it << body }
  if (connection.responseCode != 200) throw new IllegalStateException(method + " " + url + ": " + connection.responseCode)
}
waitFor(registryUrl)
def v1 = '{"type":"record","name":"Order","namespace":"com.example","doc":"An order.","fields":[{"name":"id","type":"string","doc":"Order id."}]}'
send("PUT", registryUrl + "/config/registered.orders-value", '{"compatibility":"BACKWARD"}')
send("POST", registryUrl + "/subjects/registered.orders-value/versions", JsonOutput.toJson([schema: v1]))
return true
