package org.hotline.config;

/** A configuration that cannot be used; its message is the one line an operator reads. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  static ConfigException badValue(String key, String value, String allowed) {
    return new ConfigException(key + "='" + value + "' is not allowed: expected " + allowed);
  }
}
