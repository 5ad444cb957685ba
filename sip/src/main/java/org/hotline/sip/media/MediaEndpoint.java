package org.hotline.sip.media;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;
import org.hotline.core.media.Recording;
import org.hotline.sip.media.audio.AudioTap;
import org.hotline.sip.media.dtmf.DigitBuffer;
import org.hotline.sip.media.dtmf.DtmfEventReader;
import org.hotline.sip.media.dtmf.InbandDtmfDetector;
import org.hotline.sip.media.dtmf.TelephoneEvent;
import org.hotline.sip.media.prompt.EncodedPrompt;
import org.hotline.sip.media.prompt.PromptPlayer;
import org.hotline.sip.media.record.Recorder;
import org.hotline.sip.media.record.RecordingSlot;
import org.hotline.sip.media.rtp.LegCounters;
import org.hotline.sip.media.rtp.Relay;
import org.hotline.sip.media.rtp.RtpChannelInitializer;
import org.hotline.sip.media.rtp.RtpPacketFilter;
import org.hotline.sip.media.rtp.RtpSender;
import org.hotline.sip.media.rtp.SourceLatch;
import org.hotline.sip.media.rtp.StreamRewriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call leg's audio: an RTP port, the peer behind it, prompt playback, DTMF digits, and the
 * bridge to another leg. Obtained from {@link MediaServer#allocate}.
 *
 * <p>Every method may be called from any thread and returns at once: the work runs on the
 * endpoint's event loop, in the order it was asked for, and the futures complete there. A caller
 * should {@code join()} them (a virtual thread may) or use the {@code *Async} stages, never run
 * blocking code in a stage that could execute on the event loop.
 */
public final class MediaEndpoint implements MediaSession {

  private static final Logger log = LoggerFactory.getLogger(MediaEndpoint.class);
  private static final long CLOSE_WAIT_MILLIS = 2000;

  /** Writes recordings: file IO never runs on an event loop. */
  private static final Executor RECORDING_WRITER =
      task -> Thread.ofVirtual().name("hotline-recording").start(task);

  private final Channel channel;
  private final EventLoop loop;
  private final int port;
  private final PromptLibrary prompts;
  private final MediaMetrics metrics;
  private final LegCounters counters;
  private final SourceLatch latch;
  private final RtpSender sender;
  private final DtmfEventReader dtmfReader;
  private final InbandDtmfDetector inbandDtmf;
  private final AudioTap tap;
  private final Relay relay;
  private final DigitBuffer digits;
  private final PromptPlayer player;
  private final RecordingSlot recording;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CompletableFuture<Void> released = new CompletableFuture<>();
  private volatile Codec codec = Codec.PCMU;
  private volatile DtmfListener dtmfListener;

  /** The other leg of the bridge; confined to the event loop. */
  private MediaEndpoint partner;

  /** Completes when the hold music stops; confined to the event loop. */
  private CompletableFuture<Void> holdMusic;

  /**
   * Builds the endpoint's RTP path on a registered, not yet bound channel.
   *
   * @param onRelease called on the event loop once the channel has closed, to free the port
   */
  MediaEndpoint(
      Channel channel,
      int port,
      PromptLibrary prompts,
      MediaMetrics metrics,
      LongSupplier nanoClock,
      Consumer<MediaEndpoint> onRelease) {
    this.channel = channel;
    this.loop = channel.eventLoop();
    this.port = port;
    this.prompts = prompts;
    this.metrics = metrics;
    this.counters = new LegCounters(metrics, nanoClock);
    this.latch = new SourceLatch(counters);
    this.sender = new RtpSender(channel, latch, StreamRewriter.random(nanoClock), counters);
    this.dtmfReader = new DtmfEventReader(this::onDigit);
    this.inbandDtmf = new InbandDtmfDetector(this::onDigit);
    this.tap = new AudioTap();
    // Until connect() says otherwise the peer has no telephone-events: listen for tones.
    tap.setDetector(inbandDtmf);
    this.relay = new Relay(counters, sender);
    this.digits = new DigitBuffer(loop);
    this.player = new PromptPlayer(loop, sender);
    this.recording = new RecordingSlot(loop, tap);
    channel
        .pipeline()
        .addLast(
            new RtpChannelInitializer(
                new RtpPacketFilter(counters), latch, dtmfReader, tap, relay));
    channel
        .closeFuture()
        .addListener(
            f -> {
              onRelease.accept(this);
              released.complete(null);
            });
  }

  /** The local RTP port, for our SDP. */
  public int localPort() {
    return port;
  }

  /** The codec negotiated with the peer; PCMU until {@link #connect}. */
  public Codec codec() {
    return codec;
  }

  /**
   * Tells the endpoint what SDP negotiated: where to send, in which codec, and the peer's
   * telephone-event payload type (-1 when it has none). Call it again after a re-INVITE.
   *
   * <p>A peer without telephone-events sends its keys as tones in the audio: they are detected
   * there ({@link InbandDtmfDetector}) and count like RFC 4733 digits. A peer with them is not
   * listened to for tones, so a key is never counted twice.
   *
   * <p>Before the first packet arrives we send to {@code remote}; once packets arrive we latch to
   * their real source (symmetric RTP) and ignore other sources afterwards (strict RTP). A different
   * {@code remote} than before unlatches; {@code 0.0.0.0} (hold) sends nothing until the peer's
   * packets show where it is.
   *
   * <p>Like every method here it takes effect on the event loop, right after it returns; a packet
   * the loop reads in between is still handled with the previous settings.
   */
  public void connect(InetSocketAddress remote, Codec codec, int telephoneEventPt) {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(codec, "codec");
    if (telephoneEventPt < -1
        || telephoneEventPt > 127
        || telephoneEventPt == codec.payloadType()) {
      throw new IllegalArgumentException("bad telephone-event payload type " + telephoneEventPt);
    }
    this.codec = codec;
    run(
        () -> {
          latch.expect(remote);
          sender.configure(codec, telephoneEventPt);
          dtmfReader.setPayloadType(telephoneEventPt);
          if (telephoneEventPt < 0) {
            tap.setDetector(inbandDtmf);
          } else {
            tap.setDetector(null);
            inbandDtmf.reset();
          }
        });
  }

  /**
   * Whether we send to the peer at all: turn it off while the peer's SDP says {@code sendonly} or
   * {@code inactive} (it holds the call), on again when it resumes. On by default.
   */
  public void setSendEnabled(boolean enabled) {
    run(() -> sender.setSendEnabled(enabled));
  }

  /** Listens to every digit received (besides the type-ahead buffer); {@code null} to stop. */
  public void setDtmfListener(DtmfListener listener) {
    this.dtmfListener = listener;
  }

  /**
   * Takes a digit that arrived outside RTP (SIP INFO {@code application/dtmf-relay}) as if it had
   * been an RFC 4733 event: it is buffered, counted and may barge in.
   */
  public void receiveDigit(char digit) {
    if (!TelephoneEvent.isDigit(digit)) {
      throw new IllegalArgumentException("not a DTMF digit: " + digit);
    }
    run(() -> onDigit(digit));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The prompt is looked up (and on first use read from disk) in the calling thread. On a
   * bridged endpoint nothing plays and the future completes at once: the peer is in a conversation,
   * which a flow that has not yet seen the bridge must not talk over. Music for a peer on hold is
   * {@link #holdMusic}.
   */
  @Override
  public CompletableFuture<Void> play(Prompt prompt, boolean bargeIn) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    start(prompt, false, bargeIn, false, done);
    return done;
  }

  /** {@inheritDoc} Like {@link #play}, nothing plays on a bridged endpoint. */
  @Override
  public void loop(Prompt prompt) {
    start(prompt, true, false, false, new CompletableFuture<>());
  }

  /**
   * Loops {@code prompt} to this endpoint's peer even while bridged, holding back the other leg's
   * audio meanwhile: music on hold for this peer while the other party holds the call (re-INVITE
   * with {@code sendonly} or {@code inactive}). It plays until {@link #stopHoldMusic}, {@link
   * #stopPlayback}, a new bridge or close; the relayed audio then resumes as a new talkspurt. The
   * prompt is looked up in the calling thread.
   */
  public void holdMusic(Prompt prompt) {
    start(prompt, true, false, true, new CompletableFuture<>());
  }

  /** Stops the music started by {@link #holdMusic}, if it still plays; other prompts play on. */
  public void stopHoldMusic() {
    run(
        () -> {
          if (holdMusic != null && !holdMusic.isDone()) {
            player.stop();
          }
          holdMusic = null;
        });
  }

  private void start(
      Prompt prompt,
      boolean repeat,
      boolean bargeIn,
      boolean whileBridged,
      CompletableFuture<Void> done) {
    Optional<EncodedPrompt> audio = closed.get() ? Optional.empty() : prompts.find(prompt, codec);
    if (audio.isEmpty()) {
      done.complete(null);
      return;
    }
    boolean accepted =
        run(
            () -> {
              if (closed.get()) {
                done.complete(null);
              } else if (partner != null && !whileBridged) {
                log.debug("{} is bridged: not playing {}", this, prompt);
                done.complete(null);
              } else if (bargeIn && digits.size() > 0) {
                // Type-ahead: a key pressed before this prompt began skips it, as it would have
                // stopped it had it been playing.
                done.complete(null);
              } else {
                player.play(audio.get(), repeat, bargeIn, done);
                holdMusic = whileBridged ? done : null;
              }
            });
    if (!accepted) {
      done.complete(null);
    }
  }

  @Override
  public void stopPlayback() {
    run(player::stop);
  }

  @Override
  public CompletableFuture<Optional<Character>> nextDigit(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    CompletableFuture<Optional<Character>> next = new CompletableFuture<>();
    if (!run(() -> digits.next(timeout, next))) {
      next.complete(Optional.empty());
    }
    return next;
  }

  @Override
  public void clearDigits() {
    run(digits::clear);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The audio buffer for {@code maxLength} is allocated in the calling thread (16 KiB per
   * second, at most {@link Recorder#MAX_LENGTH}); the file is written on a virtual thread, which
   * completes the future. A recording already in progress stops and is written first. Digits other
   * than the stop keys go to the type-ahead buffer as usual.
   *
   * @throws IllegalArgumentException when {@code maxLength} is not in (0, 1 h], {@code maxSilence}
   *     is negative or {@code stopKeys} holds anything but DTMF digits
   */
  @Override
  public CompletableFuture<Recording> record(
      Path file, Duration maxLength, Duration maxSilence, String stopKeys) {
    Recorder next = new Recorder(file, maxLength, maxSilence, stopKeys, RECORDING_WRITER);
    boolean accepted =
        run(
            () -> {
              if (closed.get()) {
                next.stop();
              } else {
                recording.start(next);
              }
            });
    if (!accepted) {
      next.stop();
    }
    return next.result();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Relaying is cheapest when both endpoints share an event loop: allocate the second leg with
   * {@link MediaServer#allocateBeside}. Bridging to a third endpoint replaces the bridge.
   *
   * @throws IllegalArgumentException when {@code other} is not another {@code MediaEndpoint}
   */
  @Override
  public void bridge(MediaSession other) {
    if (!(other instanceof MediaEndpoint peer) || peer == this) {
      throw new IllegalArgumentException("can only bridge to another MediaEndpoint: " + other);
    }
    run(() -> link(peer));
    peer.run(() -> peer.link(this));
  }

  /** Ends the bridge, if any, on both legs; each peer then hears nothing until a prompt. */
  public void unbridge() {
    run(
        () -> {
          MediaEndpoint peer = partner;
          if (peer != null) {
            unlink(peer);
            peer.run(() -> peer.unlink(this));
          }
        });
  }

  @Override
  public boolean isOpen() {
    return !closed.get() && channel.isOpen();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Completes pending futures. Called from outside the event loop, it returns once the port is
   * free again (bounded wait).
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && !run(this::shutdown)) {
      channel.close();
    }
    if (!loop.inEventLoop()) {
      awaitRelease();
    }
  }

  /** RTP packets accepted from the peer. */
  public long packetsReceived() {
    return counters.receivedCount();
  }

  /** RTP packets sent to the peer, played or relayed. */
  public long packetsSent() {
    return counters.sentCount();
  }

  /** Datagrams dropped: not RTP, from a stranger, or not relayable. */
  public long packetsDropped() {
    return counters.droppedCount();
  }

  /**
   * The {@code nanoClock} reading ({@link System#nanoTime} on a {@link MediaServer}) when the last
   * packet from the peer was accepted: audio, telephone-events or comfort noise, but not RTCP,
   * strangers or garbage. Before the first packet, when the endpoint was created. Compare it with
   * {@code System.nanoTime()} to find a peer that went silent (dead or unplugged) on either leg of
   * a bridge; a peer that holds the call may legitimately send nothing.
   */
  public long lastReceivedNanos() {
    return counters.lastReceivedNanos();
  }

  @Override
  public String toString() {
    return "MediaEndpoint[" + channel.localAddress() + (closed.get() ? ", closed]" : "]");
  }

  EventLoop eventLoop() {
    return loop;
  }

  private void link(MediaEndpoint peer) {
    if (closed.get()) {
      return;
    }
    MediaEndpoint previous = partner;
    if (previous != null && previous != peer) {
      previous.run(() -> previous.unlink(this));
    }
    partner = peer;
    player.stop();
    relay.setTarget(peer.sender);
    // Our peer is about to hear the other leg: start that as a new talkspurt.
    sender.stream().resync();
    log.debug("{} bridged to {}", this, peer);
  }

  private void unlink(MediaEndpoint peer) {
    if (partner == peer) {
      partner = null;
      relay.setTarget(null);
    }
  }

  private void onDigit(char digit) {
    metrics.digit();
    DtmfListener listener = dtmfListener;
    if (listener != null) {
      try {
        listener.digitReceived(this, digit);
      } catch (RuntimeException e) {
        log.warn("DTMF listener failed on {}", this, e);
      }
    }
    if (recording.stopKey(digit)) {
      // A stop key ends the recording and is used up: it must not answer the next menu.
      return;
    }
    digits.add(digit);
    player.digitPressed();
  }

  private void shutdown() {
    recording.stop();
    player.stop();
    digits.close();
    MediaEndpoint peer = partner;
    if (peer != null) {
      unlink(peer);
      peer.run(() -> peer.unlink(this));
    }
    channel.close();
  }

  private void awaitRelease() {
    try {
      released.get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("{} did not release its port within {} ms", this, CLOSE_WAIT_MILLIS);
    }
  }

  /** Runs {@code task} on the event loop (inline when already there); false if it is gone. */
  private boolean run(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
      return true;
    }
    try {
      loop.execute(task);
      return true;
    } catch (RejectedExecutionException shutDown) {
      return false;
    }
  }
}
