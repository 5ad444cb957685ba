package org.hotline.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;

/**
 * The raw key lookup behind {@link ConfigLoader}: built-in reference defaults, then the config
 * file, then environment variables, then system properties, the later winning.
 *
 * <p>The keys that exist are the keys of the reference file; a key in the config file that the
 * reference does not know is a typo and is refused.
 */
final class LayeredSource {
  private static final String REFERENCE = "hotline-reference.properties";

  private final PropertiesConfiguration reference;
  private final PropertiesConfiguration file;
  private final Map<String, String> env;
  private final Properties system;

  LayeredSource(Path configFile, Map<String, String> env, Properties system) {
    this.reference = readReference();
    this.file = configFile == null ? new PropertiesConfiguration() : readFile(configFile);
    this.env = env;
    this.system = system;
    rejectUnknownKeys();
  }

  /**
   * The environment variable name of a key: {@code hotline.sip.port-min -> HOTLINE_SIP_PORT_MIN}.
   */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The value of a key after layering, trimmed; never null for a known key. */
  String get(String key) {
    if (!reference.containsKey(key)) {
      throw new IllegalArgumentException("not a reference key: " + key);
    }
    String value = system.getProperty(key);
    if (value == null) {
      value = env.get(envName(key));
    }
    if (value == null && file.containsKey(key)) {
      value = file.getString(key);
    }
    if (value == null) {
      value = reference.getString(key, "");
    }
    return value.trim();
  }

  Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    reference.getKeys().forEachRemaining(keys::add);
    return keys;
  }

  private void rejectUnknownKeys() {
    for (Iterator<String> it = file.getKeys(); it.hasNext(); ) {
      String key = it.next();
      if (!reference.containsKey(key)) {
        throw new ConfigException(
            key + " is not a Hotline setting (see docs/configuration.md for the keys)");
      }
    }
    for (String name : system.stringPropertyNames()) {
      if (name.startsWith("hotline.") && !reference.containsKey(name)) {
        throw new ConfigException(
            name + " is not a Hotline setting (see docs/configuration.md for the keys)");
      }
    }
  }

  private static PropertiesConfiguration readReference() {
    try (InputStream in = LayeredSource.class.getResourceAsStream(REFERENCE)) {
      if (in == null) {
        throw new IllegalStateException(REFERENCE + " missing from the classpath");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException | ConfigurationException e) {
      throw new IllegalStateException("cannot read " + REFERENCE, e);
    }
  }

  private static PropertiesConfiguration readFile(Path path) {
    if (!Files.isReadable(path)) {
      throw new ConfigException("config file " + path + " does not exist or cannot be read");
    }
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(in);
    } catch (IOException | ConfigurationException e) {
      throw new ConfigException("config file " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static PropertiesConfiguration read(Reader in)
      throws ConfigurationException, IOException {
    PropertiesConfiguration config = new PropertiesConfiguration();
    new FileHandler(config).load(in);
    return config;
  }
}
