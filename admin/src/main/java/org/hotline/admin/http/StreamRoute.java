package org.hotline.admin.http;

import io.netty.channel.Channel;

/**
 * What answers a {@code GET} with a response that does not end: a stream of events written as they
 * happen, such as Server-Sent Events. Registered with {@link Router#stream}.
 *
 * <p>{@link #check} runs first, on the router's worker (it may block, to tell who asks); when it
 * lets the request through, the connection is handed to {@link #open} on its event loop and is the
 * stream's from then on: whatever else the client sends on it is read and dropped.
 */
public non-sealed interface StreamRoute extends RouteTarget {
  /**
   * Whether {@code request} may have the stream. Runs on a worker.
   *
   * @return null to open the stream, else the answer to send instead (401, 403, 503...)
   * @throws UnauthenticatedException answered with its status and message
   * @throws BadRequestException answered 400
   */
  Response check(Request request) throws Exception;

  /**
   * Starts the stream of {@code request} on {@code channel}: writes the response head and what
   * follows, and keeps writing until it or the client closes the channel, or {@code admission} says
   * the sender may no longer have it. Called on the channel's event loop, so it must not block.
   *
   * @param admission asks again whether the request's sender may have the stream (the route's
   *     access and the sender's session or password, as at the start)
   */
  void open(Channel channel, Request request, Admission admission);
}
