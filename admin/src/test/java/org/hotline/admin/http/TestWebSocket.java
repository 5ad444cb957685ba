package org.hotline.admin.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import java.util.function.BiConsumer;

/**
 * A {@link WebSocketRoute} for tests: opens as {@code open} says, closes refused connections at
 * once.
 */
record TestWebSocket(BiConsumer<ChannelPipeline, Request> open) implements WebSocketRoute {
  /** A route that closes each connection it is given. */
  static TestWebSocket closing() {
    return new TestWebSocket((pipeline, request) -> pipeline.channel().close());
  }

  @Override
  public int maxMessage() {
    return 1024;
  }

  @Override
  public void open(ChannelPipeline pipeline, Request request) {
    open.accept(pipeline, request);
  }

  @Override
  public void refuse(Channel channel, UnauthenticatedException why) {
    channel.close();
  }
}
