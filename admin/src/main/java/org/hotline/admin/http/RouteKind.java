package org.hotline.admin.http;

import java.util.Locale;

/**
 * The kinds of route a {@link Router} has, each answered by its own kind of {@link RouteTarget}.
 */
public enum RouteKind {
  /** A request answered whole ({@link RouteHandler}). */
  PLAIN,
  /** A request whose body its route reads as it arrives ({@link UploadRoute}). */
  UPLOAD,
  /** A {@code GET} answered with a response that does not end ({@link StreamRoute}). */
  STREAM,
  /** A {@code GET} that becomes a WebSocket ({@link WebSocketRoute}). */
  WEBSOCKET;

  /** The kind in lower case: {@code plain}, {@code upload}, {@code stream}, {@code websocket}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
