package org.hotline.admin.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.time.Duration;

/**
 * Turns a connection whose upgrade request the access check has judged into a {@link
 * WebSocketRoute}'s: puts Netty's {@link WebSocketServerProtocolHandler} behind the HTTP request
 * handler, which is the authenticating one, and hands the request to it. Netty answers the
 * handshake (RFC 6455 section 4.2.2: key, version, subprotocols), swaps the HTTP codec for the
 * WebSocket one, limits frames and answers pings (closes are the route's); the route's handlers get
 * {@link WebSocketServerProtocolHandler.HandshakeComplete} when the answer is out.
 *
 * <p>The protocol handler is made for this one request: its path is the request's URI (the router
 * matched the path exactly, and the URI may carry a query), {@code checkStartsWith} is off, so it
 * takes this request and no other.
 */
final class WebSocketUpgrade {
  /** How long the handshake answer may take to be written before the connection is closed. */
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private WebSocketUpgrade() {}

  /**
   * Upgrades the connection of {@code msg}, in the pipeline after {@code ctx} (the HTTP request
   * handler's, which it then leaves with the head check). {@code request} carries the sender the
   * route admitted; {@code denied} is why the access check refused the sender instead, or null. On
   * the event loop; {@code msg} is not released.
   */
  static void start(
      ChannelHandlerContext ctx,
      FullHttpRequest msg,
      WebSocketRoute route,
      Request request,
      UnauthenticatedException denied) {
    ChannelPipeline pipeline = ctx.pipeline();
    WebSocketServerProtocolConfig config =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(msg.uri())
            .checkStartsWith(false)
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT.toMillis())
            .maxFramePayloadLength(route.maxMessage())
            .allowExtensions(false)
            // The route answers a close: Netty would echo one even to the reply to our own close,
            // and a browser fails a connection that gets a second close.
            .handleCloseFrames(false)
            .build();
    pipeline.addAfter(ctx.name(), "websocket", new WebSocketServerProtocolHandler(config));
    pipeline.addAfter(
        "websocket", "websocket-aggregator", new WebSocketFrameAggregator(route.maxMessage()));
    UnauthenticatedException why = denied;
    if (why == null) {
      try {
        route.open(pipeline, request);
      } catch (UnauthenticatedException e) {
        why = e;
      }
    }
    if (why != null) {
      pipeline.addLast("websocket-refused", new Refusal(route, why));
    }
    // Netty's handshake handler answers it, here and now, and gets out of the way.
    ctx.fireChannelRead(msg.retain());
    if (pipeline.get(HttpServerInitializer.HEAD_CHECK) != null) {
      pipeline.remove(HttpServerInitializer.HEAD_CHECK);
    }
    pipeline.remove(ctx.handler());
  }

  /** Closes a refused connection as its route says, once its handshake is complete. */
  private static final class Refusal extends ChannelInboundHandlerAdapter {
    private final WebSocketRoute route;
    private final UnauthenticatedException why;

    Refusal(WebSocketRoute route, UnauthenticatedException why) {
      this.route = route;
      this.why = why;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        route.refuse(ctx.channel(), why);
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      // A refused client's frames are not read.
      io.netty.util.ReferenceCountUtil.release(msg);
    }
  }
}
