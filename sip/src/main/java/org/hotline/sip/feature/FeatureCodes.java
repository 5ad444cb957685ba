package org.hotline.sip.feature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentControl;
import org.hotline.sip.auth.DigestAuthenticator;

/**
 * The feature codes agents dial from their phones ({@code *21} ready, {@code *22} break, {@code
 * *23} log out, as configured), and what a call to one needs: the digest check that proves which
 * agent dials, the agents by SIP user, and the control that changes their state.
 */
public final class FeatureCodes {
  private final Map<String, FeatureCode> codes = new LinkedHashMap<>();
  private final DigestAuthenticator authenticator;
  private final Function<String, Optional<Agent>> agentBySipUser;
  private final AgentControl control;

  /**
   * @param codes code to action ({@code *21} to {@code ready}), from {@code
   *     hotline.sip.feature-codes}
   */
  public FeatureCodes(
      Map<String, String> codes,
      DigestAuthenticator authenticator,
      Function<String, Optional<Agent>> agentBySipUser,
      AgentControl control) {
    codes.forEach((code, action) -> this.codes.put(code, new FeatureCode(code, action)));
    this.authenticator = authenticator;
    this.agentBySipUser = agentBySipUser;
    this.control = control;
  }

  /** The feature code dialed as {@code number}, if it is one. */
  public Optional<FeatureCode> match(String number) {
    return Optional.ofNullable(codes.get(number));
  }

  public DigestAuthenticator authenticator() {
    return authenticator;
  }

  /** The enabled agent whose phone registers as {@code sipUser}. */
  public Optional<Agent> agent(String sipUser) {
    return agentBySipUser.apply(sipUser);
  }

  /** The flow that applies {@code code} for {@code agentId} and confirms it. */
  public FeatureCodeFlow flow(FeatureCode code, String agentId, String language) {
    return new FeatureCodeFlow(code, agentId, control, language);
  }
}
