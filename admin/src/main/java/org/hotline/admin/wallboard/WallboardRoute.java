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
import org.hotline.admin.http.Access;
import org.hotline.admin.http.Admission;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.Router;
import org.hotline.admin.http.StreamRoute;
import org.hotline.core.user.Role;

/**
 * {@code GET /api/wallboard/events}: the wallboard's live feed as Server-Sent Events ({@code
 * text/event-stream}). Each event is named {@code snapshot} and its data is the whole board as
 * JSON: {@code {"at", "queues": [...], "agents": {state: count}}}, each queue as {@code GET
 * /api/queues} shows it. The first comes at once, the next after each change, at most four a
 * second; a comment line comes every 15 s. See {@link WallboardFeed}.
 *
 * <p>With each comment line the listener's credentials are checked again: a stream whose session
 * was logged out or expired, or whose user was disabled or changed, is closed (the page then meets
 * 401 when it reconnects).
 *
 * <p>Supervisors, administrators and integrations (a wall screen's own account) may listen; the
 * router checks it ({@link #ACCESS}) before {@link #check}. 503 when {@link
 * WallboardFeed#MAX_STREAMS} streams are open already.
 */
public final class WallboardRoute implements StreamRoute {
  /** Where the feed is. */
  public static final String PATH = "/api/wallboard/events";

  /** Who may listen. */
  public static final Access ACCESS = Access.roles(Role.SUPERVISOR, Role.ADMIN, Role.INTEGRATION);

  private final WallboardFeed feed;

  public WallboardRoute(WallboardFeed feed) {
    this.feed = Objects.requireNonNull(feed, "feed");
  }

  /** Adds {@code GET} {@value #PATH} to {@code router}. */
  public Router addTo(Router router) {
    return router.stream(PATH, ACCESS, this);
  }

  @Override
  public Response check(Request request) {
    if (!feed.hasRoom()) {
      return Response.error(
              HttpResponseStatus.SERVICE_UNAVAILABLE, "too many wallboards open: try again later")
          .withHeader("Retry-After", "30");
    }
    return null;
  }

  @Override
  public void open(Channel channel, Request request, Admission admission) {
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
    channel.write(
        new DefaultHttpContent(Unpooled.copiedBuffer("retry: 2000\n\n", StandardCharsets.UTF_8)));
    feed.add(channel, admission);
  }
}
