package org.hotline.admin.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each whole request of one connection to the {@link Router} and writes the answers back in
 * the order the requests came (HTTP/1.1 pipelining), without blocking the event loop.
 *
 * <p>A malformed request is answered 400 and the connection closed, since the decoder cannot tell
 * where the next request starts. When too many requests wait for answers the connection stops
 * reading until they are written.
 *
 * <p>A WebSocket upgrade request for a path the router has a {@link WebSocketRoute} for, judged by
 * the access check on its head, is handed to Netty's WebSocket protocol handler and the route
 * ({@link WebSocketUpgrade}); the connection is the route's from then on.
 *
 * <p>A {@code GET} of a {@link StreamRoute}'s path, admitted on its head, is checked by its route
 * on a worker, in turn with the connection's other requests; when it may open, the connection is
 * handed to the route on the event loop, and from then on what the client sends is read and
 * dropped.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

  /** Requests of one connection that may wait for answers before it stops reading. */
  static final int MAX_PENDING = 16;

  private final Router router;
  private final ReadSwitch reads;
  private final ClientAddress clients;

  /**
   * The verdict on the head of the request the aggregator passes next ({@link HeadCheck}). Event
   * loop only.
   */
  private HeadVerdict verdict;

  /**
   * The answer of the connection's latest request; the next one is written after it. Event loop
   * only.
   */
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  /** Requests read and not yet answered. Event loop only. */
  private int pending;

  HttpRequestHandler(Router router, ReadSwitch reads, ClientAddress clients) {
    this.router = router;
    this.reads = reads;
    this.clients = clients;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HeadVerdict head) {
      // Comes right before its request; a request the aggregator refused (413) leaves its
      // verdict unused, and the next one replaces it.
      verdict = head;
      return;
    }
    if (msg instanceof UploadRequest upload) {
      upload(ctx, upload);
      return;
    }
    super.channelRead(ctx, msg);
  }

  /**
   * Answers an upload in turn with the connection's other requests while its body still arrives:
   * the route reads it on a worker. The connection is kept only when the whole body came (read, or
   * dropped once the route was done with it); else it closes after the answer.
   */
  private void upload(ChannelHandlerContext ctx, UploadRequest upload) {
    UploadBody body = upload.body();
    Request request;
    try {
      request =
          Request.head(
              upload.head(), clients.of(ctx.channel().remoteAddress(), upload.head().headers()));
    } catch (IllegalArgumentException e) {
      body.close();
      refuse(ctx, "malformed request URI: " + e.getMessage());
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(upload.head());
    if (++pending >= MAX_PENDING) {
      reads.hold(ReadSwitch.PENDING);
    }
    tail =
        tail.thenCompose(previous -> router.dispatch(request, upload.verdict(), body))
            .exceptionally(
                e -> Response.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error"))
            .thenAcceptAsync(
                response -> {
                  body.close();
                  write(ctx, response, keepAlive && body.complete());
                },
                ctx.executor());
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
    HeadVerdict head = verdict;
    verdict = null;
    if (msg.decoderResult().isFailure()) {
      refuse(ctx, "malformed request: " + msg.decoderResult().cause().getMessage());
      return;
    }
    Request request;
    try {
      request = Request.from(msg, clients.of(ctx.channel().remoteAddress(), msg.headers()));
    } catch (IllegalArgumentException e) {
      refuse(ctx, "malformed request URI: " + e.getMessage());
      return;
    }
    RouteTable.Route taking = router.takingConnection(request.path());
    if (taking != null
        && taking.target() instanceof WebSocketRoute webSocket
        && request.isWebSocketUpgrade()) {
      upgrade(ctx, msg, webSocket, request, head);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(msg);
    if (++pending >= MAX_PENDING) {
      reads.hold(ReadSwitch.PENDING);
    }
    if (taking != null
        && taking.target() instanceof StreamRoute stream
        && HttpMethod.GET.equals(request.method())) {
      Request from =
          head == null || head.principal() == null ? request : request.as(head.principal());
      tail =
          tail.thenCompose(previous -> router.openStream(taking, from, head))
              .thenAcceptAsync(
                  refusal -> {
                    if (refusal != null) {
                      write(ctx, refusal, keepAlive);
                    } else {
                      handOver(ctx, stream, from, router.admissionOf(taking, from));
                    }
                  },
                  ctx.executor());
      return;
    }
    tail =
        tail.thenCompose(previous -> router.dispatch(request, head, null))
            .exceptionally(
                e -> Response.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error"))
            .thenAcceptAsync(response -> write(ctx, response, keepAlive), ctx.executor());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug(
        "HTTP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  /**
   * Hands the connection to {@code route} as the access check judged its upgrade request ({@code
   * head}): admitted or refused for its credentials, either way upgraded; refused otherwise (the
   * server busy or failing), answered so over HTTP. Only a connection with no answer pending may be
   * upgraded: its answers could not be written once it speaks WebSocket.
   */
  private void upgrade(
      ChannelHandlerContext ctx,
      FullHttpRequest msg,
      WebSocketRoute route,
      Request request,
      HeadVerdict head) {
    if (pending > 0) {
      refuse(ctx, "WebSocket upgrade behind pipelined requests");
      return;
    }
    if (head == null || (head.refusal() != null && head.denied() == null)) {
      write(ctx, head == null ? RouteRunner.FAILED : head.refusal(), false);
      return;
    }
    try {
      WebSocketUpgrade.start(
          ctx,
          msg,
          route,
          head.principal() == null ? request : request.as(head.principal()),
          head.denied());
    } catch (RuntimeException e) {
      log.error("WebSocket upgrade of {} failed", LoggedUri.redact(msg.uri()), e);
      ctx.close();
    }
  }

  /** Gives the connection to {@code stream}: on the event loop, in place of this handler. */
  private void handOver(
      ChannelHandlerContext ctx, StreamRoute stream, Request request, Admission admission) {
    if (!ctx.channel().isActive() || ctx.isRemoved()) {
      // Closed, or already a stream's: a stream request pipelined behind a stream gets nothing.
      return;
    }
    ctx.channel().config().setAutoRead(true);
    ctx.pipeline().replace(this, "stream", new StreamSink());
    try {
      stream.open(ctx.channel(), request, admission);
    } catch (RuntimeException e) {
      log.error("opening the stream {} failed", request.path(), e);
      ctx.close();
    }
  }

  /** Reads and drops what a client sends on a connection that now carries a stream. */
  private static final class StreamSink extends io.netty.channel.ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.util.ReferenceCountUtil.release(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        ctx.close();
      } else {
        io.netty.util.ReferenceCountUtil.release(evt);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("stream to {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }

  private void refuse(ChannelHandlerContext ctx, String reason) {
    router.metrics().badRequest(HttpResponseStatus.BAD_REQUEST);
    // A bad URI's message quotes it, and a /cti URI may carry a session token.
    log.debug(
        "refused a request from {}: {}", ctx.channel().remoteAddress(), LoggedUri.redact(reason));
    reads.hold(ReadSwitch.CLOSING);
    tail =
        tail.thenRunAsync(
            () ->
                write(
                    ctx,
                    Response.error(HttpResponseStatus.BAD_REQUEST, "malformed request"),
                    false),
            ctx.executor());
  }

  /**
   * Writes {@code response} on the event loop; safe from any thread, in call order. The answers of
   * a connection call it as stages of {@link #tail} run on the event loop, so each is written
   * before the next one's stage starts: an answer ready at once (a refusal on the request's head, a
   * 404) cannot be written ahead of an earlier one still queued from a worker.
   */
  private void write(ChannelHandlerContext ctx, Response response, boolean keepAlive) {
    if (!ctx.executor().inEventLoop()) {
      ctx.executor().execute(() -> write(ctx, response, keepAlive));
      return;
    }
    if (ctx.isRemoved()) {
      // The connection became a stream's: an answer to a request pipelined behind it has no place.
      return;
    }
    FullHttpResponse http =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, response.status(), Unpooled.wrappedBuffer(response.body()));
    http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
    response.headers().forEach((name, value) -> http.headers().set(name, value));
    HttpUtil.setContentLength(http, response.body().length);
    HttpUtil.setKeepAlive(http, keepAlive);
    // Answered before the bytes leave, not when the write completes: the client may send its
    // next request (a WebSocket upgrade, which needs nothing pending) the moment they arrive.
    if (keepAlive && --pending < MAX_PENDING) {
      reads.release(ReadSwitch.PENDING);
    }
    ChannelFuture written = ctx.writeAndFlush(http);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
