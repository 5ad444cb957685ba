package org.hotline.sip.media;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.hotline.config.RtpSettings;
import org.hotline.sip.media.g711.G711;

/**
 * Measures the RTP relay on loopback: {@code pairs} bridged pairs of real {@link MediaEndpoint}s
 * from a real {@link MediaServer} on 127.0.0.1, phone A of each pair sending 20 ms packets (PCMU)
 * that the server relays to phone B (PCMU, or PCMA with {@code --transcode}).
 *
 * <p>Prints the packets relayed per second, the CPU time the RTP event loops used, and from that
 * the packets one core relays per second; and the delay from phone A's send to phone B's receive
 * (median, 99th percentile), next to the same path without the server (phone to phone) so the delay
 * the relay adds can be read off. The send time travels in the payload, coded in bytes that survive
 * the µ-law to A-law table unchanged in meaning.
 *
 * <p>{@code --rate} is packets per second per stream (50 for 20 ms packets, as phones send); {@code
 * --rate 0} sends as fast as the sender can, to find the ceiling. Sender, receiver and server share
 * the machine: on a small one the ceiling is theirs together.
 *
 * <pre>
 * scripts/bench/relay.sh                                   # 200 pairs at 50 packets/s, 10 s
 * scripts/bench/relay.sh --pairs 500 --transcode
 * scripts/bench/relay.sh --pairs 50 --rate 0 --seconds 5   # flood: packets per core
 * </pre>
 */
public final class RelayLoopback {

  private static final String HOST = "127.0.0.1";
  private static final int SAMPLES = 160;
  private static final int NIBBLES = 16;

  private final int pairs;
  private final int rate;
  private final int seconds;
  private final int threads;
  private final Codec codecB;
  private final int portMin;

  private RelayLoopback(Map<String, String> options) {
    this.pairs = Integer.parseInt(options.getOrDefault("pairs", "200"));
    this.rate = Integer.parseInt(options.getOrDefault("rate", "50"));
    this.seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
    this.threads = Integer.parseInt(options.getOrDefault("threads", "1"));
    this.codecB = options.containsKey("transcode") ? Codec.PCMA : Codec.PCMU;
    this.portMin = Integer.parseInt(options.getOrDefault("ports", "30000"));
  }

  public static void main(String[] args) throws Exception {
    // Netty's and our debug lines are not what this prints.
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      if (name.equals("transcode")) {
        options.put(name, "true");
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      }
    }
    new RelayLoopback(options).run();
  }

  private void run() throws Exception {
    System.out.printf(
        "%d pairs, %s, %s, %d s, %d event loop(s), PCMU -> %s%n",
        pairs,
        rate == 0 ? "flood" : rate + " packets/s per stream",
        rate == 0 ? "no pacing" : pairs * rate + " packets/s offered",
        seconds,
        threads,
        codecB);
    try (MediaServer server =
        new MediaServer(
            new RtpSettings(HOST, portMin, portMin + 4 * pairs + 100),
            HOST,
            new PromptLibrary(Optional.empty()),
            new SimpleMeterRegistry(),
            threads)) {
      server.start();
      List<DatagramChannel> phonesA = new ArrayList<>();
      List<DatagramChannel> phonesB = new ArrayList<>();
      List<InetSocketAddress> targets = new ArrayList<>();
      List<MediaEndpoint> endpoints = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        MediaEndpoint a = server.allocate();
        MediaEndpoint b = server.allocateBeside(a);
        DatagramChannel phoneA = phone();
        DatagramChannel phoneB = phone();
        a.connect((InetSocketAddress) phoneA.getLocalAddress(), Codec.PCMU, 101);
        b.connect((InetSocketAddress) phoneB.getLocalAddress(), codecB, 101);
        a.bridge(b);
        phonesA.add(phoneA);
        phonesB.add(phoneB);
        targets.add(new InetSocketAddress(HOST, a.localPort()));
        endpoints.add(a);
        endpoints.add(b);
      }
      Thread.sleep(200);
      // Warm-up: the JIT compiles the relay path before anything is measured.
      measure(phonesA, phonesB, targets, codecB, 3);

      Result direct = measure(phonesA, phonesB, directTargets(phonesB), Codec.PCMU, 2);
      long cpuBefore = loopCpuNanos();
      Result relayed = measure(phonesA, phonesB, targets, codecB, seconds);
      long cpu = loopCpuNanos() - cpuBefore;

      double cores = cpu / (double) relayed.wallNanos;
      double perSecond = relayed.received * 1e9 / relayed.wallNanos;
      System.out.printf(
          "sent %,d, relayed %,d (%.2f %% lost)%n",
          relayed.sent,
          relayed.received,
          100.0 * (relayed.sent - relayed.received) / Math.max(1, relayed.sent));
      System.out.printf(
          "relayed %,.0f packets/s using %.2f core(s) of RTP event loop: "
              + "%,.0f packets/s per core%n",
          perSecond, cores, perSecond / Math.max(cores, 1e-9));
      if (rate == 0) {
        System.out.println("(delays not shown: flooding fills every queue on the way)");
      } else {
        printDelays(direct, relayed);
      }
      long dropped = endpoints.stream().mapToLong(MediaEndpoint::packetsDropped).sum();
      if (dropped > 0) {
        System.out.printf("dropped by the server: %d%n", dropped);
      }
      for (DatagramChannel c : phonesA) {
        c.close();
      }
      for (DatagramChannel c : phonesB) {
        c.close();
      }
    }
  }

  private static void printDelays(Result direct, Result relayed) {
    System.out.printf(
        "delay phone to phone, direct:        p50 %s  p99 %s%n",
        micros(direct.percentile(50)), micros(direct.percentile(99)));
    System.out.printf(
        "delay phone to phone, via the relay: p50 %s  p99 %s%n",
        micros(relayed.percentile(50)), micros(relayed.percentile(99)));
    System.out.printf(
        "added by the relay:                  p50 %s  p99 %s%n",
        micros(relayed.percentile(50) - direct.percentile(50)),
        micros(relayed.percentile(99) - direct.percentile(99)));
  }

  /** Phone A of each pair sends straight to phone B: the path without the server. */
  private static List<InetSocketAddress> directTargets(List<DatagramChannel> phonesB)
      throws IOException {
    List<InetSocketAddress> targets = new ArrayList<>();
    for (DatagramChannel b : phonesB) {
      targets.add((InetSocketAddress) b.getLocalAddress());
    }
    return targets;
  }

  private Result measure(
      List<DatagramChannel> phonesA,
      List<DatagramChannel> phonesB,
      List<InetSocketAddress> targets,
      Codec arriving,
      int runSeconds)
      throws Exception {
    Receiver receiver = new Receiver(phonesB, arriving);
    Thread receiving = new Thread(receiver, "phones-b");
    receiving.start();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(runSeconds);
    long sent = 0;
    ByteBuffer packet = ByteBuffer.allocateDirect(12 + SAMPLES);
    byte[] payload = new byte[SAMPLES];
    Arrays.fill(payload, (byte) 0xFF);
    int[] sequence = new int[pairs];
    // Streams are spread evenly over the packet period, as independent phones would be, rather
    // than sent in one burst per period.
    long interval = rate == 0 ? 0 : 1_000_000_000L / ((long) rate * pairs);
    long next = start;
    int i = 0;
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      if (interval > 0 && next > now) {
        LockSupport.parkNanos(next - now);
        continue;
      }
      packet.clear();
      int seq = sequence[i]++;
      packet
          .put((byte) 0x80)
          .put((byte) 0)
          .putShort((short) seq)
          .putInt(seq * SAMPLES)
          .putInt(0x10000 + i);
      writeTime(payload, System.nanoTime());
      packet.put(payload).flip();
      phonesA.get(i).send(packet, targets.get(i));
      sent++;
      i = i + 1 == pairs ? 0 : i + 1;
      next += interval;
    }
    long wall = System.nanoTime() - start;
    Thread.sleep(300);
    receiver.stop();
    receiving.join();
    return new Result(sent, receiver.received, wall, receiver.delays, receiver.count);
  }

  /** Codes the send time in the first 16 payload bytes, four bits each. */
  private static void writeTime(byte[] payload, long nanos) {
    for (int i = 0; i < NIBBLES; i++) {
      payload[i] = NibbleCodes.ULAW[(int) (nanos >>> (4 * i)) & 0xF];
    }
  }

  private static DatagramChannel phone() throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(HOST, 0));
    DatagramSocket socket = channel.socket();
    socket.setReceiveBufferSize(1 << 20);
    socket.setSendBufferSize(1 << 20);
    return channel;
  }

  private static long loopCpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("hotline-rtp")) {
        total += Math.max(0, mx.getThreadCpuTime(t.threadId()));
      }
    }
    return total;
  }

  private static String micros(long nanos) {
    return String.format("%,7.1f µs", nanos / 1000.0);
  }

  /**
   * Sixteen µ-law codes whose A-law conversion is one-to-one, one per four-bit value, and how to
   * read them back in either law.
   */
  private static final class NibbleCodes {
    static final byte[] ULAW = new byte[16];
    static final int[] FROM_ULAW = new int[256];
    static final int[] FROM_ALAW = new int[256];

    static {
      Arrays.fill(FROM_ULAW, -1);
      Arrays.fill(FROM_ALAW, -1);
      byte[] toAlaw = G711.transcodingTable(Codec.PCMU, Codec.PCMA);
      int[] uses = new int[256];
      for (int code = 0; code < 256; code++) {
        uses[toAlaw[code] & 0xFF]++;
      }
      int n = 0;
      for (int code = 0; code < 256 && n < 16; code++) {
        if (uses[toAlaw[code] & 0xFF] == 1) {
          ULAW[n] = (byte) code;
          FROM_ULAW[code] = n;
          FROM_ALAW[toAlaw[code] & 0xFF] = n;
          n++;
        }
      }
    }

    static long read(byte[] payload, int offset, Codec law) {
      int[] table = law == Codec.PCMU ? FROM_ULAW : FROM_ALAW;
      long nanos = 0;
      for (int i = 0; i < NIBBLES; i++) {
        int nibble = table[payload[offset + i] & 0xFF];
        if (nibble < 0) {
          return Long.MIN_VALUE;
        }
        nanos |= (long) nibble << (4 * i);
      }
      return nanos;
    }
  }

  /** Phone B of every pair: receives on all of them, notes each packet's delay. */
  private static final class Receiver implements Runnable {
    private final Selector selector;
    private final Codec law;
    private volatile boolean running = true;
    final long[] delays = new long[4_000_000];
    int count;
    long received;

    Receiver(List<DatagramChannel> phones, Codec law) throws IOException {
      this.selector = Selector.open();
      this.law = law;
      for (DatagramChannel phone : phones) {
        phone.configureBlocking(false);
        phone.register(selector, SelectionKey.OP_READ);
      }
    }

    void stop() {
      running = false;
      selector.wakeup();
    }

    @Override
    public void run() {
      ByteBuffer buffer = ByteBuffer.allocate(1500);
      byte[] bytes = buffer.array();
      try {
        while (running) {
          selector.select(100);
          for (SelectionKey key : selector.selectedKeys()) {
            DatagramChannel channel = (DatagramChannel) key.channel();
            while (true) {
              buffer.clear();
              if (channel.receive(buffer) == null) {
                break;
              }
              long now = System.nanoTime();
              received++;
              long sentAt = NibbleCodes.read(bytes, 12, law);
              if (sentAt != Long.MIN_VALUE && count < delays.length) {
                delays[count++] = now - sentAt;
              }
            }
          }
          selector.selectedKeys().clear();
        }
        for (SelectionKey key : selector.keys()) {
          key.cancel();
        }
        selector.close();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private record Result(long sent, long received, long wallNanos, long[] delays, int count) {
    long percentile(int p) {
      if (count == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(delays, count);
      Arrays.sort(sorted);
      return sorted[Math.min(count - 1, (int) ((long) count * p / 100))];
    }
  }
}
