package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.regex.Pattern;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.dial.DialableNumber;

/**
 * A command an agent's desktop or an integration sends over the CTI WebSocket
 * (docs/cti-protocol.md), read from its frame by {@link CtiCodec#command}. Besides its fields, the
 * frame carries the {@code id} the answer repeats and, from an integration, the {@code agentId} the
 * command acts on; those are the connection's business, not the command's.
 *
 * <p>Each record checks its fields as the protocol defines them when it is made, so a command in
 * hand is well-formed: a text field is stripped, a blank one counts as absent, and a missing or
 * malformed one is refused with {@code bad-argument} ({@link CtiCommandException}). Whether it can
 * be done now (a configured break reason, a call on) is for whoever runs it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(CtiCommand.SetState.class),
  @JsonSubTypes.Type(CtiCommand.WrapUp.class),
  @JsonSubTypes.Type(CtiCommand.Hangup.class),
  @JsonSubTypes.Type(CtiCommand.Hold.class),
  @JsonSubTypes.Type(CtiCommand.Unhold.class),
  @JsonSubTypes.Type(CtiCommand.Transfer.class),
  @JsonSubTypes.Type(CtiCommand.Dial.class)
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface CtiCommand {

  /** The command's {@code type} on the wire ({@code set-state}, ...). */
  default String type() {
    return CtiCodec.typeName(getClass());
  }

  /**
   * {@code set-state}: the agent becomes available, goes on a break or logs out.
   *
   * @param state {@code available} ({@code ready} is taken for it), {@code break} or {@code logout}
   * @param reason for a break, the reason (one of the configured ones); null otherwise
   */
  @JsonTypeName("set-state")
  record SetState(String state, String reason) implements CtiCommand {
    public static final String AVAILABLE = "available";
    public static final String BREAK = "break";
    public static final String LOGOUT = "logout";

    public SetState {
      state = text("state", state, true);
      switch (state) {
        case AVAILABLE, BREAK, LOGOUT -> {}
        case "ready" -> state = AVAILABLE;
        default ->
            throw CtiCommandException.badArgument(
                "state is available, break or logout, got '"
                    + CtiCommandException.shortened(state)
                    + "'");
      }
      reason = state.equals(BREAK) ? text("reason", reason, true) : null;
    }
  }

  /**
   * {@code wrap-up}: the agent's disposition and notes for a call's CDR.
   *
   * @param disposition a code of letters, digits, {@code -}, {@code _}, {@code .}; at most {@link
   *     CdrRepository#MAX_DISPOSITION}
   * @param notes free text, at most {@link CdrRepository#MAX_NOTES}; null when none
   */
  @JsonTypeName("wrap-up")
  record WrapUp(String callId, String disposition, String notes) implements CtiCommand {
    /** What a disposition code may look like: a short word, as desktops and reports list them. */
    private static final Pattern DISPOSITION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public WrapUp {
      callId = text("callId", callId, true);
      disposition = text("disposition", disposition, true);
      notes = text("notes", notes, false);
      if (disposition.length() > CdrRepository.MAX_DISPOSITION
          || !DISPOSITION.matcher(disposition).matches()) {
        throw CtiCommandException.badArgument(
            "disposition is a code of letters, digits, '-', '_' or '.', at most "
                + CdrRepository.MAX_DISPOSITION
                + " long");
      }
      if (notes != null && notes.length() > CdrRepository.MAX_NOTES) {
        throw CtiCommandException.badArgument(
            "notes are longer than " + CdrRepository.MAX_NOTES + " characters");
      }
    }
  }

  /** {@code hangup}: ends the call the agent is on. */
  @JsonTypeName("hangup")
  record Hangup() implements CtiCommand {}

  /** {@code hold}: the caller of the agent's connected call hears music on hold. */
  @JsonTypeName("hold")
  record Hold() implements CtiCommand {}

  /** {@code unhold}: the agent and the caller hear each other again. */
  @JsonTypeName("unhold")
  record Unhold() implements CtiCommand {}

  /**
   * {@code transfer}: a blind transfer of the agent's connected call; exactly one of the two.
   *
   * @param queue the queue the caller waits in next
   * @param agent the agent whose phone rings next
   */
  @JsonTypeName("transfer")
  record Transfer(String queue, String agent) implements CtiCommand {
    public Transfer {
      queue = text("queue", queue, false);
      agent = text("agent", agent, false);
      if ((queue == null) == (agent == null)) {
        throw CtiCommandException.badArgument("transfer takes a queue or an agent, one of them");
      }
    }
  }

  /**
   * {@code dial}: click-to-call from the agent's phone.
   *
   * @param number digits, with {@code +}, {@code *}, {@code #}; the spaces, dashes, dots and
   *     brackets people write numbers with are taken out
   */
  @JsonTypeName("dial")
  record Dial(String number) implements CtiCommand {
    /** Taken out of a number to dial: how people write numbers. */
    private static final Pattern NUMBER_SPACING = Pattern.compile("[\\s()\\-.]");

    public Dial {
      number = NUMBER_SPACING.matcher(text("number", number, true)).replaceAll("");
      if (!DialableNumber.isDeskNumber(number)) {
        throw CtiCommandException.badArgument("number is digits, with + * # allowed, at most 32");
      }
    }
  }

  /** A text field: stripped; blank is absent, which a required field may not be. */
  private static String text(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw CtiCommandException.badArgument(field + " is required");
      }
      return null;
    }
    return value.strip();
  }
}
