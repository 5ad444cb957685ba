package org.hotline.ivr;

import java.util.List;
import java.util.Map;
import org.hotline.config.IvrSettings;
import org.hotline.ivr.verb.EnqueueVerb;
import org.hotline.ivr.verb.MenuVerb;
import org.hotline.ivr.verb.PlayVerb;

/**
 * The demo IVR that a fresh install answers with: number {@value #NUMBER} runs flow {@value
 * #MAIN}, which welcomes the caller and offers sales (1) or support (2), falling back to support.
 * Prompt language, menu timeout and retries come from {@link IvrSettings}.
 */
public final class DemoFlows {

  /** The demo flow's name. */
  public static final String MAIN = "main";

  /** The number that reaches the demo flow. */
  public static final String NUMBER = "100";

  /** The queue for key 1. */
  public static final String SALES = "sales";

  /** The queue for key 2, and when the caller does not choose. */
  public static final String SUPPORT = "support";

  /** Queue priority of demo callers: behind VIPs (0), who a customer lookup will put first. */
  public static final int PRIORITY = 5;

  private DemoFlows() {}

  /** The entry points of the demo: {@value #NUMBER} to {@value #MAIN}. */
  public static FlowDirectory directory(IvrSettings settings) {
    return new FlowDirectory(List.of(main(settings)), Map.of(NUMBER, MAIN));
  }

  /** The demo flow {@value #MAIN}. */
  public static Flow main(IvrSettings settings) {
    MenuVerb menu =
        new MenuVerb(
            "menu-main",
            Map.of('1', new EnqueueVerb(SALES, PRIORITY), '2', new EnqueueVerb(SUPPORT, PRIORITY)),
            settings.menuTimeout(),
            settings.menuRetries(),
            "invalid",
            "no-input",
            new EnqueueVerb(SUPPORT, PRIORITY));
    return new Flow(MAIN, settings.language(), List.of(PlayVerb.of("welcome"), menu));
  }
}
