package org.hotline.sip.media;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of relaying one RTP packet between two bridged {@link MediaEndpoint}s, socket IO left
 * out: a packet as the datagram channel would deliver it (a pooled direct buffer, copied in as the
 * socket read would) goes through leg A's whole inbound path (filter, latch, RFC 4733 reader, audio
 * tap, relay) and leg B's sender (stream rewriting, transcoding) into B's pipeline, where a handler
 * stands in for the socket and releases it.
 *
 * <ul>
 *   <li>{@code codecB}: PCMU relays as is (A's phone speaks PCMU), PCMA converts every payload byte
 *       through the 256-entry table;
 *   <li>{@code inbandDtmf}: {@code true} when A's phone offered no telephone-event, so every packet
 *       is also decoded and run through the Goertzel DTMF detector;
 *   <li>{@code samples}: payload size, 160 for 20 ms packets, 480 for 60 ms.
 * </ul>
 *
 * <p>Run (builds, then prints the median and 99th percentile per combination):
 *
 * <pre>scripts/bench/jmh.sh sip RelayBenchmark</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RelayBenchmark {

  private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
  private static final InetSocketAddress PHONE_A = new InetSocketAddress("127.0.0.1", 5004);
  private static final InetSocketAddress PHONE_B = new InetSocketAddress("127.0.0.1", 6004);

  @Param({"PCMU", "PCMA"})
  public Codec codecB;

  @Param({"false", "true"})
  public boolean inbandDtmf;

  @Param({"160", "480"})
  public int samples;

  private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
  private EmbeddedChannel channelA;
  private EmbeddedChannel channelB;
  private MediaEndpoint a;
  private MediaEndpoint b;
  private byte[] template;
  private int sequence;
  private int timestamp;
  private long sent;

  @Setup(Level.Trial)
  public void bridge() {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    MediaMetrics metrics = new MediaMetrics(new SimpleMeterRegistry());
    PromptLibrary prompts = new PromptLibrary(Optional.empty());
    channelA = new EmbeddedChannel();
    channelB = new EmbeddedChannel();
    channelB.pipeline().addFirst("socket", new Socket());
    a = new MediaEndpoint(channelA, 40000, prompts, metrics, System::nanoTime, e -> {});
    b = new MediaEndpoint(channelB, 40002, prompts, metrics, System::nanoTime, e -> {});
    a.connect(PHONE_A, Codec.PCMU, inbandDtmf ? -1 : 101);
    b.connect(PHONE_B, codecB, 101);
    a.bridge(b);
    // Speech-like payload: a noisy tone, so the detector and the tables see varied bytes.
    short[] audio = AudioFixtures.withNoise(AudioFixtures.sine(700, -20, 60), -35, 1);
    template =
        RtpFixtures.rtpBytes(
            0, 0, 0, 0x1234, false, AudioFixtures.encode(Codec.PCMU, audio, 0, samples));
  }

  @TearDown(Level.Trial)
  public void close() {
    if (b.packetsSent() != sent) {
      throw new IllegalStateException(b.packetsSent() + " relayed of " + sent);
    }
    a.close();
    b.close();
    channelA.finishAndReleaseAll();
    channelB.finishAndReleaseAll();
  }

  /** One packet in on leg A, rewritten, handed to leg B's socket. */
  @Benchmark
  public void relay() {
    ByteBuf buf = alloc.directBuffer(template.length);
    buf.writeBytes(template);
    buf.setShort(2, ++sequence);
    buf.setInt(4, timestamp += samples);
    sent++;
    channelA.pipeline().fireChannelRead(new DatagramPacket(buf, LOCAL, PHONE_A));
  }

  /** Stands in for the socket at the head of leg B's pipeline: takes the datagram, frees it. */
  private static final class Socket extends ChannelOutboundHandlerAdapter {
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      ReferenceCountUtil.release(msg);
      promise.trySuccess();
    }
  }
}
