// Waits for the registry the outer build started.
long deadline = System.currentTimeMillis() + 90_000
while (true) {
  try {
    if (new URL(registryUrl + "/subjects").openConnection().responseCode == 200) break
  } catch (IOException notYet) {
  }
  if (System.currentTimeMillis() > deadline) throw new IllegalStateException("no registry at " + registryUrl)
  Thread.sleep(250)
}
return true
