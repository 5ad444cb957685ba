package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;
import org.hotline.core.callback.CallbackRepository;

/**
 * {@code GET /api/callbacks}: the callback requests not yet served, in the order they are to be
 * served (priority, then the queue place each caller kept).
 */
public final class CallbacksRoute implements RouteHandler {
  private final CallbackRepository callbacks;

  public CallbacksRoute(CallbackRepository callbacks) {
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
  }

  @Override
  public Response handle(Request request) {
    return Response.json(HttpResponseStatus.OK, callbacks.pending());
  }
}
