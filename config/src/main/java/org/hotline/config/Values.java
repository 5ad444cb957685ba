package org.hotline.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Typed, validated reads of layered keys; every failure names the key, the value and what is
 * allowed.
 */
final class Values {
  private final LayeredSource source;

  Values(LayeredSource source) {
    this.source = source;
  }

  String string(String key) {
    return source.get(key);
  }

  String nonEmpty(String key) {
    String value = source.get(key);
    if (value.isEmpty()) {
      throw ConfigException.badValue(key, value, "a non-empty value");
    }
    return value;
  }

  int integer(String key, int min, int max) {
    String value = source.get(key);
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ConfigException.badValue(key, value, "an integer from " + min + " to " + max);
  }

  int port(String key) {
    return integer(key, 1, 65535);
  }

  boolean bool(String key) {
    String value = source.get(key).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw ConfigException.badValue(key, value, "true or false");
    };
  }

  /** A duration as ISO-8601 ({@code PT15S}) or whole seconds ({@code 15}). */
  Duration duration(String key, Duration min, Duration max) {
    String value = source.get(key);
    Duration d;
    try {
      d = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
    } catch (NumberFormatException | DateTimeParseException e) {
      d = null;
    }
    if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw ConfigException.badValue(
          key,
          value,
          "a duration from " + min + " to " + max + " (ISO-8601 such as PT15S, or seconds)");
    }
    return d;
  }

  /**
   * A time zone by its region name ({@code Asia/Shanghai}) or a fixed offset ({@code +08:00},
   * {@code UTC}).
   */
  ZoneId zone(String key) {
    String value = source.get(key);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw ConfigException.badValue(
          key, value, "a time zone such as Asia/Shanghai, UTC or +08:00");
    }
  }

  String oneOf(String key, Set<String> allowed) {
    String value = source.get(key);
    if (!allowed.contains(value)) {
      throw ConfigException.badValue(
          key, value, "one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  /**
   * A non-empty comma-separated list of distinct values from {@code allowed}, in the given order.
   */
  java.util.List<String> listOf(String key, Set<String> allowed) {
    String value = source.get(key);
    java.util.List<String> items =
        java.util.Arrays.stream(value.split(","))
            .map(String::trim)
            .map(v -> v.toUpperCase(Locale.ROOT))
            .toList();
    if (value.isBlank()
        || !allowed.containsAll(items)
        || items.stream().distinct().count() != items.size()) {
      throw ConfigException.badValue(
          key,
          value,
          "a comma-separated list of "
              + String.join(", ", allowed.stream().sorted().toList())
              + " without repeats");
    }
    return items;
  }

  /** An IP address literal or a host name that resolves; empty allowed when {@code optional}. */
  String address(String key, boolean optional) {
    String value = source.get(key);
    if (value.isEmpty() && optional) {
      return value;
    }
    try {
      InetAddress.getByName(value);
      return value;
    } catch (UnknownHostException | SecurityException e) {
      throw ConfigException.badValue(key, value, "an IP address or a host name that resolves");
    }
  }

  /** A comma-separated list of non-empty items, trimmed; empty for none. */
  java.util.List<String> words(String key) {
    return java.util.Arrays.stream(source.get(key).split(","))
        .map(String::trim)
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /**
   * A comma-separated list of networks, each an IP address literal with an optional prefix length
   * ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code 2001:db8::/32}); empty for none.
   */
  java.util.List<Cidr> networks(String key) {
    java.util.List<Cidr> networks = new java.util.ArrayList<>();
    for (String item : words(key)) {
      try {
        networks.add(Cidr.parse(item));
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(
            key, item, "IP addresses or networks in CIDR form (10.0.0.0/8), comma-separated");
      }
    }
    return java.util.List.copyOf(networks);
  }
}
