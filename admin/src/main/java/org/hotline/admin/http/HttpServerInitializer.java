package org.hotline.admin.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one HTTP connection, in order: idle timeout, HTTP/1.1 codec, the check of each
 * request's head before its body is read ({@link HeadCheck}, which also sets the body limit of the
 * request's route), aggregation of a request into one message (at most that limit, else 413), and
 * the request handler. An upload ({@link Router#upload}) skips the aggregator: its body goes from
 * the head check into an {@link UploadBody} that its route reads as it arrives.
 *
 * <p>A connection from an address that has {@link ConnectionsPerAddress too many} open already is
 * answered 429 and closed before any of that.
 */
final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {
  /**
   * The aggregator's name in the pipeline, which {@link HeadCheck} replaces to change the limit.
   */
  static final String AGGREGATOR = "aggregator";

  /** The head check's name in the pipeline, which a WebSocket upgrade removes. */
  static final String HEAD_CHECK = "head-check";

  /** Seconds a connection may go without reading or writing before it is closed. */
  static final int IDLE_SECONDS = 60;

  private final Router router;
  private final ChannelGroup connections;
  private final ClientAddress clients;
  private final ConnectionsPerAddress perAddress;

  /**
   * Each connection joins {@code connections}, and leaves it when it closes.
   *
   * @param clients tells each request's client address (behind a trusted proxy, the client's)
   */
  HttpServerInitializer(
      Router router,
      ChannelGroup connections,
      ClientAddress clients,
      ConnectionsPerAddress perAddress) {
    this.router = router;
    this.connections = connections;
    this.clients = clients;
    this.perAddress = perAddress;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    connections.add(ch);
    if (!perAddress.admit(ch)) {
      router.metrics().refusedConnection();
      ConnectionsPerAddress.refuse(ch);
      return;
    }
    ReadSwitch reads = new ReadSwitch(ch);
    ch.pipeline()
        .addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
        .addLast("codec", new HttpServerCodec())
        .addLast(HEAD_CHECK, new HeadCheck(router, reads, clients))
        .addLast(AGGREGATOR, aggregator(router, Router.MAX_BODY))
        .addLast("handler", new HttpRequestHandler(router, reads, clients));
  }

  /** An aggregator of requests up to {@code maxContent} bytes, counting those it refuses. */
  static HttpObjectAggregator aggregator(Router router, int maxContent) {
    return new CountingAggregator(router, maxContent);
  }

  /** Netty's aggregator, counting the requests it refuses as too large. */
  private static final class CountingAggregator extends HttpObjectAggregator {
    private final Router router;

    CountingAggregator(Router router, int maxContent) {
      super(maxContent);
      this.router = router;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
        throws Exception {
      router.metrics().badRequest(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
      super.handleOversizedMessage(ctx, oversized);
    }
  }
}
