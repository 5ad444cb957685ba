package org.hotline.admin.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * What takes over a connection whose request becomes a WebSocket (RFC 6455), registered with {@link
 * Router#webSocket}.
 *
 * <p>The upgrade request is checked like any other request to a route: who sends it, and whether
 * the route's {@link Access} admits them. Netty's {@link WebSocketServerProtocolHandler} then
 * answers the handshake, limits frames to {@link #maxMessage()} and answers pings; closes reach the
 * route's handlers, which answer them (once: not the reply to their own close). A frame aggregator
 * behind it joins fragments into messages of at most as much. Then either:
 *
 * <ul>
 *   <li>the sender is admitted: {@link #open} puts the route's handlers at the end of the pipeline,
 *       before the handshake answer is written (so they miss nothing sent after it); they receive
 *       {@link WebSocketServerProtocolHandler.HandshakeComplete} once it is out;
 *   <li>or refused: the handshake completes all the same, and {@link #refuse} closes the connection
 *       with the close code that tells the client why (a browser's WebSocket sees no HTTP status).
 * </ul>
 *
 * <p>The pipeline keeps {@code idle}, the HTTP idle timeout, whose events go to the route's
 * handlers: they close the connection then, or replace it by name.
 */
public non-sealed interface WebSocketRoute extends RouteTarget {
  /**
   * The largest message, in one frame or in fragments, in bytes; past it the connection is closed
   * 1009.
   */
  int maxMessage();

  /**
   * Takes the connection of {@code request}, whose sender the route admitted ({@link
   * Request#principal()}; null on an open route): adds the route's handlers to {@code pipeline}.
   * Called on the connection's event loop, so it must not block.
   *
   * @throws UnauthenticatedException when the route cannot take the sender after all (its session
   *     ended meanwhile): the connection is refused with it, as by {@link #refuse}
   */
  void open(ChannelPipeline pipeline, Request request);

  /**
   * Closes {@code channel}, whose handshake just completed for a sender the access check refused
   * ({@code why}: 401, an expired session, 403 or 429), with the close code that says so. Called on
   * the connection's event loop.
   */
  void refuse(Channel channel, UnauthenticatedException why);
}
