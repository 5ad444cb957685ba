package org.hotline.ivr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo IVR that a fresh install answers with, when no flows file is configured: the flows file
 * {@value #RESOURCE} shipped in the jar. Number {@value #NUMBER} runs flow {@value #MAIN} (language
 * choice, business hours, VIP lookup, a two-level menu for sales, support and billing, voicemail);
 * {@value #SUPPORT_NUMBER} goes straight to the support queue (for load tests) and {@value
 * #VOICEMAIL_NUMBER} straight to voicemail.
 */
public final class DemoFlows {

  /** The demo flows file on the classpath. */
  public static final String RESOURCE = "org/hotline/ivr/demo-flows.yaml";

  /** The demo's main flow. */
  public static final String MAIN = "main";

  /** The number that reaches the main flow. */
  public static final String NUMBER = "100";

  /** The number that goes straight to the support queue. */
  public static final String SUPPORT_NUMBER = "200";

  /** The number that goes straight to voicemail. */
  public static final String VOICEMAIL_NUMBER = "300";

  /** The queue for sales (main menu key 1). */
  public static final String SALES = "sales";

  /** The queue for technical support, and for callers who do not choose. */
  public static final String SUPPORT = "support";

  /** The queue for billing questions. */
  public static final String BILLING = "billing";

  /** The queue VIP customers go to first. */
  public static final String VIP = "vip";

  /** Queue priority of demo callers: behind VIPs (0). */
  public static final int PRIORITY = 5;

  private DemoFlows() {}

  /** The text of the demo flows file. */
  public static String yaml() {
    try (InputStream in = DemoFlows.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
