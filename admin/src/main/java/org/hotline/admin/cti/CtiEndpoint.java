package org.hotline.admin.cti;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.hotline.admin.http.Access;
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
 * <p>The handshake carries the session token, in {@code ?token=} or the {@link SessionCookie}
 * (the cookie only from a page of this server: an {@code Origin} other than the {@code Host} is
 * ignored). Without a valid one the handshake completes and the connection is closed at once with
 * 4401 "log in first", 4408 "session expired" for a token that has run out, or 4403 "not
 * allowed" for a role the route's {@link Access} does not admit (agents, integrations and
 * supervisors connect; a supervisor only watches, see {@link Session#mayCommand()}); see {@link
 * CtiClose} for every close code. A logged-in connection is a {@link CtiConnection}.
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
  private final Access access;
  private final CommandRunner commands;
  private final Executor executor;
  private final MeterRegistry meters;
  private final Duration sessionCheck;
  private final CtiFanout fanout;
  private final CtiFeed feed;

  /**
   * Subscribes to {@code feed} and to the sessions {@code tokens} ends at once; a connection gets {@link CtiFeed#current() how things
   * stand} when it opens (what its session sees of it), then the messages published from then on.
   *
   * @param tokens the sessions logins issued
   * @param access the roles that may connect (the route's, as registered); others are closed with 4403
   * @param feed where the CTI messages come from
   * @param commands what runs the connections' commands
   * @param executor where commands run (they may block; virtual threads suit), never an event loop
   * @param meters where the endpoint's counts go
   */
  public CtiEndpoint(
      TokenService tokens, Access access, CtiFeed feed, CtiCommands commands, Executor executor, MeterRegistry meters) {
    this(tokens, access, feed, commands, executor, meters, SESSION_CHECK);
  }

  CtiEndpoint(
      TokenService tokens,
      Access access,
      CtiFeed feed,
      CtiCommands commands,
      Executor executor,
      MeterRegistry meters,
      Duration sessionCheck) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.access = Objects.requireNonNull(access, "access");
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
  public void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
    Channel channel = ctx.channel();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory("ws://" + request.headers().get(HttpHeaderNames.HOST) + PATH, null, false, MAX_FRAME)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    Optional<Session> session = tokens.find(token(request));
    CtiClose refusal =
        session.isEmpty() ? CtiClose.UNAUTHENTICATED
            : tokens.isExpired(session.get()) ? CtiClose.EXPIRED
            : !access.admits(session.get().user().role()) ? CtiClose.FORBIDDEN
            : null;

    // The HTTP handlers make way for the WebSocket ones before the handshake answer is written,
    // so that no frame the client sends after it meets an HTTP handler.
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.replace("idle", "idle", new IdleStateHandler(CtiConnection.PING_AFTER.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    pipeline.replace("handler", "aggregator-ws", new WebSocketFrameAggregator(MAX_FRAME));
    CtiConnection connection = null;
    if (refusal == null) {
      connection = new CtiConnection(session.get(), tokens, commands, executor, sessionCheck, meters);
      pipeline.addLast("cti", connection);
      // Subscribed before the handshake answer leaves, so a client that has its 101 misses no
      // event. This runs on the channel's event loop: a message published meanwhile on another
      // thread is written by a task after this one, so after the answer.
      fanout.add(connection);
      CtiConnection subscribed = connection;
      channel.closeFuture().addListener(f -> {
        fanout.remove(subscribed);
        log.info("{} disconnected from CTI", subscribed.session());
      });
    }
    ChannelFuture answered = handshaker.handshake(channel, request);
    if (connection != null) {
      opened(channel, connection);
    }
    answered.addListener(
        f -> {
          if (!f.isSuccess()) {
            log.debug("CTI handshake with {} failed: {}", channel.remoteAddress(), f.cause().toString());
            channel.close();
          } else if (refusal != null) {
            refuse(channel, refusal);
          }
        });
  }

  /** Sends a connection in the fan-out how things stand, right behind the handshake answer. */
  private void opened(Channel channel, CtiConnection connection) {
    // How things stand, so the desktop need not wait for the next change to show them.
    for (CtiMessage now : feed.current()) {
      if (connection.session().sees(now)) {
        connection.send(CtiJson.event(now));
      }
    }
    log.info("{} connected to CTI from {}", connection.session(), channel.remoteAddress());
  }

  private void refuse(Channel channel, CtiClose why) {
    why.count(meters);
    log.info("CTI connection from {} refused: {} {}", channel.remoteAddress(), why.code(), why.reason());
    channel.writeAndFlush(new CloseWebSocketFrame(why.code(), why.reason())).addListener(ChannelFutureListener.CLOSE);
  }

  /** The token of the handshake: {@code ?token=}, else the session cookie of a same-origin page; null when none. */
  private static String token(FullHttpRequest request) {
    List<String> query = new QueryStringDecoder(request.uri()).parameters().get("token");
    if (query != null && !query.isEmpty() && !query.get(0).isBlank()) {
      return query.get(0);
    }
    return sameOrigin(request) ? SessionCookie.token(request.headers()) : null;
  }

  /**
   * Whether the handshake comes from a page of this server, or from no page at all: a browser
   * sends {@code Origin} with every WebSocket handshake, and the cookie must not let another
   * site's page connect as the user (cross-site WebSocket hijacking).
   */
  private static boolean sameOrigin(FullHttpRequest request) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin == null) {
      return true;
    }
    String host = request.headers().get(HttpHeaderNames.HOST);
    try {
      return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
