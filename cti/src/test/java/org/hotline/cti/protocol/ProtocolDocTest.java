package org.hotline.cti.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/cti-protocol.md against the protocol's types: the tables of "Every message" list every
 * message and command type with its fields, and the sections of "Events" and "Commands" name only
 * types that exist.
 */
class ProtocolDocTest {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z-]+)`\\s*\\|(.*)\\|\\s*$");

  static String doc;

  @BeforeAll
  static void read() throws IOException {
    doc = Files.readString(Path.of("..", "docs", "cti-protocol.md"));
  }

  @Test
  void serverMessages_inTheDoc_areTheMessageTypes_withTheirFields() {
    assertEquals(fields(CtiMessage.class), table("### From the server"));
  }

  @Test
  void clientCommands_inTheDoc_areTheCommandTypes_withTheirFields() {
    assertEquals(fields(CtiCommand.class), table("### From the client"));
  }

  @Test
  void everySealedType_isMappedByJackson_underItsOwnName() {
    for (Class<?> root : List.of(CtiMessage.class, CtiCommand.class)) {
      Set<Class<?>> mapped =
          Arrays.stream(root.getAnnotation(JsonSubTypes.class).value())
              .map(JsonSubTypes.Type::value)
              .collect(Collectors.toSet());
      assertEquals(records(root), mapped, root + ": @JsonSubTypes and the permitted records");
      Set<String> names = mapped.stream().map(CtiCodec::typeName).collect(Collectors.toSet());
      assertEquals(mapped.size(), names.size(), "type names are unique: " + names);
    }
  }

  @Test
  void everyEventAndCommand_hasItsSection_andEverySectionNamesATypeThatExists() {
    Set<String> events =
        records(CtiEvent.class).stream()
            .map(CtiCodec::typeName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> commands =
        records(CtiCommand.class).stream()
            .map(CtiCodec::typeName)
            .collect(Collectors.toCollection(TreeSet::new));

    Set<String> eventSections = headed("## Events", "## Commands");
    Set<String> commandSections = headed("## Commands", null);

    assertEquals(events, eventSections);
    assertEquals(commands, commandSections);
  }

  /** Every record type under {@code root}, through the sealed interfaces between. */
  static Set<Class<?>> records(Class<?> root) {
    Set<Class<?>> found = new java.util.HashSet<>();
    for (Class<?> sub : root.getPermittedSubclasses()) {
      if (sub.isRecord()) {
        found.add(sub);
      } else {
        found.addAll(records(sub));
      }
    }
    assertFalse(found.isEmpty(), root + " has no records");
    return found;
  }

  /** Each type under {@code root} by name, with the names of its JSON fields. */
  static Map<String, Set<String>> fields(Class<?> root) {
    Map<String, Set<String>> byType = new TreeMap<>();
    for (Class<?> type : records(root)) {
      Set<String> names = new TreeSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        JsonProperty renamed = c.getAnnotation(JsonProperty.class);
        names.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName());
      }
      for (Method m : type.getDeclaredMethods()) {
        JsonProperty property = m.getAnnotation(JsonProperty.class);
        if (property != null) {
          names.add(property.value().isEmpty() ? m.getName() : property.value());
        }
      }
      byType.put(CtiCodec.typeName(type), names);
    }
    return byType;
  }

  /** The table after {@code heading}: each row's type with the fields it lists. */
  static Map<String, Set<String>> table(String heading) {
    int at = doc.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, "docs/cti-protocol.md has no '" + heading + "'");
    Map<String, Set<String>> byType = new TreeMap<>();
    boolean inTable = false;
    for (String line : doc.substring(at + heading.length() + 2).split("\n")) {
      if (line.startsWith("#")) {
        break;
      }
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        inTable = true;
        Set<String> names = new TreeSet<>();
        Matcher code = CODE.matcher(row.group(2));
        while (code.find()) {
          names.add(code.group(1));
        }
        assertTrue(byType.put(row.group(1), names) == null, row.group(1) + " is listed twice");
      } else if (inTable && !line.startsWith("|")) {
        break;
      }
    }
    assertFalse(byType.isEmpty(), "no table after '" + heading + "'");
    return byType;
  }

  /**
   * The types the {@code ###} headings between {@code from} and {@code to} (or the end) name in
   * backticks.
   */
  static Set<String> headed(String from, String to) {
    int start = doc.indexOf("\n" + from + "\n");
    int end = to == null ? doc.length() : doc.indexOf("\n" + to + "\n");
    assertTrue(start >= 0 && end > start, "docs/cti-protocol.md has no '" + from + "' section");
    Set<String> names = new TreeSet<>();
    for (String line : doc.substring(start, end).split("\n")) {
      if (line.startsWith("### ")) {
        Matcher code = CODE.matcher(line);
        while (code.find()) {
          names.add(code.group(1));
        }
      }
    }
    return names;
  }
}
