package org.hotline.admin.cti;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.Principal;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.UnauthenticatedException;
import org.hotline.admin.http.WebSocketRoute;
import org.hotline.cti.bridge.CtiCommands;
import org.hotline.cti.bridge.CtiFeed;
import org.hotline.cti.protocol.CtiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /cti} WebSocket (RFC 6455): the CTI bridge's events out to agent desktops and
 * integrations, their commands in, as JSON text frames of at most {@link #MAX_FRAME} bytes.
 *
 * <p>The handshake carries the session token, in {@code ?token=} or the {@link SessionCookie} (the
 * cookie only from a page of this server: an {@code Origin} other than the {@code Host} is
 * ignored), and is checked by the router like any request: its gate, then the route's {@link
 * Access} (agents, integrations and supervisors connect; a supervisor only watches, see {@link
 * Session#mayCommand()}). A refused one completes its handshake and is closed at once ({@link
 * #refuse}) with 4401 "log in first", 4408 "session expired" for a token that has run out, or 4403
 * "not allowed" for a role the access does not admit; a password instead of a session (HTTP Basic)
 * is 4401 too, for a connection lives as long as its session. See {@link CtiClose} for every close
 * code. A logged-in connection is a {@link CtiConnection}.
 *
 * <p>Meters: {@code hotline.cti.connections} (gauge), {@code hotline.cti.messages.sent}, {@code
 * hotline.cti.commands{result}}, {@code hotline.cti.closes{reason}}.
 */
public final class CtiEndpoint implements WebSocketRoute {
  private static final Logger log = LoggerFactory.getLogger(CtiEndpoint.class);

  /** The path the endpoint is served on. */
  public static final String PATH = "/cti";

  /** The largest message, in one frame or in fragments: 64 KiB. */
  static final int MAX_FRAME = 64 * 1024;

  /** How often an open connection's session is checked for expiry and logout. */
  static final Duration SESSION_CHECK = Duration.ofSeconds(5);

  private final TokenService tokens;
  private final CommandRunner commands;
  private final Executor executor;
  private final MeterRegistry meters;
  private final Duration sessionCheck;
  private final CtiFanout fanout;
  private final CtiFeed feed;

  /**
   * Subscribes to {@code feed} and to the sessions {@code tokens} ends at once; a connection gets
   * {@link CtiFeed#current() how things stand} when it opens (what its session sees of it), then
   * the messages published from then on.
   *
   * @param tokens the sessions logins issued
   * @param feed where the CTI messages come from
   * @param commands what runs the connections' commands
   * @param executor where commands run (they may block; virtual threads suit), never an event loop
   * @param meters where the endpoint's counts go
   */
  public CtiEndpoint(
      TokenService tokens,
      CtiFeed feed,
      CtiCommands commands,
      Executor executor,
      MeterRegistry meters) {
    this(tokens, feed, commands, executor, meters, SESSION_CHECK);
  }

  CtiEndpoint(
      TokenService tokens,
      CtiFeed feed,
      CtiCommands commands,
      Executor executor,
      MeterRegistry meters,
      Duration sessionCheck) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.commands = new CommandRunner(commands, meters);
    this.executor = Objects.requireNonNull(executor, "executor");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.sessionCheck = Objects.requireNonNull(sessionCheck, "sessionCheck");
    this.fanout = new CtiFanout(meters);
    feed.subscribe(fanout::publish);
    // A logout, or an administrator ending a user's sessions, closes their sockets at once.
    tokens.onEnd(fanout::ended);
    this.feed = feed;
  }

  @Override
  public int maxMessage() {
    return MAX_FRAME;
  }

  /**
   * Makes the connection of {@code request}'s session a {@link CtiConnection}, subscribed to the
   * fan-out before the handshake answer leaves, so a client that has its 101 misses no event: this
   * runs on the channel's event loop, and a message published meanwhile on another thread is
   * written by a task after this one, so after the answer. How things stand follows the answer
   * ({@link Opened}).
   *
   * @throws UnauthenticatedException 401 when the sender proved no session (or it ended since)
   */
  @Override
  public void open(ChannelPipeline pipeline, Request request) {
    Principal principal = request.principal();
    Session session =
        tokens
            .find(principal == null ? null : principal.session())
            .orElseThrow(
                () ->
                    new UnauthenticatedException(
                        HttpResponseStatus.UNAUTHORIZED, "log in first: CTI needs a session"));
    Channel channel = pipeline.channel();
    pipeline.replace(
        "idle",
        "idle",
        new IdleStateHandler(CtiConnection.PING_AFTER.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    CtiConnection connection =
        new CtiConnection(session, tokens, commands, executor, sessionCheck, meters);
    pipeline.addLast("cti-opened", new Opened(connection));
    pipeline.addLast("cti", connection);
    fanout.add(connection);
    channel
        .closeFuture()
        .addListener(
            f -> {
              fanout.remove(connection);
              log.info("{} disconnected from CTI", connection.session());
            });
  }

  @Override
  public void refuse(Channel channel, UnauthenticatedException why) {
    CtiClose close =
        why.status().equals(HttpResponseStatus.FORBIDDEN)
            ? CtiClose.FORBIDDEN
            : why.expired() ? CtiClose.EXPIRED : CtiClose.UNAUTHENTICATED;
    close.count(meters);
    log.info(
        "CTI connection from {} refused: {} {}",
        channel.remoteAddress(),
        close.code(),
        close.reason());
    channel
        .writeAndFlush(new CloseWebSocketFrame(close.code(), close.reason()))
        .addListener(ChannelFutureListener.CLOSE);
  }

  /** Sends a new connection how things stand, once its handshake answer is out; then makes way. */
  private final class Opened extends ChannelInboundHandlerAdapter {
    private final CtiConnection connection;

    Opened(CtiConnection connection) {
      this.connection = connection;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      super.userEventTriggered(ctx, evt);
      if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        ctx.pipeline().remove(this);
        // How things stand, so the desktop need not wait for the next change to show them.
        for (CtiMessage now : feed.current()) {
          if (connection.session().sees(now)) {
            connection.send(CtiJson.event(now));
          }
        }
        log.info(
            "{} connected to CTI from {}", connection.session(), ctx.channel().remoteAddress());
      }
    }
  }
}
