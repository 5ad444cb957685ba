package org.hotline.admin.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one HTTP connection, in order: idle timeout, HTTP/1.1 codec, the body limit of
 * the request's path, aggregation of a request into one message (at most that limit, else 413),
 * and the request handler.
 */
final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {
  /** The largest request body accepted: 1 MiB. */
  static final int MAX_CONTENT = 1024 * 1024;

  /** The largest body of a CSV import ({@value #IMPORT_PATH}): 64 MiB, a million customers. */
  static final int MAX_IMPORT = 64 * 1024 * 1024;

  /** The path whose requests may carry {@link #MAX_IMPORT} bytes. */
  static final String IMPORT_PATH = "/api/customers/import";

  /** Seconds a connection may go without reading or writing before it is closed. */
  static final int IDLE_SECONDS = 60;

  private final Router router;
  private final ChannelGroup connections;

  /** Each connection joins {@code connections}, and leaves it when it closes. */
  HttpServerInitializer(Router router, ChannelGroup connections) {
    this.router = router;
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    connections.add(ch);
    ch.pipeline()
        .addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
        .addLast("codec", new HttpServerCodec())
        .addLast("limit", new BodyLimit())
        .addLast("aggregator", new CountingAggregator(router, MAX_CONTENT))
        .addLast("handler", new HttpRequestHandler(router));
  }

  /**
   * Gives each request the aggregator of its path's limit: a request to {@value #IMPORT_PATH}
   * may be up to {@link #MAX_IMPORT}, any other {@link #MAX_CONTENT}. Requests on a connection
   * come one after the other, so the aggregator is swapped only between two of them.
   */
  private final class BodyLimit extends ChannelInboundHandlerAdapter {
    private int current = MAX_CONTENT;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest request) {
        String uri = request.uri();
        boolean importing = uri.equals(IMPORT_PATH) || uri.startsWith(IMPORT_PATH + "?");
        int limit = importing ? MAX_IMPORT : MAX_CONTENT;
        if (limit != current) {
          ctx.pipeline().replace("aggregator", "aggregator", new CountingAggregator(router, limit));
          current = limit;
        }
      }
      ctx.fireChannelRead(msg);
    }
  }

  /** Netty's aggregator, counting the requests it refuses as too large. */
  private static final class CountingAggregator extends HttpObjectAggregator {
    private final Router router;

    CountingAggregator(Router router, int maxContent) {
      super(maxContent);
      this.router = router;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
      router.countBadRequest(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
      super.handleOversizedMessage(ctx, oversized);
    }
  }
}
