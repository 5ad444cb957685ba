package org.hotline.sip.media;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hotline.config.RtpSettings;
import org.hotline.sip.media.port.PortAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP media server: owns the event loops that carry all RTP (one or two threads), the port
 * allocator and the prompt library, and hands out {@link MediaEndpoint}s.
 *
 * <p>{@link #allocate} and {@link #close} block briefly (binding or closing a socket) and must not
 * be called from a media event loop; everything else on the endpoints is non-blocking. Thread-safe.
 */
public final class MediaServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MediaServer.class);

  private final RtpSettings settings;
  private final String host;
  private final PromptLibrary prompts;
  private final MediaMetrics metrics;
  private final PortAllocator ports;
  private final int threads;
  private final Set<MediaEndpoint> endpoints = ConcurrentHashMap.newKeySet();
  private volatile EventLoopGroup group;
  private volatile InetAddress bindAddress;

  /**
   * A server with {@code min(2, processors)} event loops.
   *
   * @param bindHost where to bind RTP sockets when {@code settings.host()} is empty (the SIP bind
   *     address); when both are empty, all interfaces
   */
  public MediaServer(
      RtpSettings settings, String bindHost, PromptLibrary prompts, MeterRegistry metrics) {
    this(settings, bindHost, prompts, metrics, defaultThreads());
  }

  /** A server with {@code threads} event loops. */
  public MediaServer(
      RtpSettings settings,
      String bindHost,
      PromptLibrary prompts,
      MeterRegistry metrics,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.settings = settings;
    this.host = firstNonBlank(settings.host(), bindHost, "0.0.0.0");
    this.prompts = prompts;
    this.metrics = new MediaMetrics(metrics);
    this.ports = new PortAllocator(settings.portMin(), settings.portMax());
    this.threads = threads;
  }

  /**
   * Resolves the bind address and starts the event loops.
   *
   * @throws IllegalStateException when the bind address does not resolve
   */
  public synchronized void start() {
    if (group != null) {
      return;
    }
    try {
      bindAddress = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("RTP bind address " + host + " does not resolve", e);
    }
    group =
        new MultiThreadIoEventLoopGroup(
            threads,
            new DefaultThreadFactory("hotline-rtp", false, Thread.MAX_PRIORITY),
            NioIoHandler.newFactory());
    log.info(
        "RTP media on {} ports {}-{}, {} event loop(s)",
        bindAddress.getHostAddress(),
        settings.portMin(),
        settings.portMax(),
        threads);
  }

  /**
   * Binds an endpoint to the next free even port of the range, on the next event loop (round
   * robin).
   *
   * @throws MediaException when no port is free (the call should be refused: 503 or 488)
   */
  public MediaEndpoint allocate() throws MediaException {
    return allocateOn(running().next());
  }

  /**
   * Binds an endpoint on the same event loop as {@code other}, so that bridging the two relays
   * packets inline without a thread hand-off. Use it for the agent leg of a caller's call.
   */
  public MediaEndpoint allocateBeside(MediaEndpoint other) throws MediaException {
    running();
    return allocateOn(other.eventLoop());
  }

  /** Endpoints not yet closed (with their ports still held). */
  public int openEndpoints() {
    return endpoints.size();
  }

  public PromptLibrary prompts() {
    return prompts;
  }

  /** Closes every endpoint, then stops the event loops. */
  @Override
  public void close() {
    EventLoopGroup loops;
    synchronized (this) {
      loops = group;
      group = null;
    }
    for (MediaEndpoint endpoint : List.copyOf(endpoints)) {
      endpoint.close();
    }
    if (loops != null) {
      loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  private EventLoopGroup running() {
    EventLoopGroup loops = group;
    if (loops == null) {
      throw new IllegalStateException("media server not started");
    }
    return loops;
  }

  private MediaEndpoint allocateOn(EventLoop loop) throws MediaException {
    for (int attempt = 0; attempt < ports.capacity(); attempt++) {
      int port = ports.reserve();
      if (port < 0) {
        break;
      }
      MediaEndpoint endpoint = open(loop, port);
      if (endpoint != null) {
        return endpoint;
      }
    }
    throw new MediaException(
        "no free RTP port in "
            + settings.portMin()
            + "-"
            + settings.portMax()
            + " on "
            + host
            + " ("
            + ports.inUse()
            + " in use)");
  }

  /** Opens an endpoint on {@code port}, or returns {@code null} when the port is taken. */
  private MediaEndpoint open(EventLoop loop, int port) throws MediaException {
    NioDatagramChannel channel;
    try {
      channel =
          new NioDatagramChannel(
              bindAddress instanceof Inet6Address
                  ? SocketProtocolFamily.INET6
                  : SocketProtocolFamily.INET);
    } catch (ChannelException e) {
      ports.release(port);
      throw new MediaException("cannot open an RTP socket", e);
    }
    ChannelFuture registered = loop.register(channel).awaitUninterruptibly();
    if (!registered.isSuccess()) {
      channel.unsafe().closeForcibly();
      ports.release(port);
      throw new MediaException("cannot register an RTP socket", registered.cause());
    }
    // From here on, closing the channel releases the port.
    MediaEndpoint endpoint =
        new MediaEndpoint(channel, port, prompts, metrics, System::nanoTime, this::released);
    endpoints.add(endpoint);
    ChannelFuture bound = channel.bind(new InetSocketAddress(bindAddress, port));
    if (!bound.awaitUninterruptibly().isSuccess()) {
      log.debug("RTP port {} unavailable: {}", port, bound.cause().toString());
      endpoint.close();
      return null;
    }
    return endpoint;
  }

  private static int defaultThreads() {
    return Math.min(2, Runtime.getRuntime().availableProcessors());
  }

  private static String firstNonBlank(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.trim();
      }
    }
    throw new IllegalArgumentException("no RTP bind address");
  }

  private void released(MediaEndpoint endpoint) {
    endpoints.remove(endpoint);
    ports.release(endpoint.localPort());
  }
}
