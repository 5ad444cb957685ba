package org.hotline.admin.cti;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in CTI connection, after the WebSocket handshake: writes the messages for its session,
 * runs the commands it reads, and closes when the session ends.
 *
 * <ul>
 *   <li>Outbound: at most {@link #MAX_PENDING} messages may wait to be written to the socket; one
 *       more closes the connection with 1008 "too slow" (the messages already waiting go first, and
 *       the socket is closed after {@link #CLOSE_GRACE} whatever happens), so a client that does
 *       not read costs a bounded amount of memory and never holds up the others.
 *   <li>Inbound: text frames are commands, run by a {@link CommandRunner} on the executor, never on
 *       the event loop; at most {@link #MAX_IN_FLIGHT} at a time, then the connection stops reading
 *       until one is answered. A binary frame is answered with a {@code bad-frame} error. Pings are
 *       answered with pongs; a close is echoed.
 *   <li>The session is checked every so often: expired closes with 4408, logged out with 4401.
 *   <li>Keep-alive: after {@link #PING_AFTER} without hearing from the client it is pinged; if it
 *       stays silent as long again (no pong), the connection is closed with 1001.
 * </ul>
 */
final class CtiConnection extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger log = LoggerFactory.getLogger(CtiConnection.class);

  /** Messages that may wait to be written before the client counts as too slow. */
  static final int MAX_PENDING = 1_000;

  /** Commands that may run at once for one connection before it stops reading. */
  static final int MAX_IN_FLIGHT = 16;

  /** How long a closing connection is given to write its last frames. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  /**
   * Time without hearing from the client after which it is pinged, and after the ping, the time it
   * has to answer before it is taken as gone.
   */
  static final Duration PING_AFTER = Duration.ofSeconds(30);

  private final Session session;
  private final TokenService tokens;
  private final CommandRunner runner;
  private final Executor executor;
  private final Duration sessionCheck;
  private final Counter sent;
  private final MeterRegistry meters;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile Channel channel;

  /** Commands running. Event loop only. */
  private int inFlight;

  private ScheduledFuture<?> check;

  CtiConnection(
      Session session,
      TokenService tokens,
      CommandRunner runner,
      Executor executor,
      Duration sessionCheck,
      MeterRegistry meters) {
    this.session = session;
    this.tokens = tokens;
    this.runner = runner;
    this.executor = executor;
    this.sessionCheck = sessionCheck;
    this.meters = meters;
    this.sent =
        Counter.builder("hotline.cti.messages.sent")
            .description("CTI messages written to connections")
            .register(meters);
  }

  /** The session the connection belongs to. */
  Session session() {
    return session;
  }

  /**
   * Queues {@code frame} (a JSON text) for the client; from any thread, never waits. Past {@link
   * #MAX_PENDING} waiting messages it closes the connection instead.
   */
  void send(byte[] frame) {
    Channel ch = channel;
    if (ch == null || closing.get()) {
      return;
    }
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      close(CtiClose.TOO_SLOW);
      return;
    }
    ch.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame)))
        .addListener(
            f -> {
              pending.decrementAndGet();
              if (f.isSuccess()) {
                sent.increment();
              }
            });
  }

  /**
   * Closes the connection with {@code why}'s code and reason; the first call wins. From any thread.
   */
  void close(CtiClose why) {
    Channel ch = channel;
    if (ch == null || !closing.compareAndSet(false, true)) {
      return;
    }
    why.count(meters);
    log.info(
        "closing the CTI connection of {} from {}: {} {}",
        session,
        ch.remoteAddress(),
        why.code(),
        why.reason());
    ch.writeAndFlush(new CloseWebSocketFrame(why.code(), why.reason()))
        .addListener(ChannelFutureListener.CLOSE);
    ch.eventLoop().schedule(() -> ch.close(), CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    long every = sessionCheck.toMillis();
    check =
        ctx.executor().scheduleAtFixedRate(this::checkSession, every, every, TimeUnit.MILLISECONDS);
    ctx.channel().closeFuture().addListener(f -> check.cancel(false));
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof CloseWebSocketFrame close) {
      closed(ctx, close);
      return;
    }
    if (closing.get()) {
      return;
    }
    switch (frame) {
      case TextWebSocketFrame text -> command(ctx, text.text());
      case BinaryWebSocketFrame binary ->
          send(
              CtiJson.error(null, "bad-frame", "frames are JSON text; binary frames are not read"));
      default -> {
        // Pings are answered and pongs dropped by Netty's WebSocketServerProtocolHandler.
      }
    }
  }

  /**
   * The client's close: the reply to ours ends the connection; one of its own is echoed once (RFC
   * 6455 section 5.5.1), never after ours.
   */
  private void closed(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
    if (closing.compareAndSet(false, true)) {
      ctx.writeAndFlush(close.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.close();
    }
  }

  private void command(ChannelHandlerContext ctx, String text) {
    if (!checkSession()) {
      return;
    }
    if (++inFlight >= MAX_IN_FLIGHT) {
      ctx.channel().config().setAutoRead(false);
    }
    try {
      executor.execute(() -> run(ctx, text));
    } catch (RejectedExecutionException e) {
      send(CtiJson.error(null, "busy", "the server is busy; try again"));
      answered();
    }
  }

  /** Runs command {@code text} and writes its answer; on the executor. */
  private void run(ChannelHandlerContext ctx, String text) {
    CompletableFuture<byte[]> answer;
    try {
      answer = runner.run(session, text);
    } catch (RuntimeException e) {
      log.error("a CTI command of {} failed", session, e);
      answer = CompletableFuture.completedFuture(CtiJson.error(null, "internal", "internal error"));
    }
    answer.whenComplete(
        (frame, e) -> {
          if (frame != null) {
            send(frame);
          }
          ctx.executor().execute(this::answered);
        });
  }

  private void answered() {
    if (--inFlight < MAX_IN_FLIGHT && channel.isActive()) {
      channel.config().setAutoRead(true);
    }
  }

  /** Closes the connection when its session has ended; whether it still holds. */
  private boolean checkSession() {
    var current = tokens.find(session.token());
    if (current.isEmpty()) {
      close(CtiClose.LOGGED_OUT);
      return false;
    }
    if (tokens.isExpired(current.get())) {
      close(CtiClose.EXPIRED);
      return false;
    }
    return true;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
      if (idle.isFirst()) {
        ctx.writeAndFlush(new PingWebSocketFrame());
      } else {
        close(CtiClose.IDLE);
      }
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      close(CtiClose.TOO_BIG);
      return;
    }
    log.debug(
        "CTI connection of {} from {} failed: {}",
        session,
        ctx.channel().remoteAddress(),
        cause.toString());
    ctx.close();
  }
}
