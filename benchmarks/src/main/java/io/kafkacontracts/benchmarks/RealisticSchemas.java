package io.kafkacontracts.benchmarks;

import org.apache.avro.Schema;

/**
 * Schemas shaped like this repository's contracts: an envelope record with a nested source record,
 * a uuid, a timestamp, an enum with a default, a map, a nullable array and a decimal; version
 * {@code v} adds {@code v - 1} optional fields, so every version is a BACKWARD-compatible step.
 */
final class RealisticSchemas {

  private RealisticSchemas() {}

  static Schema version(int subject, int version) {
    StringBuilder fields = new StringBuilder();
    fields.append("{\"name\":\"event_id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}},")
        .append("{\"name\":\"timestamp\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},")
        .append("{\"name\":\"source\",\"type\":{\"type\":\"record\",\"name\":\"Source\",\"fields\":[")
        .append("{\"name\":\"service\",\"type\":\"string\"},{\"name\":\"instance\",\"type\":\"string\"}]}},")
        .append("{\"name\":\"status\",\"type\":{\"type\":\"enum\",\"name\":\"Status\",")
        .append("\"symbols\":[\"UNKNOWN\",\"NEW\",\"DONE\"],\"default\":\"UNKNOWN\"}},")
        .append("{\"name\":\"labels\",\"type\":{\"type\":\"map\",\"values\":\"string\"},\"default\":{}},")
        .append("{\"name\":\"tags\",\"type\":[\"null\",{\"type\":\"array\",\"items\":\"string\"}],\"default\":null},")
        .append("{\"name\":\"amount\",\"type\":[\"null\",{\"type\":\"bytes\",\"logicalType\":\"decimal\",")
        .append("\"precision\":12,\"scale\":2}],\"default\":null},")
        .append("{\"name\":\"org_id\",\"type\":\"long\"}");
    for (int f = 1; f < version; f++) {
      fields.append(",{\"name\":\"added_").append(f).append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Event" + subject
        + "\",\"namespace\":\"io.kafkacontracts.bench\",\"fields\":[" + fields + "]}");
  }
}
