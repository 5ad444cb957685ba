package org.hotline.ivr.flows;

import java.util.List;
import org.hotline.ivr.verb.CallbackVerb;
import org.hotline.ivr.verb.EnqueueVerb;
import org.hotline.ivr.verb.GatherVerb;
import org.hotline.ivr.verb.GotoVerb;
import org.hotline.ivr.verb.HangupVerb;
import org.hotline.ivr.verb.HoursVerb;
import org.hotline.ivr.verb.LanguageVerb;
import org.hotline.ivr.verb.LookupVerb;
import org.hotline.ivr.verb.MenuVerb;
import org.hotline.ivr.verb.PlayVerb;
import org.hotline.ivr.verb.RunVerb;
import org.hotline.ivr.verb.Sequence;
import org.hotline.ivr.verb.TransferVerb;
import org.hotline.ivr.verb.Verb;
import org.hotline.ivr.verb.VoicemailVerb;

/** The verb kinds as the flows file spells them. */
final class Verbs {
  /** Every kind, in the order docs/flows.md describes them. */
  static final List<String> KINDS =
      List.of(
          "play",
          "menu",
          "gather",
          "lookup",
          "hours",
          "enqueue",
          "voicemail",
          "callback",
          "transfer",
          "language",
          "goto",
          "run",
          "hangup");

  private Verbs() {}

  /** The kind of {@code verb} ({@code menu}). */
  static String kind(Verb verb) {
    return switch (verb) {
      case PlayVerb v -> "play";
      case MenuVerb v -> "menu";
      case GatherVerb v -> "gather";
      case LookupVerb v -> "lookup";
      case HoursVerb v -> "hours";
      case EnqueueVerb v -> "enqueue";
      case VoicemailVerb v -> "voicemail";
      case CallbackVerb v -> "callback";
      case TransferVerb v -> "transfer";
      case LanguageVerb v -> "language";
      case GotoVerb v -> "goto";
      case RunVerb v -> "run";
      case HangupVerb v -> "hangup";
      case Sequence v -> "branch";
      default -> verb.getClass().getSimpleName();
    };
  }
}
