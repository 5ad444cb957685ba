package org.hotline.admin.wallboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hotline.admin.http.Admission;
import org.hotline.admin.http.Json;
import org.hotline.core.acd.AcdSnapshot;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.HotlineEvent;
import org.hotline.core.event.QueueEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the wallboard's snapshot to every open event stream, as Server-Sent Events.
 *
 * <ul>
 *   <li>A stream gets the full snapshot when it opens, then one after each change ({@link
 *       QueueEvent.StatsChanged}, {@link AgentEvent.StateChanged}), at most one per {@link
 *       #minGap}: changes that come closer together are sent as one, the latest, snapshot.
 *   <li>A comment line every {@link #heartbeat}, so proxies and the browser know the stream is
 *       alive and a client gone without a word is found on the next write. Before it the stream's
 *       {@link Admission} is asked again: a stream whose listener logged out, whose session
 *       expired, or whose user was disabled or changed is closed instead.
 *   <li>Each stream's unsent bytes are bounded ({@link #BUFFER_HIGH}): a client that does not read
 *       is dropped (its connection closed; the browser reconnects and starts from a full snapshot)
 *       instead of the server holding snapshots for it.
 * </ul>
 *
 * <p>The bus callback only notes the change and arms the timer, so it returns at once on the ACD's
 * thread; the snapshot is built on the timer thread, once for all streams, and written on each
 * stream's event loop.
 *
 * <p>Meters: {@code hotline.wallboard.streams} (open streams), {@code hotline.wallboard.snapshots}
 * (snapshots written), {@code hotline.wallboard.dropped} (slow streams closed) and {@code
 * hotline.wallboard.ended} (streams closed when their listener's login ended).
 */
public final class WallboardFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WallboardFeed.class);

  /** The shortest time between two snapshots of one change after another: at most 4 a second. */
  public static final Duration MIN_GAP = Duration.ofMillis(250);

  /** How often an idle stream gets a comment line. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** Unsent bytes past which a stream is dropped: a few dozen snapshots of eight queues. */
  static final int BUFFER_HIGH = 64 * 1024;

  /** Streams served at once; more are answered 503. */
  static final int MAX_STREAMS = 200;

  private static final byte[] HEARTBEAT_LINE = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

  private final WallboardState state;
  private final ScheduledExecutorService timer;
  private final Duration minGap;
  private final Duration heartbeat;

  /** The open streams, each with what checks its listener may still have it. */
  private final Map<Channel, Admission> streams = new ConcurrentHashMap<>();

  private final AtomicBoolean armed = new AtomicBoolean();
  private final Consumer<HotlineEvent> listener = this::onEvent;
  private final EventBus bus;
  private final Counter sent;
  private final Counter dropped;
  private final Counter ended;
  private volatile long lastSentNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
  private ScheduledFuture<?> heartbeats;

  /** A feed with the standard pace: {@link #MIN_GAP}, {@link #HEARTBEAT}. */
  public WallboardFeed(
      EventBus bus, ScheduledExecutorService timer, Clock clock, MeterRegistry meters) {
    this(bus, timer, clock, meters, MIN_GAP, HEARTBEAT);
  }

  /**
   * Subscribes to {@code bus} at once, so no change is missed before {@link #seed}.
   *
   * @param timer where snapshots are built and heartbeats sent; its tasks must be short
   * @param clock tells the snapshots' time and brings the longest waits up to it
   * @param minGap the shortest time between two snapshots
   * @param heartbeat how often a comment line is sent
   */
  public WallboardFeed(
      EventBus bus,
      ScheduledExecutorService timer,
      Clock clock,
      MeterRegistry meters,
      Duration minGap,
      Duration heartbeat) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.state = new WallboardState(clock);
    this.minGap = Objects.requireNonNull(minGap, "minGap");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    Gauge.builder("hotline.wallboard.streams", streams, Map::size)
        .description("Wallboard event streams open")
        .register(meters);
    this.sent =
        Counter.builder("hotline.wallboard.snapshots")
            .description("Wallboard snapshots written to streams")
            .register(meters);
    this.dropped =
        Counter.builder("hotline.wallboard.dropped")
            .description("Wallboard streams closed because the client did not keep up")
            .register(meters);
    this.ended =
        Counter.builder("hotline.wallboard.ended")
            .description("Wallboard streams closed because their listener's login ended")
            .register(meters);
    bus.subscribe(listener);
    heartbeats =
        timer.scheduleAtFixedRate(
            this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the ACD's state for what no event has told yet (queues and agents idle since the start)
   * and sends it; the snapshot is taken on the ACD's thread, this returns at once.
   */
  public void seed(Supplier<CompletableFuture<AcdSnapshot>> acd, Clock clock) {
    acd.get()
        .whenComplete(
            (snapshot, failure) -> {
              if (failure != null) {
                log.warn("the wallboard could not read the ACD's state: {}", failure.toString());
                return;
              }
              state.seed(snapshot, clock.instant());
              changed();
            });
  }

  /** Whether one more stream may open. */
  boolean hasRoom() {
    return streams.size() < MAX_STREAMS;
  }

  /**
   * Serves {@code channel}, whose response head has been written: sends the full snapshot now, then
   * the later ones, until the channel closes or {@code admission} says no. On the channel's event
   * loop.
   */
  void add(Channel channel, Admission admission) {
    channel
        .config()
        .setWriteBufferWaterMark(
            new io.netty.channel.WriteBufferWaterMark(BUFFER_HIGH / 2, BUFFER_HIGH));
    streams.put(channel, admission);
    channel.closeFuture().addListener(f -> streams.remove(channel));
    write(channel, event(state.snapshot()));
  }

  private void onEvent(HotlineEvent event) {
    switch (event) {
      case QueueEvent.StatsChanged stats -> state.apply(stats);
      case AgentEvent.StateChanged agent -> state.apply(agent);
      default -> {
        return;
      }
    }
    changed();
  }

  /** Arms one snapshot, {@link #minGap} after the last one at the soonest. */
  private void changed() {
    if (!armed.compareAndSet(false, true)) {
      return;
    }
    long wait = Math.max(0, lastSentNanos + minGap.toNanos() - System.nanoTime());
    try {
      timer.schedule(this::broadcast, wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      armed.set(false);
    }
  }

  private void broadcast() {
    armed.set(false);
    lastSentNanos = System.nanoTime();
    if (streams.isEmpty()) {
      return;
    }
    byte[] event = event(state.snapshot());
    streams.keySet().forEach(channel -> write(channel, event));
  }

  /** Checks each stream's listener again, then sends it a comment line, or closes it. */
  private void beat() {
    streams.forEach(
        (channel, admission) ->
            admission
                .recheck()
                .thenAccept(
                    admitted ->
                        channel
                            .eventLoop()
                            .execute(
                                () -> {
                                  if (!channel.isActive()) {
                                    return;
                                  }
                                  if (!admitted) {
                                    ended.increment();
                                    log.info(
                                        "wallboard stream to {} closed: its login ended",
                                        channel.remoteAddress());
                                    channel.close();
                                    return;
                                  }
                                  channel.writeAndFlush(
                                      new DefaultHttpContent(
                                          Unpooled.wrappedBuffer(HEARTBEAT_LINE)));
                                })));
  }

  /**
   * Writes {@code event} to {@code channel} on its event loop, or drops a stream that fell behind.
   */
  private void write(Channel channel, byte[] event) {
    channel
        .eventLoop()
        .execute(
            () -> {
              if (!channel.isActive()) {
                return;
              }
              if (!channel.isWritable()) {
                dropped.increment();
                log.info(
                    "wallboard stream to {} dropped: it did not read {} bytes",
                    channel.remoteAddress(),
                    BUFFER_HIGH);
                channel.close();
                return;
              }
              ByteBuf body = Unpooled.wrappedBuffer(event);
              channel.writeAndFlush(new DefaultHttpContent(body));
              sent.increment();
            });
  }

  /** {@code snapshot} as one Server-Sent Event named {@code snapshot}. */
  static byte[] event(Object snapshot) {
    String json = new String(Json.bytes(snapshot), StandardCharsets.UTF_8);
    return ("event: snapshot\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Stops listening and closes every stream. */
  @Override
  public void close() {
    bus.unsubscribe(listener);
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
    streams.keySet().forEach(Channel::close);
  }
}
