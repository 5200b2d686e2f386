// main holds version 1 at FULL; the branch's one commit relaxes the level to NONE and drops the
// required field qty, which FULL forbids (readers of version 1 need it).
def run(List<String> command) {
  def process = command.execute(null, basedir)
  process.waitFor()
  if (process.exitValue() != 0) {
    throw new IllegalStateException("${command} failed: ${process.err.text}")
  }
}
def commit(String message) {
  run(['git', 'add', '.'])
  run(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-q', '-m', message])
}
run(['git', 'init', '-q', '-b', 'main'])
commit('version 1 at FULL')
run(['git', 'checkout', '-q', '-b', 'relax'])
def order = new File(basedir, 'avro/Order.avsc')
order.text = order.text.replace(',\n    {"name": "qty", "type": "int", "doc": "Quantity."}', '')
def catalogue = new File(basedir, 'contracts.yaml')
catalogue.text = catalogue.text.replace('compatibility: FULL', 'compatibility: NONE')
commit('relax the level and drop qty')
return true
