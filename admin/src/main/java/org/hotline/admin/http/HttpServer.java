package org.hotline.admin.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hotline.config.HttpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 server of the console, the REST API, {@code /health} and {@code /metrics}: Netty
 * event loops that decode requests and hand them to a {@link Router}.
 *
 * <p>Lifecycle: construct, {@link #start()} (binds; port 0 picks a free port, which {@link #port()}
 * tells), {@link #close()}.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  /** Event loop threads: HTTP here is light work, the handlers run on the router's workers. */
  static final int EVENT_LOOP_THREADS = 2;

  private final HttpSettings settings;
  private final Router router;
  private EventLoopGroup group;
  private Channel channel;

  /**
   * The open connections, closed by {@link #close()} before the event loops stop: a loop that stops
   * at once (no quiet period) can end without closing the channels registered on it. It stays
   * closed, so a connection accepted just before the close is closed as it joins.
   */
  private ChannelGroup connections;

  public HttpServer(HttpSettings settings, Router router) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.router = Objects.requireNonNull(router, "router");
  }

  /**
   * Binds {@code host:port} and starts answering.
   *
   * @throws IllegalStateException when already started, or the address cannot be bound (the message
   *     names it)
   */
  public synchronized void start() {
    if (group != null) {
      throw new IllegalStateException("the HTTP server is started already");
    }
    group =
        new MultiThreadIoEventLoopGroup(
            EVENT_LOOP_THREADS,
            new DefaultThreadFactory("hotline-http"),
            NioIoHandler.newFactory());
    connections = new DefaultChannelGroup("hotline-http", GlobalEventExecutor.INSTANCE, true);
    ClientAddress clients = new ClientAddress(settings.trustedProxies());
    try {
      channel =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 256)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new HttpServerInitializer(
                      router,
                      connections,
                      clients,
                      new ConnectionsPerAddress(settings.maxConnectionsPerAddress(), clients)))
              .bind(settings.host(), settings.port())
              .sync()
              .channel();
    } catch (Exception e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      group = null;
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "cannot listen for HTTP on "
              + settings.host()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage(),
          e);
    }
    log.info("HTTP listening on {}:{}", settings.host(), port());
  }

  /**
   * The bound port.
   *
   * @throws IllegalStateException when not started
   */
  public synchronized int port() {
    if (channel == null) {
      throw new IllegalStateException("the HTTP server is not started");
    }
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening, closes open connections and stops the event loops. */
  @Override
  public synchronized void close() {
    if (group == null) {
      return;
    }
    channel.close().syncUninterruptibly();
    connections.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    group = null;
    channel = null;
    connections = null;
  }
}
