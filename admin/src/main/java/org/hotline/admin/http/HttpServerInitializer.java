package org.hotline.admin.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one HTTP connection, in order: idle timeout, HTTP/1.1 codec, aggregation of a
 * request into one message (at most {@link #MAX_CONTENT} bytes of body, else 413), and the
 * request handler.
 */
final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {
  /** The largest request body accepted: 1 MiB. */
  static final int MAX_CONTENT = 1024 * 1024;

  /** Seconds a connection may go without reading or writing before it is closed. */
  static final int IDLE_SECONDS = 60;

  private final Router router;

  HttpServerInitializer(Router router) {
    this.router = router;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.pipeline()
        .addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
        .addLast("codec", new HttpServerCodec())
        .addLast("aggregator", new CountingAggregator(router))
        .addLast("handler", new HttpRequestHandler(router));
  }

  /** Netty's aggregator, counting the requests it refuses as too large. */
  private static final class CountingAggregator extends HttpObjectAggregator {
    private final Router router;

    CountingAggregator(Router router) {
      super(MAX_CONTENT);
      this.router = router;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
      router.countBadRequest(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
      super.handleOversizedMessage(ctx, oversized);
    }
  }
}
