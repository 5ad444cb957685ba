package org.hotline.admin.wallboard;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.Router;
import org.hotline.admin.http.StreamRoute;

/**
 * {@code GET /api/wallboard/events}: the wallboard's live feed as Server-Sent Events ({@code
 * text/event-stream}). Each event is named {@code snapshot} and its data is the whole board as
 * JSON: {@code {"at", "queues": [...], "agents": {state: count}}}, each queue as {@code GET
 * /api/queues} shows it. The first comes at once, the next after each change, at most four a
 * second; a comment line comes every 15 s. See {@link WallboardFeed}.
 *
 * <p>Who may listen is the {@code guard}'s to say: it throws {@link
 * org.hotline.admin.http.UnauthenticatedException} (401, 403) for a request that may not. 503 when
 * {@link WallboardFeed#MAX_STREAMS} streams are open already.
 */
public final class WallboardRoute implements StreamRoute {
  /** Where the feed is. */
  public static final String PATH = "/api/wallboard/events";

  private final WallboardFeed feed;
  private final Consumer<Request> guard;

  /**
   * @param guard runs on a worker; returns for a request that may listen, throws {@link
   *     org.hotline.admin.http.UnauthenticatedException} for one that may not
   */
  public WallboardRoute(WallboardFeed feed, Consumer<Request> guard) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /** Adds {@code GET} {@value #PATH} to {@code router}. */
  public Router addTo(Router router) {
    return router.stream(PATH, this);
  }

  @Override
  public Response check(Request request) {
    guard.accept(request);
    if (!feed.hasRoom()) {
      return Response.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "too many wallboards open: try again later")
          .withHeader("Retry-After", "30");
    }
    return null;
  }

  @Override
  public void open(Channel channel, Request request) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
        .set("X-Content-Type-Options", "nosniff")
        // A proxy that buffers answers (nginx) passes this one on as it comes.
        .set("X-Accel-Buffering", "no");
    channel.write(head);
    // How long the browser waits before it reconnects when the stream breaks.
    channel.write(new DefaultHttpContent(Unpooled.copiedBuffer("retry: 2000\n\n", StandardCharsets.UTF_8)));
    feed.add(channel);
  }
}
