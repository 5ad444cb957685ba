package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code error}: a command was not done, or a frame could not be read. The connection stays open.
 *
 * @param id the command's {@code id}, a string or a number; null when it is not known
 * @param code a stable reason: {@code bad-json}, {@code bad-argument}, {@code unknown-command},
 *     {@code forbidden}, {@code not-on-a-call}, {@code internal}, ...
 * @param message one line for a person
 */
@JsonTypeName("error")
public record ErrorReply(Object id, String code, String message) implements CtiMessage {
  public ErrorReply {
    Objects.requireNonNull(code, "code");
  }

  /** None: an error goes to the connection that sent the command. */
  @Override
  public Optional<String> aboutAgent() {
    return Optional.empty();
  }
}
