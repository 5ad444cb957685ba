package org.hotline.ivr.flows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one thing in the flows file (a verb, a queue, a calendar), read by name. Every
 * option read is remembered, so {@link #done} can refuse one that nothing read: a typo never passes
 * silently. Errors name {@code where} the options are.
 */
final class Options {
  /** The keys a caller can press. */
  static final String DTMF_KEYS = "0123456789*#ABCD";

  private final JsonNode node;
  private final String where;
  private final Set<String> known = new LinkedHashSet<>();

  private Options(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /** The options in {@code node}, which must be a mapping. */
  static Options of(JsonNode node, String where, String what) throws FlowsException {
    if (node == null || !node.isObject()) {
      throw FlowsException.at(
          where, what + " must be options (name: value), not " + describe(node));
    }
    return new Options(node, where);
  }

  /** Where these options are, for messages. */
  String where() {
    return where;
  }

  /** Option {@code name}, or null when absent (or written empty). */
  JsonNode get(String name) {
    known.add(name);
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  String string(String name) throws FlowsException {
    return optionalString(name)
        .orElseThrow(() -> FlowsException.at(where, "option " + name + " is missing"));
  }

  Optional<String> optionalString(String name) throws FlowsException {
    JsonNode value = get(name);
    return value == null ? Optional.empty() : Optional.of(scalar(value, where, name));
  }

  int integer(String name, int fallback, int min, int max) throws FlowsException {
    JsonNode value = get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.canConvertToInt()
        || !value.isIntegralNumber()
        || value.intValue() < min
        || value.intValue() > max) {
      throw FlowsException.at(
          where,
          name + " " + describe(value) + " is not a whole number from " + min + " to " + max);
    }
    return value.intValue();
  }

  boolean bool(String name, boolean fallback) throws FlowsException {
    JsonNode value = get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw FlowsException.at(where, name + " " + describe(value) + " is not true or false");
    }
    return value.booleanValue();
  }

  Duration duration(String name, Duration fallback) throws FlowsException {
    JsonNode value = get(name);
    return value == null ? fallback : duration(value, where, name);
  }

  /** A key option: one of {@value #DTMF_KEYS}, or {@code none} for no key. */
  Optional<Character> key(String name, Optional<Character> fallback) throws FlowsException {
    JsonNode value = get(name);
    if (value == null) {
      return fallback;
    }
    String text = scalar(value, where, name);
    return text.equals("none") ? Optional.empty() : Optional.of(key(text, where, name));
  }

  /** The option's items: a list, or one value standing for a list of one. */
  List<JsonNode> list(String name) {
    JsonNode value = get(name);
    List<JsonNode> items = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(items::add);
    } else if (value != null) {
      items.add(value);
    }
    return items;
  }

  /** Refuses an option nothing read. */
  void done() throws FlowsException {
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String what = where.isEmpty() ? "top-level key" : "option";
        throw FlowsException.at(
            where,
            "unknown " + what + " '" + name + "'; " + what + "s are " + String.join(", ", known));
      }
    }
  }

  /** {@code value} as text; a mapping or list is refused. */
  static String scalar(JsonNode value, String where, String name) throws FlowsException {
    if (!value.isValueNode() || value.isNull()) {
      throw FlowsException.at(where, name + " must be a single value, not " + describe(value));
    }
    return value.asText();
  }

  /** A duration: seconds ({@code 5}, {@code 2.5}) or ISO-8601 ({@code PT5S}, {@code PT1M30S}). */
  static Duration duration(JsonNode value, String where, String name) throws FlowsException {
    Duration duration;
    if (value.isNumber()) {
      duration = Duration.ofMillis(Math.round(value.doubleValue() * 1000));
    } else {
      String text = value.isTextual() ? value.asText().strip() : "";
      try {
        duration =
            text.matches("\\d+(\\.\\d+)?")
                ? Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000))
                : Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw FlowsException.at(
            where,
            name + " " + describe(value) + " is not a duration: seconds (5) or ISO-8601 (PT5S)");
      }
    }
    if (duration.isNegative()) {
      throw FlowsException.at(where, name + " " + describe(value) + " is negative");
    }
    return duration;
  }

  /** One phone key. */
  static char key(String text, String where, String what) throws FlowsException {
    if (text.length() != 1 || DTMF_KEYS.indexOf(text.charAt(0)) < 0) {
      throw FlowsException.at(where, what + " '" + text + "' is not a phone key (0-9, *, #, A-D)");
    }
    return text.charAt(0);
  }

  /** {@code node} for a message: its value quoted, or what kind of thing it is. */
  static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "options";
    }
    return "'" + node.asText() + "'";
  }
}
