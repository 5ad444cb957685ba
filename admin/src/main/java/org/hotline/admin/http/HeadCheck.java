package org.hotline.admin.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Checks each request's head (method, URI, credentials) with the {@link Router} before its body is
 * read, so that nobody makes the server hold a body before saying who they are.
 *
 * <ul>
 *   <li>While a head is checked (on a worker: the gate may hash a password) the connection stops
 *       reading, and what was read already waits here, in order.
 *   <li>An admitted request goes on, preceded by its {@link HeadVerdict}, with the aggregator
 *       behind set to the route's body limit ({@link Router#MAX_BODY} unless the route takes more):
 *       a {@code 100 Continue} is sent only now.
 *   <li>A refused request goes on as its head alone, preceded by its verdict, so the request
 *       handler answers it in turn with the other requests of the connection; the body it announced
 *       is dropped as it comes, and the connection closes after the answer.
 *   <li>An admitted request to an {@link UploadRoute} skips the aggregator: it goes on at once as
 *       an {@link UploadRequest}, and each part of its body, as it comes, into its {@link
 *       UploadBody} (which stops the connection's reading while too much waits there). A body
 *       announced over the route's limit is not asked for ({@code 100 Continue}) and is dropped.
 * </ul>
 *
 * <p>Event loop only.
 */
final class HeadCheck extends ChannelInboundHandlerAdapter {
  private final Router router;
  private final ReadSwitch reads;
  private final ClientAddress clients;

  /** What came while a head was checked, in order. */
  private final ArrayDeque<Object> held = new ArrayDeque<>();

  private boolean checking;

  /** The body of a refused request is coming: dropped up to its last part. */
  private boolean discarding;

  private int limit = Router.MAX_BODY;

  /** The body of the upload being read, which the parts that come go into; null when none is. */
  private UploadBody upload;

  HeadCheck(Router router, ReadSwitch reads, ClientAddress clients) {
    this.router = router;
    this.reads = reads;
    this.clients = clients;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (checking) {
      held.add(msg);
    } else {
      take(ctx, msg);
    }
  }

  private void take(ChannelHandlerContext ctx, Object msg) {
    if (upload != null && msg instanceof HttpContent content) {
      feed(content);
      return;
    }
    if (discarding && msg instanceof HttpContent content) {
      discarding = !(content instanceof LastHttpContent);
      content.release();
      return;
    }
    if (!(msg instanceof HttpRequest head)) {
      ctx.fireChannelRead(msg);
      return;
    }
    discarding = false;
    if (head.decoderResult().isFailure()) {
      pass(ctx, head, HeadVerdict.unchecked(Router.MAX_BODY));
      return;
    }
    CompletableFuture<HeadVerdict> verdict =
        router.checkHead(head, clients.of(ctx.channel().remoteAddress(), head.headers()));
    if (verdict.isDone()) {
      pass(ctx, head, verdict.join());
      return;
    }
    checking = true;
    reads.hold(ReadSwitch.CHECKING);
    verdict.thenAccept(v -> ctx.executor().execute(() -> checked(ctx, head, v)));
  }

  /** The verdict on {@code head} came: it goes on, then what waited behind it. */
  private void checked(ChannelHandlerContext ctx, HttpRequest head, HeadVerdict verdict) {
    checking = false;
    if (ctx.isRemoved() || !ctx.channel().isActive()) {
      ReferenceCountUtil.release(head);
      held.forEach(ReferenceCountUtil::release);
      held.clear();
      return;
    }
    pass(ctx, head, verdict);
    while (!checking && !held.isEmpty()) {
      take(ctx, held.poll());
    }
    if (!checking) {
      reads.release(ReadSwitch.CHECKING);
    }
  }

  /** Sends {@code head} on with its verdict: whole when admitted, alone when refused. */
  private void pass(ChannelHandlerContext ctx, HttpRequest head, HeadVerdict verdict) {
    if (verdict.refusal() == null && verdict.upload()) {
      startUpload(ctx, head, verdict);
      return;
    }
    ctx.fireChannelRead(verdict);
    if (verdict.refusal() == null) {
      setLimit(ctx, (int) Math.min(Integer.MAX_VALUE, verdict.maxBody()));
      ctx.fireChannelRead(head);
      return;
    }
    boolean bodyFollows =
        !(head instanceof FullHttpRequest)
            && (HttpUtil.isTransferEncodingChunked(head)
                || HttpUtil.getContentLength(head, 0L) > 0);
    HttpHeaders headers =
        head.headers()
            .copy()
            .remove(HttpHeaderNames.TRANSFER_ENCODING)
            .remove(HttpHeaderNames.EXPECT)
            .set(HttpHeaderNames.CONTENT_LENGTH, 0);
    if (bodyFollows) {
      // Its body is not wanted: the answer closes the connection rather than read it all.
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    // What the decoder sends after the head (the body, or the empty last part) is dropped.
    discarding = !(head instanceof FullHttpRequest);
    FullHttpRequest alone =
        new DefaultFullHttpRequest(
            head.protocolVersion(),
            head.method(),
            head.uri(),
            Unpooled.EMPTY_BUFFER,
            headers,
            EmptyHttpHeaders.INSTANCE);
    ReferenceCountUtil.release(head);
    ctx.fireChannelRead(alone);
  }

  /** Hands {@code head} on past the aggregator with a body that its parts will go into. */
  private void startUpload(ChannelHandlerContext ctx, HttpRequest head, HeadVerdict verdict) {
    UploadBody body = new UploadBody(verdict.maxBody(), reads, ctx.executor());
    boolean expectsContinue = HttpUtil.is100ContinueExpected(head);
    head.headers().remove(HttpHeaderNames.EXPECT);
    ChannelHandlerContext aggregator = ctx.pipeline().context(HttpServerInitializer.AGGREGATOR);
    (aggregator != null ? aggregator : ctx).fireChannelRead(new UploadRequest(head, verdict, body));
    if (HttpUtil.getContentLength(head, -1L) > verdict.maxBody()) {
      // Too large as announced: not asked for, dropped if it comes anyway; the route says 413.
      body.fail(new UploadBody.TooLarge(verdict.maxBody()));
      discarding = !(head instanceof FullHttpRequest);
      ReferenceCountUtil.release(head);
      return;
    }
    if (expectsContinue) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    }
    upload = body;
    if (head instanceof FullHttpRequest full) {
      feed(new DefaultLastHttpContent(full.content()));
    }
  }

  /**
   * A part of the upload's body: into it, or dropped with the rest when the body is over its limit.
   */
  private void feed(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    if (!upload.offer(content.content())) {
      upload = null;
      discarding = !last;
      return;
    }
    if (last) {
      upload.end();
      upload = null;
    }
  }

  /**
   * Gives the aggregator behind the limit {@code maxBody}: requests on a connection come one after
   * the other, so it is replaced only between two of them.
   */
  private void setLimit(ChannelHandlerContext ctx, int maxBody) {
    if (maxBody != limit && ctx.pipeline().get(HttpServerInitializer.AGGREGATOR) != null) {
      ctx.pipeline()
          .replace(
              HttpServerInitializer.AGGREGATOR,
              HttpServerInitializer.AGGREGATOR,
              HttpServerInitializer.aggregator(router, maxBody));
      limit = maxBody;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    brokenOff();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    held.forEach(ReferenceCountUtil::release);
    held.clear();
    brokenOff();
  }

  /** The connection is gone: an upload being read will not end. */
  private void brokenOff() {
    if (upload != null) {
      upload.fail(new java.io.IOException("the connection closed before the body ended"));
      upload = null;
    }
  }
}
