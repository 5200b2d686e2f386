package io.kafkacontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The avro-maven-plugin settings validate holds a contracts project to, each problem word for word. */
class AvroPluginSettingsTest {

  private static final Path BASEDIR = Path.of("/work/team-contracts").toAbsolutePath();
  private static final List<Schema> WITH_DECIMAL = List.of(new Schema.Parser().parse("""
      {"type":"record","name":"Payment","fields":[{"name":"amount","type":["null",
        {"type":"bytes","logicalType":"decimal","precision":12,"scale":2}]}]}"""));
  private static final List<Schema> WITHOUT_DECIMAL = List.of(new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}"));

  @Test
  void theSettingsTheContractJarNeedsPass() {
    AvroPluginSettings settings = new AvroPluginSettings("1.12.0", BASEDIR, List.of(Map.of("sourceDirectory",
        BASEDIR.resolve("avro").toString(), "stringType", "String", "enableDecimalLogicalType", "true")));

    assertThat(settings.problems(Optional.empty(), BASEDIR, WITH_DECIMAL)).isEmpty();
  }

  @Test
  void theAvroLinesTheSerdesRunOnAndTheOneTheProjectPins() {
    assertThat(List.of("1.12.0", "1.12.2", "1.11.4", "1.11.5")).allMatch(AvroPluginSettings::supported);
    assertThat(List.of("1.11.3", "1.10.2", "1.13.0", "2.0.0", "latest")).noneMatch(AvroPluginSettings::supported);
    Map<String, String> suits = Map.of("sourceDirectory", BASEDIR.resolve("avro").toString(), "stringType", "String",
        "enableDecimalLogicalType", "true");

    assertThat(new AvroPluginSettings("1.11.4", BASEDIR, List.of(suits)).problems(Optional.of("1.11.4"), BASEDIR,
        WITH_DECIMAL)).isEmpty();
    assertThat(new AvroPluginSettings("1.12.1", BASEDIR, List.of(suits)).problems(Optional.of("1.11.4"), BASEDIR,
        WITH_DECIMAL)).containsExactly("avro-maven-plugin 1.12.1 generates classes for another Avro than the 1.11.4 "
            + "this project puts on the classpath (generated code calls the Avro it was generated for): set the "
            + "plugin's <version> to 1.11.4");
  }

  @Test
  void avroMavenPluginsDefaultsGetEachFix() {
    AvroPluginSettings settings = new AvroPluginSettings("1.11.3", BASEDIR, List.of(Map.of()));

    assertThat(settings.problems(Optional.empty(), BASEDIR, WITH_DECIMAL)).containsExactly(
        "avro-maven-plugin 1.11.3 generates classes for an Avro the serdes do not run on: use 1.12.x, or 1.11.4 or "
            + "later where the applications are pinned to Avro 1.11 (1.11.4 fixes CVE-2024-47561)",
        "avro-maven-plugin generates classes from " + BASEDIR.resolve("src/main/avro") + ", not from the contracts in "
            + BASEDIR.resolve("avro") + ": the classes' schemas would differ from the registered ones (lookups answer "
            + "40403); set <sourceDirectory>${project.basedir}/avro</sourceDirectory>",
        "avro-maven-plugin has stringType CharSequence: records read back would hold org.apache.avro.util.Utf8 where "
            + "producers wrote java.lang.String (so equals and map keys differ), and the topic catalogue types string "
            + "keys as String; set <stringType>String</stringType>",
        "avro-maven-plugin leaves decimals as raw bytes (enableDecimalLogicalType is off) while the contracts hold "
            + "decimals: producers would have to write unscaled two's-complement bytes by hand; set "
            + "<enableDecimalLogicalType>true</enableDecimalLogicalType>");
  }

  @Test
  void decimalsMatterOnlyWhereTheContractsHoldThem() {
    AvroPluginSettings settings = new AvroPluginSettings("1.12.1", BASEDIR,
        List.of(Map.of("sourceDirectory", "avro", "stringType", "String")));

    assertThat(settings.problems(Optional.empty(), BASEDIR, WITHOUT_DECIMAL)).isEmpty();
    assertThat(settings.problems(Optional.empty(), BASEDIR, WITH_DECIMAL)).singleElement().asString()
        .startsWith("avro-maven-plugin leaves decimals as raw bytes");
  }

  @Test
  void anExecutionsOwnSettingsWinOverThePlugins() {
    Plugin plugin = new Plugin();
    plugin.setVersion("1.12.1");
    plugin.setConfiguration(configuration(Map.of("stringType", "CharSequence", "sourceDirectory", "avro")));
    PluginExecution generating = new PluginExecution();
    generating.setGoals(List.of("schema"));
    generating.setConfiguration(configuration(Map.of("stringType", "String")));
    PluginExecution other = new PluginExecution();
    other.setGoals(List.of("help"));
    plugin.setExecutions(List.of(generating, other));

    AvroPluginSettings settings = AvroPluginSettings.of(plugin, BASEDIR);

    assertThat(settings.executions()).containsExactly(Map.of("stringType", "String", "sourceDirectory", "avro"));
    assertThat(settings.problems(Optional.empty(), BASEDIR, WITHOUT_DECIMAL)).isEmpty();
  }

  private static Xpp3Dom configuration(Map<String, String> values) {
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    values.forEach((name, value) -> {
      Xpp3Dom child = new Xpp3Dom(name);
      child.setValue(value);
      configuration.addChild(child);
    });
    return configuration;
  }
}
