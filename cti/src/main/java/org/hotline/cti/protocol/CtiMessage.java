package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;

/**
 * A frame the server sends over the CTI WebSocket (docs/cti-protocol.md): an {@link CtiEvent
 * event}, or the {@link Reply} or {@link ErrorReply} that answers a command. Written as one JSON
 * object whose {@code type} is the record's {@link JsonTypeName}, then the record's components in
 * their order ({@link CtiCodec}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(ScreenPop.class),
  @JsonSubTypes.Type(CallState.class),
  @JsonSubTypes.Type(AgentStateChanged.class),
  @JsonSubTypes.Type(QueueStatsChanged.class),
  @JsonSubTypes.Type(Reply.class),
  @JsonSubTypes.Type(ErrorReply.class)
})
public sealed interface CtiMessage permits CtiEvent, Reply, ErrorReply {

  /** The message's {@code type} on the wire ({@code screen-pop}, {@code reply}, ...). */
  default String type() {
    return CtiCodec.typeName(getClass());
  }

  /**
   * The agent the message is about: their desktops and every integration get it; empty for a
   * message every connection gets ({@code queue-stats}) and for the answer to a command, which goes
   * to the connection that sent it.
   */
  Optional<String> aboutAgent();
}
