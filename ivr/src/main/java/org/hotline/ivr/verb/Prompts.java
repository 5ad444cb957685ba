package org.hotline.ivr.verb;

import java.util.List;

/** Playing a list of prompts, the way every verb that speaks does it. */
final class Prompts {
  private Prompts() {}

  /**
   * Plays {@code names} in order in the call's language, each in full unless {@code bargeIn}.
   *
   * @return false when the caller hung up meanwhile (the rest is not played)
   */
  static boolean play(FlowContext ctx, List<String> names, boolean bargeIn)
      throws InterruptedException {
    for (String name : names) {
      if (!ctx.isActive()) {
        return false;
      }
      ctx.await(ctx.media().play(ctx.prompt(name), bargeIn));
    }
    return ctx.isActive();
  }

  /** Plays one prompt; false when the caller hung up. */
  static boolean play(FlowContext ctx, String name, boolean bargeIn) throws InterruptedException {
    return play(ctx, List.of(name), bargeIn);
  }
}
