// Waits for the registry the outer build started, then registers version 1 (amount at precision 12).
import groovy.json.JsonOutput
def waitFor(String url) {
  long deadline = System.currentTimeMillis() + 90_000
  while (true) {
    try {
      def connection = new URL(url + "/subjects").openConnection()
      if (connection.responseCode == 200) return
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
// The subject's own level, so the registry's check runs at BACKWARD (Apicurio 2.6 answers NONE for a subject without one).
send("PUT", registryUrl + "/config/decimal.payments-value", '{"compatibility":"BACKWARD"}')
def v1 = '{"type":"record","name":"Payment","namespace":"com.example","doc":"A payment.","fields":[{"name":"id","type":"string","doc":"Payment id."},{"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2},"doc":"Amount."}]}'
send("POST", registryUrl + "/subjects/decimal.payments-value/versions", JsonOutput.toJson([schema: v1]))
return true
