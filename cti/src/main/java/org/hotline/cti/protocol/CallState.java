package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code call-state}: a call of the agent changed. {@code ringing} carries {@code queue} and {@code
 * caller}, {@code ended} carries {@code outcome}, each on the wire even when null; the other states
 * carry neither.
 *
 * @param state {@code ringing}, {@code connected}, {@code held} or {@code ended}
 * @param queue for {@code ringing}: the queue the call comes from (null otherwise)
 * @param caller for {@code ringing}: the number as received (null otherwise)
 * @param outcome for {@code ended}: {@code answered}, {@code abandoned}, {@code ivr-hangup}, {@code
 *     failed} or {@code answered-elsewhere} (null otherwise)
 */
@JsonTypeName("call-state")
public record CallState(
    String agentId,
    String callId,
    String state,
    Instant at,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String queue,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String caller,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String outcome)
    implements CtiEvent {

  public static final String RINGING = "ringing";
  public static final String CONNECTED = "connected";
  public static final String HELD = "held";
  public static final String ENDED = "ended";

  /** The states there are. */
  public static final Set<String> STATES = Set.of(RINGING, CONNECTED, HELD, ENDED);

  public CallState {
    Objects.requireNonNull(agentId, "agentId");
    if (!STATES.contains(state)) {
      throw new IllegalArgumentException("call state is one of " + STATES + ", got " + state);
    }
    if (!state.equals(RINGING)) {
      queue = null;
      caller = null;
    }
    if (!state.equals(ENDED)) {
      outcome = null;
    }
  }

  /** The call is offered to the agent. */
  public static CallState ringing(
      String agentId, String callId, Instant at, String queue, String caller) {
    return new CallState(agentId, callId, RINGING, at, queue, caller, null);
  }

  /** The agent answered, or the call came off hold. */
  public static CallState connected(String agentId, String callId, Instant at) {
    return new CallState(agentId, callId, CONNECTED, at, null, null, null);
  }

  /** The call was put on hold. */
  public static CallState held(String agentId, String callId, Instant at) {
    return new CallState(agentId, callId, HELD, at, null, null, null);
  }

  /** The call is over for the agent. */
  public static CallState ended(String agentId, String callId, Instant at, String outcome) {
    return new CallState(agentId, callId, ENDED, at, null, null, outcome);
  }

  /**
   * The fields only some states carry, written after the others: the state's own, null or not.
   * (Jackson writes the record's components but these three, then this.)
   */
  @JsonAnyGetter
  public Map<String, Object> stateFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    switch (state) {
      case RINGING -> {
        fields.put("queue", queue);
        fields.put("caller", caller);
      }
      case ENDED -> fields.put("outcome", outcome);
      default -> {}
    }
    return fields;
  }

  @Override
  public Optional<String> aboutAgent() {
    return Optional.of(agentId);
  }
}
