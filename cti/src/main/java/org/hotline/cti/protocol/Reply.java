package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;

/**
 * {@code reply}: a command was done. It repeats the command's {@code id} (null when the command had
 * none), says {@code "ok": true}, then the fields of the command's result, only those it has:
 *
 * <ul>
 *   <li>{@code set-state}: {@code agentId}, {@code state}, {@code reason} (for a break);
 *   <li>{@code wrap-up}: {@code callId}, {@code disposition};
 *   <li>{@code hangup}: {@code callId}; {@code hold} and {@code unhold}: {@code callId}, {@code
 *       held};
 *   <li>{@code transfer}: {@code callId}, {@code queue} or {@code agent}; {@code dial}: {@code
 *       callId}, {@code number}.
 * </ul>
 *
 * @param id the command's {@code id}: a string or a number, as sent
 */
@JsonTypeName("reply")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "ok"})
@JsonIgnoreProperties(value = "ok", allowGetters = true)
public record Reply(
    @JsonInclude(JsonInclude.Include.ALWAYS) Object id,
    String agentId,
    String callId,
    String state,
    String reason,
    String disposition,
    Boolean held,
    String queue,
    String agent,
    String number)
    implements CtiMessage {

  /** {@code set-state} done: the state asked for, and the break reason. */
  public static Reply stateSet(String agentId, String state, String reason) {
    return new Reply(null, agentId, null, state, reason, null, null, null, null, null);
  }

  /** {@code wrap-up} stored. */
  public static Reply wrappedUp(String callId, String disposition) {
    return new Reply(null, null, callId, null, null, disposition, null, null, null, null);
  }

  /** {@code hangup} done. */
  public static Reply hungUp(String callId) {
    return new Reply(null, null, callId, null, null, null, null, null, null, null);
  }

  /** {@code hold} ({@code held} true) or {@code unhold} done. */
  public static Reply held(String callId, boolean held) {
    return new Reply(null, null, callId, null, null, null, held, null, null, null);
  }

  /** {@code transfer} to a queue done. */
  public static Reply transferredToQueue(String callId, String queue) {
    return new Reply(null, null, callId, null, null, null, null, queue, null, null);
  }

  /** {@code transfer} to an agent done. */
  public static Reply transferredToAgent(String callId, String agent) {
    return new Reply(null, null, callId, null, null, null, null, null, agent, null);
  }

  /** {@code dial}: the agent's phone rings for the new call. */
  public static Reply dialled(String callId, String number) {
    return new Reply(null, null, callId, null, null, null, null, null, null, number);
  }

  /** This reply answering the command {@code id}. */
  public Reply to(Object id) {
    return new Reply(id, agentId, callId, state, reason, disposition, held, queue, agent, number);
  }

  /** Always true: a command that was not done is answered with an {@link ErrorReply}. */
  @JsonProperty("ok")
  public boolean ok() {
    return true;
  }

  /** None: a reply goes to the connection that sent the command. */
  @Override
  public Optional<String> aboutAgent() {
    return Optional.empty();
  }
}
