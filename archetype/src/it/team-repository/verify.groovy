// A team's first days with a repository generated from the archetype: each step runs the commands
// the team would run (git, mvn), in a Maven of its own, and asserts the outcome and the words.
// team and settings are binding variables, so the methods below see them.
import java.nio.file.Files
import java.util.concurrent.TimeUnit

team = new File(basedir, "myteam-contracts")
settings = new File(basedir, "settings.xml")
settings.text = """<settings><profiles><profile><id>outer</id><activation><activeByDefault>true</activeByDefault></activation>
<repositories><repository><id>outer</id><url>${new File(outerRepository).toURI()}</url>
<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><checksumPolicy>ignore</checksumPolicy></snapshots></repository></repositories>
<pluginRepositories><pluginRepository><id>outer</id><url>${new File(outerRepository).toURI()}</url>
<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><checksumPolicy>ignore</checksumPolicy></snapshots></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""

// Runs a command in a folder; returns [exit code, output].
def run(File folder, List<String> command) {
  def process = new ProcessBuilder(command).directory(folder).redirectErrorStream(true).start()
  def output = new StringBuilder()
  def reader = Thread.start { output.append(process.inputStream.text) }
  if (!process.waitFor(10, TimeUnit.MINUTES)) {
    process.destroyForcibly()
    throw new AssertionError(command.toString() + " did not finish in 10 minutes")
  }
  reader.join()
  new File(basedir, "commands.log") << "\$ " + command.join(" ") + " (in " + folder.name + ")\n" + output + "\n"
  return [process.exitValue(), output.toString()]
}
def mvn(File folder, String... arguments) {
  def command = [new File(System.getProperty("maven.home"), "bin/mvn").path, "-B", "-s", settings.path,
      "-Dmaven.repo.local=" + localRepositoryPath] + arguments.toList()
  return run(folder, command)
}
def git(String... arguments) {
  def (code, output) = run(team, ["git"] + arguments.toList())
  assert code == 0 : "git " + arguments.join(" ") + ": " + output
  return output
}
def order = new File(team, "avro/Order.avsc")

// The template: one pom of at most 48 lines (40 before every lifecycle plugin was pinned), no exec or
// build-helper, the CI files, the sample contract.
def pom = new File(team, "pom.xml").text
assert pom.readLines().size() <= 48 : "the pom has " + pom.readLines().size() + " lines"
// Every plugin the lifecycle runs is pinned: Maven 3.8's default deploy plugin (2.7) refused publish.sh's
// -DaltDeploymentRepository=id::url with "Invalid syntax for alternative repository".
["maven-clean-plugin", "maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin", "maven-jar-plugin",
 "maven-install-plugin", "maven-deploy-plugin"].each {
  assert pom =~ "<artifactId>" + it + "</artifactId><version>[0-9][^<]*</version>" : it + " is not pinned"
}
assert pom =~ "<artifactId>maven-deploy-plugin</artifactId><version>3\\."
assert !pom.contains("exec-maven-plugin") && !pom.contains("build-helper")
assert pom.contains("<revision>1.0.0-SNAPSHOT</revision>") && pom.contains("<topicsPackage>com.example.myteam.contracts</topicsPackage>")
["ci/scripts/publish.sh", "ci/scripts/pull-request.sh", "ci/github-actions.yml", "ci/gitlab-ci.yml", "ci/Jenkinsfile",
 "ci/README.md", ".mvn/jvm.config", ".gitignore", "accepted-breaks.yaml", "README.md", "contracts.yaml"].each {
  assert new File(team, it).isFile() : it + " is missing"
}
assert order.text.contains('"namespace": "com.example.myteam.contracts"')

// Day one: the first commit on main builds, generates and passes the gate with nothing to compare.
git("init", "-q", "-b", "main")
git("config", "user.email", "team@example.com")
git("config", "user.name", "Team")
git("add", "-A")
git("commit", "-q", "-m", "contracts, version 1")
def (first, firstLog) = mvn(team, "verify")
assert first == 0 : firstLog
assert firstLog.contains("kafka-contracts: git: first version of the contracts, nothing to compare")
assert firstLog.contains("kafka-contracts: 1 topics in target/generated-sources/contracts/com/example/myteam/contracts/Topics.java")
assert new File(team, "target/myteam-contracts-1.0.0-SNAPSHOT.jar").isFile()
assert !firstLog.contains("SLF4J") : "the build printed SLF4J warnings"
assert !firstLog.contains(": warning: ") : "the sample breaks the template's STANDARD lint"

// Day two: an optional field on main passes against the first commit; its missing doc is a lint
// warning of the template's STANDARD rules, printed by validate and by the gate, not a failure.
order.text = order.text.replace('"doc": "The total, in the order\'s currency."}',
    '"doc": "The total, in the order\'s currency."},\n    {"name": "note", "type": ["null", "string"], "default": null}')
git("commit", "-q", "-am", "orders: an optional note")
def (second, secondLog) = mvn(team, "verify")
assert second == 0 : secondLog
assert secondLog.contains("kafka-contracts: 0 violations from 0 causes in 0 of 1 subjects, 1 warning, 0 problems")
assert secondLog.contains("[WARNING] avro/Order.avsc:11:14: warning: field 'note' of record 'com.example.myteam.contracts.Order' has no doc; say what it holds, its unit or format [FIELD_DOC]")

// A branch adds a required field, and more partitions to the keyed topic without acknowledging that
// keys move: the gate fails on both, each with its file, line and fix.
git("checkout", "-q", "-b", "add-channel")
order.text = order.text.replace('"default": null}', '"default": null},\n    {"name": "channel", "type": "string", "doc": "Where."}')
def catalogue = new File(team, "contracts.yaml")
catalogue.text = catalogue.text.replace("partitions: 3", "partitions: 6")
git("commit", "-q", "-am", "orders: a required channel, and 6 partitions")
def (breaking, breakingLog) = mvn(team, "verify")
assert breaking != 0 : breakingLog
assert breakingLog.contains("[ERROR] avro/Order.avsc:12:5: FIELD_ADDED_WITHOUT_DEFAULT\n")
assert breakingLog.contains("[ERROR]     breaks orders-value at /fields/channel [BACKWARD, backward against ")
assert breakingLog.contains("(version 2 in git)]")
assert breakingLog.contains("field 'channel' of record 'com.example.myteam.contracts.Order' has no default")
assert breakingLog.contains("fix: give field 'channel' a default")
assert breakingLog.contains("[ERROR] contracts.yaml:16:17: TOPIC_PARTITIONS_INCREASED_KEYED\n")
assert breakingLog.contains("[ERROR]     fix: if that is acceptable, add allowPartitionIncrease: true to the topic's entry; else keep partitions: 3")

// Back on main, the contract jar is installed and a separate project sends a typed record with it.
git("checkout", "-q", "main")
def (installed, installLog) = mvn(team, "-DskipTests", "install")
assert installed == 0 : installLog
// publish.sh's deploy step, as it runs it (id::url): Maven 3.8's default deploy plugin (2.7) refused that
// syntax; the template pins deploy 3.x, so it deploys on every supported Maven.
def published = new File(basedir, "published")
def (deployed, deployLog) = mvn(team, "-DskipTests", "deploy", "-DaltDeploymentRepository=published::" + published.toURI())
assert deployed == 0 : deployLog
assert !deployLog.contains("Invalid syntax for alternative repository")
assert new File(published, "com/example/myteam/myteam-contracts/1.0.0-SNAPSHOT").isDirectory() : deployLog
def consumer = new File(basedir, "consumer")
new File(consumer, "src/test/java/com/example/shop").mkdirs()
new File(consumer, "pom.xml").text = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId><artifactId>shop</artifactId><version>1.0</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>com.example.myteam</groupId><artifactId>myteam-contracts</artifactId><version>1.0.0-SNAPSHOT</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>${kafkaVersion}</version></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>${junitVersion}</version><scope>test</scope></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId><version>2.0.17</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>${compilerVersion}</version></plugin>
    <plugin><artifactId>maven-surefire-plugin</artifactId><version>${surefireVersion}</version></plugin>
  </plugins></build>
</project>"""
new File(consumer, "src/test/java/com/example/shop/SendOrderTest.java").text = '''package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.myteam.contracts.Order;
import com.example.myteam.contracts.Topics;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SendOrderTest {

  @Test
  void anOrderGoesOutTypedAndComesBackTheSame() {
    Map<String, Object> config = Map.of("schema.registry.url", "mock://shop", "auto.register.schemas", true);
    Order order = Order.newBuilder().setId("o-1").setCustomer("c-42").setAmount(new BigDecimal("12.50")).build();
    try (MockProducer<String, Order> producer = new MockProducer<>(true, null,
        Topics.ORDERS.keySerde(config).serializer(), Topics.ORDERS.valueSerde(config).serializer())) {
      producer.send(Topics.ORDERS.record(order));

      ProducerRecord<String, Order> sent = producer.history().get(0);
      assertEquals("orders", sent.topic());
      assertEquals("o-1", sent.key());
      byte[] bytes = Topics.ORDERS.valueSerde(config).serializer().serialize("orders", order);
      assertEquals(order, Topics.ORDERS.valueSerde(config).deserializer().deserialize("orders", bytes));
    }
  }
}
'''
def (consumed, consumerLog) = mvn(consumer, "test")
assert consumed == 0 : consumerLog
assert consumerLog.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0")
return true
