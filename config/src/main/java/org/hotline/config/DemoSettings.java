package org.hotline.config;

/**
 * The demo configuration: {@code agents} agents numbered from 1001 with one SIP password,
 * serving queues {@code sales} and {@code support}, and number 100 answered by the main flow.
 */
public record DemoSettings(boolean enabled, String password, int agents) {
  /** The first demo agent id. */
  public static final int FIRST_AGENT = 1001;

  @Override
  public String toString() {
    return "DemoSettings[enabled=" + enabled + ", agents=" + agents + "]";
  }
}
