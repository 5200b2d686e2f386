// Shared by the registry builds' prebuild scripts (loaded with GroovyShell.parse): waits for the
// registry the outer build started, and writes to it as a team's earlier tooling would have.
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

/** Sends a JSON body (a Map, written as JSON, or a String as it is); anything but 200 fails. */
def send(String method, String url, Object body) {
  def connection = new URL(url).openConnection()
  connection.requestMethod = method
  connection.doOutput = true
  connection.setRequestProperty("Content-Type", "application/vnd.schemaregistry.v1+json")
  connection.outputStream.withWriter { it << (body instanceof Map ? JsonOutput.toJson(body) : body) }
  if (connection.responseCode != 200) throw new IllegalStateException(method + " " + url + ": " + connection.responseCode)
}
