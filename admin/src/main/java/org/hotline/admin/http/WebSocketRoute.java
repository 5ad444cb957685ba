package org.hotline.admin.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * What takes over a connection whose request asks to become a WebSocket (RFC 6455 section 4.2):
 * it does the handshake and puts its own handlers in the pipeline in place of the HTTP ones.
 *
 * <p>The pipeline it finds, by name: {@code idle} (the HTTP idle timeout), {@code codec}, {@code
 * aggregator} and {@code handler} (the HTTP request handler, which is calling it).
 */
@FunctionalInterface
public interface WebSocketRoute {
  /**
   * Upgrades the connection of {@code request}. Called on the connection's event loop, so it must
   * not block; {@code request} is released when it returns.
   */
  void upgrade(ChannelHandlerContext ctx, FullHttpRequest request);
}
