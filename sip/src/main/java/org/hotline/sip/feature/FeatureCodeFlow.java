package org.hotline.sip.feature;

import org.hotline.core.agent.AgentControl;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.media.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short call of an agent who dialed a feature code: the state change is made, the agent hears
 * it confirmed ({@code agent-ready}, {@code agent-on-break}, {@code agent-logged-out}, or {@code
 * invalid} when it could not be made) and the call ends ({@value #CAUSE}).
 */
public final class FeatureCodeFlow implements CallFlow {
  private static final Logger log = LoggerFactory.getLogger(FeatureCodeFlow.class);

  /** The hangup cause on the CDR of a feature code call. */
  public static final String CAUSE = "feature-code";

  private final FeatureCode code;
  private final String agentId;
  private final AgentControl control;
  private final String language;

  public FeatureCodeFlow(FeatureCode code, String agentId, AgentControl control, String language) {
    this.code = code;
    this.agentId = agentId;
    this.control = control;
    this.language = language;
  }

  @Override
  public String name() {
    return "feature-code " + code.code();
  }

  @Override
  public void run(ActiveCall call) throws InterruptedException {
    String prompt;
    try {
      code.apply(control, agentId);
      log.info("agent {} dialed {}: {}", agentId, code.code(), code.action());
      prompt = code.confirmation();
    } catch (IllegalArgumentException e) {
      log.warn("agent {} dialed {}: {}", agentId, code.code(), e.getMessage());
      prompt = "invalid";
    }
    try {
      call.media().play(new Prompt(language, prompt), false).get();
    } catch (java.util.concurrent.ExecutionException e) {
      log.debug("confirmation prompt failed: {}", e.toString());
    }
    if (call.isActive()) {
      call.hangup(CAUSE);
    }
  }
}
