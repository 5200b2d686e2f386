package io.kafkacontracts.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns Avro's index pointer of an incompatibility ({@code /fields/3/type/1}) into a path by names
 * ({@code /fields/customer/type/com.example.Address}), walking reader and writer side by side the
 * way Avro's checker does: field indexes are the reader's, union indexes the writer's.
 */
final class PathTranslation {

  /**
   * The translated path and the elements it ends at.
   *
   * @param path         the path by names
   * @param readerAt     the reader's schema at the end of the path, if it has one there
   * @param writerAt     the writer's schema at the end of the path, if it has one there
   * @param readerRecord the reader record of the last field step
   * @param readerField  the reader field of the last field step
   * @param writerRecord the writer record of the last field step
   * @param writerField  the writer field matched to {@code readerField}, if any
   */
  record Result(SchemaPath path, Schema readerAt, Schema writerAt, Schema readerRecord,
      Schema.Field readerField, Schema writerRecord, Schema.Field writerField) {}

  private PathTranslation() {}

  static Result translate(Schema reader, Schema writer, String avroLocation) {
    List<String> tokens = new ArrayList<>();
    for (String token : avroLocation.split("/")) {
      if (!token.isEmpty()) {
        tokens.add(token.replace("~1", "/").replace("~0", "~"));
      }
    }
    List<String> steps = new ArrayList<>();
    Schema r = reader;
    Schema w = writer;
    Schema readerRecord = null;
    Schema writerRecord = null;
    Schema.Field readerField = null;
    Schema.Field writerField = null;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.equals("fields") && r != null && r.getType() == Schema.Type.RECORD && i + 1 < tokens.size()
          && isIndex(tokens.get(i + 1))) {
        int index = Integer.parseInt(tokens.get(++i));
        readerRecord = r;
        writerRecord = w != null && w.getType() == Schema.Type.RECORD ? w : null;
        readerField = index < r.getFields().size() ? r.getFields().get(index) : null;
        writerField = readerField == null || writerRecord == null ? null : match(writerRecord, readerField);
        steps.add("fields");
        steps.add(readerField == null ? tokens.get(i) : readerField.name());
        if (i + 1 < tokens.size() && tokens.get(i + 1).equals("type")) {
          i++;
          steps.add("type");
          r = readerField == null ? null : readerField.schema();
          w = writerField == null ? null : writerField.schema();
        }
      } else if (isIndex(token) && (isUnion(w) || isUnion(r))) {
        int index = Integer.parseInt(token);
        if (isUnion(w)) {
          Schema writerBranch = index < w.getTypes().size() ? w.getTypes().get(index) : null;
          Schema readerBranch = writerBranch == null ? null
              : isUnion(r) ? CompatibilityEngine.branchNamed(r, writerBranch.getFullName()) : r;
          steps.add(writerBranch == null ? token : writerBranch.getFullName());
          r = readerBranch;
          w = writerBranch;
        } else {
          Schema readerBranch = index < r.getTypes().size() ? r.getTypes().get(index) : null;
          steps.add(readerBranch == null ? token : readerBranch.getFullName());
          r = readerBranch;
        }
      } else if (token.equals("items")) {
        steps.add(token);
        r = r != null && r.getType() == Schema.Type.ARRAY ? r.getElementType() : null;
        w = w != null && w.getType() == Schema.Type.ARRAY ? w.getElementType() : null;
      } else if (token.equals("values")) {
        steps.add(token);
        r = r != null && r.getType() == Schema.Type.MAP ? r.getValueType() : null;
        w = w != null && w.getType() == Schema.Type.MAP ? w.getValueType() : null;
      } else {
        steps.add(token);
      }
    }
    return new Result(new SchemaPath(steps), r, w, readerRecord, readerField, writerRecord, writerField);
  }

  private static Schema.Field match(Schema writerRecord, Schema.Field readerField) {
    Schema.Field byName = writerRecord.getField(readerField.name());
    if (byName != null) {
      return byName;
    }
    for (String alias : readerField.aliases()) {
      Schema.Field byAlias = writerRecord.getField(alias);
      if (byAlias != null) {
        return byAlias;
      }
    }
    return null;
  }


  private static boolean isUnion(Schema schema) {
    return schema != null && schema.isUnion();
  }

  private static boolean isIndex(String token) {
    return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
  }
}
