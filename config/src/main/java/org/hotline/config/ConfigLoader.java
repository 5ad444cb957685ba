package org.hotline.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Loads and validates the configuration: reference defaults &lt; config file &lt; environment
 * variables &lt; system properties.
 */
public final class ConfigLoader {
  /** The config file read when none is named and it exists. */
  public static final Path DEFAULT_FILE = Path.of("hotline.properties");

  private ConfigLoader() {}

  /** Loads from the process environment and system properties. */
  public static HotlineConfig load(Optional<Path> configFile) {
    Path file = configFile.orElse(Files.exists(DEFAULT_FILE) ? DEFAULT_FILE : null);
    return load(file, System.getenv(), System.getProperties());
  }

  /**
   * Loads from the given layers.
   *
   * @param configFile the config file, or null for none
   * @throws ConfigException naming the first bad key
   */
  public static HotlineConfig load(Path configFile, Map<String, String> env, Properties system) {
    Values v = new Values(new LayeredSource(configFile, env, system));
    Duration oneDay = Duration.ofDays(1);

    SipSettings sip =
        new SipSettings(
            v.address("hotline.sip.host", false),
            v.port("hotline.sip.port"),
            v.address("hotline.sip.advertised-host", true),
            v.nonEmpty("hotline.sip.realm"),
            v.listOf("hotline.sip.digest-algorithms", Set.of("MD5", "SHA-256")),
            v.duration("hotline.sip.nonce-ttl", Duration.ofSeconds(10), oneDay),
            v.integer("hotline.sip.min-expires", 1, 86_400),
            v.integer("hotline.sip.max-expires", 1, 86_400),
            v.integer("hotline.sip.default-expires", 1, 86_400),
            trunk(v),
            featureCodes(v));
    if (sip.minExpires() > sip.maxExpires()) {
      throw ConfigException.badValue(
          "hotline.sip.min-expires",
          String.valueOf(sip.minExpires()),
          "at most hotline.sip.max-expires (" + sip.maxExpires() + ")");
    }

    RtpSettings rtp =
        new RtpSettings(
            v.address("hotline.rtp.host", true),
            v.integer("hotline.rtp.port-min", 1024, 65534),
            v.integer("hotline.rtp.port-max", 1025, 65535),
            v.duration("hotline.rtp.timeout", Duration.ZERO, oneDay));
    if (rtp.portMax() - rtp.portMin() < 3) {
      throw ConfigException.badValue(
          "hotline.rtp.port-max",
          String.valueOf(rtp.portMax()),
          "at least hotline.rtp.port-min + 3 (" + (rtp.portMin() + 3) + ")");
    }

    HttpSettings http =
        new HttpSettings(
            v.address("hotline.http.host", false),
            v.port("hotline.http.port"),
            v.bool("hotline.http.metrics-open"),
            v.bool("hotline.http.secure-cookies"),
            v.integer("hotline.http.max-connections-per-address", 0, 1_000_000),
            v.networks("hotline.http.trusted-proxies"));

    Path dataDir = Path.of(v.nonEmpty("hotline.data.dir"));
    String dbUrl = v.string("hotline.db.url");
    if (dbUrl.isEmpty()) {
      dbUrl = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("hotline");
    } else if (!dbUrl.startsWith("jdbc:")) {
      throw ConfigException.badValue("hotline.db.url", dbUrl, "a JDBC URL starting with jdbc:");
    }
    DataSettings data =
        new DataSettings(
            dataDir,
            dbUrl,
            v.string("hotline.db.user"),
            v.string("hotline.db.password"),
            v.integer("hotline.db.pool-size", 1, 64));

    String prompts = v.string("hotline.ivr.prompts-dir");
    IvrSettings ivr =
        new IvrSettings(
            v.oneOf("hotline.ivr.language", Set.of("en", "zh")),
            prompts.isEmpty() ? Optional.empty() : Optional.of(Path.of(prompts)),
            v.duration("hotline.ivr.menu-timeout", Duration.ofSeconds(1), Duration.ofMinutes(1)),
            v.integer("hotline.ivr.menu-retries", 0, 10),
            optionalPath(v, "hotline.ivr.flows"),
            dataDir.resolve("voicemail"));

    AcdSettings acd =
        new AcdSettings(
            v.duration("hotline.acd.ring-timeout", Duration.ofSeconds(1), Duration.ofMinutes(5)),
            v.oneOf("hotline.acd.strategy", AcdSettings.STRATEGIES),
            v.duration("hotline.acd.wrap-up", Duration.ZERO, Duration.ofHours(1)),
            v.integer("hotline.acd.max-missed", 0, 100),
            v.integer("hotline.acd.weight", 1, 100),
            v.integer("hotline.acd.max-waiting", 0, 1_000_000),
            v.duration("hotline.acd.max-wait", Duration.ZERO, oneDay),
            "join".equals(v.oneOf("hotline.acd.when-no-agents", Set.of("join", "leave"))),
            v.duration("hotline.acd.service-level", Duration.ofSeconds(1), Duration.ofHours(1)),
            breakReasons(v),
            v.integer("hotline.acd.callback-attempts", 1, 10),
            v.duration("hotline.acd.callback-retry", Duration.ZERO, oneDay));

    DemoSettings demo =
        new DemoSettings(
            v.bool("hotline.demo.enabled"),
            v.nonEmpty("hotline.demo.password"),
            v.integer("hotline.demo.agents", 1, 8999));

    LocationSettings location =
        new LocationSettings(v.oneOf("hotline.location.locale", Set.of("en", "zh")), region(v));
    CustomerSettings customers =
        new CustomerSettings(levels(v), v.integer("hotline.customer.import-max-mib", 1, 1_048_576));
    CtiSettings cti =
        new CtiSettings(
            v.duration("hotline.cti.token-ttl", Duration.ofMinutes(1), Duration.ofDays(30)),
            integrations(v));
    ReportSettings reports =
        new ReportSettings(
            v.zone("hotline.reports.time-zone"),
            v.duration("hotline.reports.short-abandon", Duration.ZERO, Duration.ofMinutes(10)));

    return new HotlineConfig(
        sip,
        rtp,
        http,
        data,
        ivr,
        acd,
        demo,
        v.duration("hotline.shutdown.grace", Duration.ZERO, Duration.ofMinutes(10)),
        location,
        customers,
        cti,
        reports,
        security(v),
        sipGuard(v),
        dial(v));
  }

  /**
   * The rules of {@code hotline.dial.allow}; blank items are skipped. Rules that only refuse allow
   * nothing, which is taken for a mistake: no number at all is written as an empty value.
   */
  private static DialSettings dial(Values v) {
    String key = "hotline.dial.allow";
    String value = v.string(key);
    java.util.List<DialRule> rules = new java.util.ArrayList<>();
    for (String item : value.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      try {
        rules.add(DialRule.parse(item));
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(
            key, value, DialRule.SYNTAX + " ('" + item.strip() + "' is none)");
      }
    }
    if (!rules.isEmpty() && rules.stream().allMatch(DialRule::refuses)) {
      throw ConfigException.badValue(
          key,
          value,
          "at least one rule that allows (national, say) besides those with !, or an empty value to dial nothing");
    }
    return new DialSettings(rules);
  }

  private static SecuritySettings security(Values v) {
    String password = v.string("hotline.admin.password");
    if (!password.isEmpty() && password.length() < 12) {
      // The value is a password: name the key and the rule, never the value.
      throw ConfigException.badValue(
          "hotline.admin.password", "(hidden)", "at least 12 characters, or empty to generate one");
    }
    return new SecuritySettings(
        password,
        v.integer("hotline.security.max-failed-logins", 1, 100),
        v.duration("hotline.security.lockout", Duration.ofSeconds(1), Duration.ofDays(1)));
  }

  private static SipGuardSettings sipGuard(Values v) {
    Duration oneDay = Duration.ofDays(1);
    return new SipGuardSettings(
        v.integer("hotline.sip.intake-queue", 16, 1_000_000),
        v.integer("hotline.sip.max-transactions", 100, 10_000_000),
        v.integer("hotline.sip.max-connections", 1, 1_000_000),
        v.integer("hotline.sip.max-calls", 1, 1_000_000),
        v.integer("hotline.sip.max-call-rate", 1, 1_000_000),
        v.duration("hotline.sip.retry-after", Duration.ofSeconds(1), Duration.ofHours(1)),
        v.integer("hotline.security.sip.max-failures", 1, 1_000_000),
        v.duration("hotline.security.sip.window", Duration.ofSeconds(1), oneDay),
        v.duration("hotline.security.sip.ban", Duration.ofSeconds(1), Duration.ofDays(365)),
        v.networks("hotline.security.sip.trusted"),
        v.words("hotline.security.sip.scanner-agents").stream()
            .map(w -> w.toLowerCase(java.util.Locale.ROOT))
            .toList(),
        v.integer("hotline.security.sip.rate.register", 1, 1_000_000),
        v.integer("hotline.security.sip.rate.invite", 1, 1_000_000),
        v.integer("hotline.security.sip.rate.options", 1, 1_000_000),
        v.integer("hotline.security.sip.rate.other", 1, 1_000_000),
        v.integer("hotline.security.sip.max-calls-per-source", 1, 1_000_000));
  }

  /** {@code user:password} pairs, comma-separated, distinct users; empty for none. */
  private static Map<String, String> integrations(Values v) {
    String key = "hotline.cti.integrations";
    String raw = v.string(key);
    Map<String, String> users = new java.util.LinkedHashMap<>();
    for (String pair : raw.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] userPassword = pair.strip().split(":", 2);
      if (userPassword.length != 2
          || !userPassword[0].matches("[A-Za-z0-9._-]{1,64}")
          || userPassword[1].isEmpty()
          || users.put(userPassword[0], userPassword[1]) != null) {
        // The value holds passwords: name the key and the rule, never the value.
        throw ConfigException.badValue(
            key,
            "(hidden)",
            "comma-separated user:password pairs, distinct users of letters, digits, . _ -, non-empty passwords");
      }
    }
    return users;
  }

  private static Map<String, String> featureCodes(Values v) {
    String raw = v.string("hotline.sip.feature-codes");
    Map<String, String> codes = new java.util.LinkedHashMap<>();
    for (String pair : raw.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.trim().split("=", 2);
      String code = kv[0].trim();
      String action = kv.length == 2 ? kv[1].trim() : "";
      if (!code.matches("[*#0-9]{2,8}")
          || !action.matches("ready|logout|break:[a-z0-9-]{1,32}")
          || codes.put(code, action) != null) {
        throw ConfigException.badValue(
            "hotline.sip.feature-codes",
            raw,
            "comma-separated code=action pairs, distinct codes of * # and digits, actions ready, logout or break:<reason>");
      }
    }
    return codes;
  }

  private static Optional<String> trunk(Values v) {
    String trunk = v.string("hotline.sip.trunk");
    if (trunk.isEmpty()) {
      return Optional.empty();
    }
    if (!trunk.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
      throw ConfigException.badValue(
          "hotline.sip.trunk", trunk, "host or host:port of the SIP trunk");
    }
    return Optional.of(trunk);
  }

  private static Optional<Path> optionalPath(Values v, String key) {
    String value = v.string(key);
    return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
  }

  private static String region(Values v) {
    String region =
        v.nonEmpty("hotline.location.default-region").toUpperCase(java.util.Locale.ROOT);
    if (!region.matches("[A-Z]{2}")
        || !Set.of(java.util.Locale.getISOCountries()).contains(region)) {
      throw ConfigException.badValue(
          "hotline.location.default-region",
          region,
          "an ISO 3166 two-letter region code such as CN");
    }
    return region;
  }

  /** Distinct lower-case words; {@code missed} is the automatic break's and may not be listed. */
  private static java.util.List<String> breakReasons(Values v) {
    String key = "hotline.acd.break-reasons";
    String value = v.nonEmpty(key);
    java.util.List<String> reasons =
        java.util.Arrays.stream(value.split(","))
            .map(String::strip)
            .map(r -> r.toLowerCase(java.util.Locale.ROOT))
            .toList();
    if (reasons.stream().anyMatch(r -> !r.matches("[a-z0-9][a-z0-9_-]{0,31}"))
        || reasons.stream().distinct().count() != reasons.size()
        || reasons.contains(AcdSettings.MISSED)) {
      throw ConfigException.badValue(
          key,
          value,
          "a comma-separated list of distinct words (letters, digits, - and _), not including "
              + AcdSettings.MISSED);
    }
    return reasons;
  }

  private static java.util.List<String> levels(Values v) {
    String value = v.nonEmpty("hotline.customer.levels");
    java.util.List<String> levels =
        java.util.Arrays.stream(value.split(",")).map(String::strip).toList();
    if (levels.stream().anyMatch(String::isEmpty)
        || levels.stream().distinct().count() != levels.size()) {
      throw ConfigException.badValue(
          "hotline.customer.levels", value, "a comma-separated list of distinct, non-empty levels");
    }
    return levels;
  }
}
