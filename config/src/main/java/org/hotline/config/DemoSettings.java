package org.hotline.config;

/**
 * The demo configuration: {@code agents} agents numbered from 1001 with one SIP password and one
 * desk password, serving the demo flows' queues, and number 100 answered by the main flow.
 *
 * @param enabled whether the demo agents are seeded (those that do not exist yet)
 * @param password the SIP and desk password new demo agents get ({@link #WELL_KNOWN_PASSWORD} by
 *     default)
 * @param agents how many demo agents there are
 */
public record DemoSettings(boolean enabled, String password, int agents) {
  /** The first demo agent id. */
  public static final int FIRST_AGENT = 1001;

  /**
   * The default password of the demo agents, which the README prints: fine on loopback, refused on
   * a server others can reach.
   */
  public static final String WELL_KNOWN_PASSWORD = "hotline";

  @Override
  public String toString() {
    return "DemoSettings[enabled=" + enabled + ", agents=" + agents + "]";
  }
}
