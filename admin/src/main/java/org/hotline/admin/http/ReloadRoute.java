package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /api/admin/reload}: re-reads the IVR flows file. 200 with what is now served; 422
 * with the one-line reason when the file is refused, in which case the flows in service stay. Calls
 * in progress finish on the flows they started with.
 */
public final class ReloadRoute implements RouteHandler {

  /** What reloading does. */
  public interface Reloader {
    /**
     * Reloads.
     *
     * @return a summary of what is now served
     * @throws IllegalArgumentException with the one-line reason when the new file is refused
     */
    String reload();
  }

  private final Reloader reloader;

  public ReloadRoute(Reloader reloader) {
    this.reloader = Objects.requireNonNull(reloader, "reloader");
  }

  @Override
  public Response handle(Request request) {
    try {
      return Response.json(HttpResponseStatus.OK, Map.of("reloaded", reloader.reload()));
    } catch (IllegalArgumentException refused) {
      return Response.error(HttpResponseStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
    }
  }
}
