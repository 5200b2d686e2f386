// A repository whose HEAD holds version 1; the working tree then breaks it (a field without default).
def run(List<String> command) {
  def process = command.execute(null, basedir)
  process.waitFor()
  if (process.exitValue() != 0) {
    throw new IllegalStateException("${command} failed: ${process.err.text}")
  }
}
run(['git', 'init', '-q'])
run(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'add', '.'])
run(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-q', '-m', 'version 1'])
def order = new File(basedir, 'avro/Order.avsc')
order.text = order.text.replace('"doc": "Order id."}', '"doc": "Order id."},\n    {"name": "qty", "type": "int", "doc": "Quantity."}')
return true
