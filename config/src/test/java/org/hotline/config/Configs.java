package org.hotline.config;

import java.util.Map;
import java.util.Properties;

/** The configuration the settings tests read: the built-in defaults with some keys set. */
final class Configs {
  private Configs() {}

  /** Loads with {@code kv} (key, value, key, value ...) as system properties over the defaults. */
  static HotlineConfig load(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return ConfigLoader.load(null, Map.of(), p);
  }
}
