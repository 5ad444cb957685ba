package org.hotline.sip.media;

import static org.hotline.sip.media.RtpFixtures.event;
import static org.hotline.sip.media.RtpFixtures.frame;
import static org.hotline.sip.media.RtpFixtures.rtpBytes;
import static org.hotline.sip.media.RtpFixtures.tone;
import static org.hotline.sip.media.RtpFixtures.wav16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hotline.config.RtpSettings;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.g711.G711;
import org.hotline.sip.media.prompt.EncodedPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real endpoints from a real {@link MediaServer} on 127.0.0.1, with plain datagram sockets as the
 * phones. Waits are bounded waits for arrivals; nothing sleeps.
 */
class MediaServerLoopbackTest {

  private static final String HOST = "127.0.0.1";
  private int rangeBase;
  private static final Prompt BEEP = new Prompt("en", "beep");
  private static final int BEEP_FRAMES = 5;
  private static final int TIMEOUT_MILLIS = 5000;

  @TempDir Path prompts;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<DatagramSocket> phones = new ArrayList<>();
  private PromptLibrary library;
  private MediaServer server;

  @BeforeEach
  void start() throws IOException {
    Files.createDirectories(prompts.resolve("en"));
    Files.write(prompts.resolve("en/beep.wav"), wav16(tone(BEEP_FRAMES * 160)));
    library = new PromptLibrary(Optional.of(prompts));
    server =
        new MediaServer(
            new RtpSettings("", rangeBase = freeRange(200), rangeBase + 199),
            HOST,
            library,
            registry,
            2);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    phones.forEach(DatagramSocket::close);
    assertEquals(0, server.openEndpoints());
  }

  @Test
  void prompt_arrivesAsPacedRtp() throws Exception {
    MediaEndpoint endpoint = server.allocate();
    DatagramSocket phone = phone();
    endpoint.connect(address(phone), Codec.PCMU, 101);

    long start = System.nanoTime();
    var done = endpoint.play(BEEP, false);
    List<ByteBuffer> packets = receive(phone, BEEP_FRAMES);
    long lastArrival = System.nanoTime() - start;
    done.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

    EncodedPrompt expected = library.find(BEEP, Codec.PCMU).orElseThrow();
    int ssrc = packets.get(0).getInt(8);
    for (int i = 0; i < BEEP_FRAMES; i++) {
      ByteBuffer p = packets.get(i);
      assertEquals(172, p.remaining());
      assertEquals(0x80, p.get(0) & 0xFF, "version 2, no padding, extension or CSRC");
      assertEquals(i == 0 ? 0x80 : 0x00, p.get(1) & 0x80, "marker only on the first");
      assertEquals(0, p.get(1) & 0x7F, "PCMU");
      assertEquals((seq(packets.get(0)) + i) & 0xFFFF, seq(p));
      assertEquals(packets.get(0).getInt(4) + 160 * i, p.getInt(4));
      assertEquals(ssrc, p.getInt(8));
      assertArrayEquals(expected.frame(i), Arrays.copyOfRange(p.array(), 12, 172));
    }
    // Paced, not burst: the fifth frame cannot leave before 4 x 20 ms (a lower bound only).
    assertTrue(lastArrival >= TimeUnit.MILLISECONDS.toNanos(75), "arrived after " + lastArrival);
    assertEquals(BEEP_FRAMES, endpoint.packetsSent());
  }

  @Test
  void rfc4733Event_fromThePhone_becomesADigit() throws Exception {
    MediaEndpoint endpoint = server.allocate();
    DatagramSocket phone = phone();
    endpoint.connect(address(phone), Codec.PCMU, 101);
    settle(endpoint);
    InetSocketAddress to = new InetSocketAddress(HOST, endpoint.localPort());

    send(phone, to, rtpBytes(0, 1, 0, 77, true, frame(0xFF)));
    send(phone, to, rtpBytes(101, 2, 160, 77, true, event(5, false, 160)));
    send(phone, to, rtpBytes(101, 3, 160, 77, false, event(5, false, 320)));
    for (int i = 0; i < 3; i++) {
      send(phone, to, rtpBytes(101, 4 + i, 160, 77, false, event(5, true, 640)));
    }

    assertEquals(
        Optional.of('5'),
        endpoint.nextDigit(Duration.ofSeconds(5)).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
    assertEquals(
        Optional.empty(),
        endpoint.nextDigit(Duration.ofMillis(100)).get(),
        "end retransmissions are not more digits");
    assertEquals(6, endpoint.packetsReceived());
    assertEquals(1.0, registry.get("hotline.dtmf.digits").counter().count());
  }

  @Test
  void bridge_relaysPhoneAToPhoneB_withBsStreamContinuity() throws Exception {
    MediaEndpoint a = server.allocate();
    MediaEndpoint b = server.allocateBeside(a);
    assertSame(a.eventLoop(), b.eventLoop());
    DatagramSocket phoneA = phone();
    DatagramSocket phoneB = phone();
    a.connect(address(phoneA), Codec.PCMU, 101);
    b.connect(address(phoneB), Codec.PCMA, 96);

    // B's peer first hears a prompt, so B's stream has a history to continue.
    b.play(BEEP, false).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    List<ByteBuffer> prompt = receive(phoneB, BEEP_FRAMES);
    ByteBuffer lastPromptPacket = prompt.get(BEEP_FRAMES - 1);

    a.bridge(b);
    settle(a);
    InetSocketAddress toA = new InetSocketAddress(HOST, a.localPort());
    byte[] payload = frame(0x80);
    for (int i = 0; i < 3; i++) {
      send(phoneA, toA, rtpBytes(0, 30_000 + i, 900_000 + 160 * i, 0xAAAA, i == 0, payload));
    }
    send(phoneA, toA, rtpBytes(101, 30_003, 900_480, 0xAAAA, true, event(1, true, 400)));

    List<ByteBuffer> relayed = receive(phoneB, 4);
    int bSsrc = lastPromptPacket.getInt(8);
    for (int i = 0; i < 3; i++) {
      ByteBuffer p = relayed.get(i);
      assertEquals(bSsrc, p.getInt(8), "B's peer keeps seeing B's SSRC");
      assertEquals((seq(lastPromptPacket) + 1 + i) & 0xFFFF, seq(p), "sequence continues");
      assertEquals(8, p.get(1) & 0x7F, "transcoded to B's PCMA");
      assertEquals(G711.transcodingTable(Codec.PCMU, Codec.PCMA)[0x80], p.get(12));
      assertEquals(172, p.remaining());
    }
    assertTrue(
        relayed.get(0).getInt(4) - lastPromptPacket.getInt(4) >= 160,
        "timestamp moves on from the prompt");
    assertEquals(relayed.get(0).getInt(4) + 320, relayed.get(2).getInt(4));
    assertEquals(0x80, relayed.get(0).get(1) & 0x80, "relay starts a talkspurt");
    assertEquals(96, relayed.get(3).get(1) & 0x7F, "event mapped to B's telephone-event type");

    // And back: B's phone reaches A's phone with A's SSRC.
    InetSocketAddress toB = new InetSocketAddress(HOST, b.localPort());
    send(phoneB, toB, rtpBytes(8, 5, 5, 0xBBBB, false, frame(0xD5)));
    ByteBuffer back = receive(phoneA, 1).get(0);
    assertEquals(0, back.get(1) & 0x7F, "transcoded to A's PCMU");
    assertEquals(Optional.of('1'), a.nextDigit(Duration.ofSeconds(5)).get());
  }

  @Test
  void bridge_acrossTwoEventLoops_relaysToo() throws Exception {
    MediaEndpoint a = server.allocate();
    MediaEndpoint b = server.allocate();
    assertNotSame(a.eventLoop(), b.eventLoop(), "round robin over the two loops");
    DatagramSocket phoneA = phone();
    DatagramSocket phoneB = phone();
    a.connect(address(phoneA), Codec.PCMU, 101);
    b.connect(address(phoneB), Codec.PCMU, 101);

    a.bridge(b);
    settle(a);
    settle(b);
    send(
        phoneA,
        new InetSocketAddress(HOST, a.localPort()),
        rtpBytes(0, 1, 1, 0xAAAA, false, frame(0x11)));

    ByteBuffer relayed = receive(phoneB, 1).get(0);
    assertEquals(0x11, relayed.get(12));
    assertEquals(1, b.packetsSent());
  }

  @Test
  void strangerAfterLatching_isDropped() throws Exception {
    MediaEndpoint endpoint = server.allocate();
    DatagramSocket phone = phone();
    DatagramSocket stranger = phone();
    endpoint.connect(address(phone), Codec.PCMU, 101);
    settle(endpoint);
    InetSocketAddress to = new InetSocketAddress(HOST, endpoint.localPort());

    send(phone, to, rtpBytes(0, 1, 0, 1, false, frame(0)));
    send(stranger, to, rtpBytes(101, 1, 0, 2, false, event(9, true, 800)));
    send(phone, to, rtpBytes(0, 2, 160, 1, false, frame(0)));

    assertEquals(Optional.empty(), endpoint.nextDigit(Duration.ofMillis(200)).get());
    awaitCount(endpoint::packetsReceived, 2);
    awaitCount(endpoint::packetsDropped, 1);
  }

  @Test
  void garbage_isCountedAndDropped_neverThrown() throws Exception {
    MediaEndpoint endpoint = server.allocate();
    DatagramSocket phone = phone();
    InetSocketAddress to = new InetSocketAddress(HOST, endpoint.localPort());

    send(phone, to, new byte[] {1, 2, 3});
    send(phone, to, new byte[] {(byte) 0x80, 0x7F, 0, 1});
    awaitCount(endpoint::packetsDropped, 2);
    assertEquals(0, endpoint.packetsReceived());
    assertEquals(
        2.0,
        registry.get("hotline.rtp.packets.dropped").tag("reason", "not-rtp").counter().count());
  }

  @Test
  void rtcpMuxedOnTheRtpPort_isIgnoredQuietly() throws Exception {
    MediaEndpoint endpoint = server.allocate();
    DatagramSocket phone = phone();
    InetSocketAddress to = new InetSocketAddress(HOST, endpoint.localPort());

    send(phone, to, new byte[] {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0});
    send(phone, to, rtpBytes(0, 1, 0, 1, false, frame(0)));
    awaitCount(endpoint::packetsReceived, 1);
    assertEquals(0, endpoint.packetsDropped());
    assertEquals(1.0, registry.get("hotline.rtp.rtcp.ignored").counter().count());
  }

  @Test
  void close_releasesThePorts() throws Exception {
    List<MediaEndpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      endpoints.add(server.allocate());
    }
    assertEquals(3, server.openEndpoints());
    for (MediaEndpoint endpoint : endpoints) {
      assertTrue(endpoint.localPort() % 2 == 0, "RTP on even ports");
      endpoint.close();
      assertFalse(endpoint.isOpen());
      assertTrue(canBind(endpoint.localPort()), "port " + endpoint.localPort() + " is free");
    }
    assertEquals(0, server.openEndpoints());
  }

  @Test
  void allocate_whenEveryPortIsTaken_throwsMediaException() throws Exception {
    int base = freeRange(4);
    try (MediaServer small =
        new MediaServer(new RtpSettings(HOST, base, base + 3), HOST, library, registry, 1)) {
      small.start();
      small.allocate();
      small.allocate();
      assertThrows(MediaException.class, small::allocate);
      assertEquals(2, small.openEndpoints());
    }
  }

  /**
   * Whether the port can be bound again within the timeout. The JDK closes a socket registered with
   * a selector when that selector next runs, just after the channel reports closed.
   */
  private static boolean canBind(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
    while (true) {
      try {
        new DatagramSocket(new InetSocketAddress(HOST, port)).close();
        return true;
      } catch (IOException stillBound) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(1);
      }
    }
  }

  private DatagramSocket phone() throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(HOST, 0));
    socket.setSoTimeout(TIMEOUT_MILLIS);
    phones.add(socket);
    return socket;
  }

  private static InetSocketAddress address(DatagramSocket socket) {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private static void send(DatagramSocket from, InetSocketAddress to, byte[] bytes)
      throws IOException {
    from.send(new DatagramPacket(bytes, bytes.length, to));
  }

  private static List<ByteBuffer> receive(DatagramSocket socket, int count) throws IOException {
    List<ByteBuffer> packets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] buffer = new byte[1500];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("only " + i + " of " + count + " packets arrived", e);
      }
      packets.add(ByteBuffer.wrap(Arrays.copyOf(buffer, packet.getLength())));
    }
    return packets;
  }

  private static int seq(ByteBuffer packet) {
    return packet.getShort(2) & 0xFFFF;
  }

  /**
   * Waits until the tasks already given to the endpoint's event loop (connect, bridge) have run:
   * the loop may read a datagram that arrives meanwhile before it runs them.
   */
  private static void settle(MediaEndpoint endpoint) throws Exception {
    endpoint.eventLoop().submit(() -> {}).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
  }

  private static void awaitCount(java.util.function.LongSupplier count, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
    while (count.getAsLong() < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.sleep(1);
    }
    assertEquals(expected, count.getAsLong());
  }

  /**
   * The first of {@code n} consecutive UDP ports free on 127.0.0.1 now (even, like RTP), below
   * Linux's ephemeral range so no client socket is given one before the test binds it.
   */
  private static int freeRange(int n) {
    for (int attempt = 0; attempt < 500; attempt++) {
      int base = java.util.concurrent.ThreadLocalRandom.current().nextInt(10000, 32768 - n) & ~1;
      boolean free = true;
      for (int p = base; p < base + n && free; p++) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(HOST, p))) {
          free = probe.isBound();
        } catch (java.io.IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free UDP range of " + n);
  }
}
