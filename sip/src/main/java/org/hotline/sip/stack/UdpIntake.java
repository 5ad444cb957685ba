package org.hotline.sip.stack;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.concurrent.ArrayBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's UDP listening point with a bounded intake: the one thread that reads the socket hands
 * each datagram, copied to its own size, to a queue of fixed capacity that the stack's worker
 * threads parse from.
 *
 * <p>JAIN-SIP's own processor allocates a buffer of the largest datagram (64 KiB) for every packet
 * and queues it without bound: a REGISTER storm filled a 1 GiB heap in seconds, and the
 * OutOfMemoryError killed the reading thread for good. Here the reading thread reuses one buffer,
 * drops a datagram from a banned source before anything is allocated for it, and drops a datagram
 * that finds the queue full (as the kernel does when its socket buffer is full). Requests that get
 * through while the queue is deep are refused with 503 by {@link IntakeGate}'s admission step,
 * which is cheap, so the queue drains.
 */
public final class UdpIntake extends UDPMessageProcessor {
  private static final Logger log = LoggerFactory.getLogger(UdpIntake.class);

  /** The largest UDP payload. */
  private static final int MAX_DATAGRAM = 65_535;

  private final IntakeGate gate;
  private final int capacity;
  private final int workers;
  private volatile Thread reader;

  /**
   * When the queue first refused a datagram since it last took one ({@link System#nanoTime}), or
   * -1.
   */
  private volatile long fullSince = -1;

  UdpIntake(
      InetAddress address,
      SIPTransactionStack stack,
      int port,
      IntakeGate gate,
      int capacity,
      int workers)
      throws IOException {
    super(address, stack, port);
    this.gate = gate;
    this.capacity = capacity;
    this.workers = workers;
    this.messageQueue = new ArrayBlockingQueue<>(capacity);
  }

  @Override
  @SuppressWarnings("unchecked") // JAIN-SIP declares messageChannels as a raw list
  public void start() throws IOException {
    isRunning = true;
    messageChannels = new LinkedList<>();
    String name = "hotline-sip-udp-" + getPort();
    for (int i = 0; i < workers; i++) {
      messageChannels.add(new UdpIntakeWorker(sipStack, this, name + "-worker-" + i));
    }
    Thread t = new Thread(this, name + "-reader");
    t.setDaemon(true);
    reader = t;
    t.start();
  }

  @Override
  public void run() {
    byte[] buffer = new byte[MAX_DATAGRAM];
    DatagramPacket received = new DatagramPacket(buffer, buffer.length);
    while (isRunning) {
      try {
        received.setData(buffer);
        sock.receive(received);
        InetAddress source = received.getAddress();
        if (gate.banned(source)) {
          gate.dropped(IntakeGate.DropReason.BANNED);
          continue;
        }
        byte[] copy = Arrays.copyOf(buffer, received.getLength());
        DatagramPacket packet = new DatagramPacket(copy, copy.length, source, received.getPort());
        if (messageQueue.offer(
            new DatagramQueuedMessageDispatch(packet, System.currentTimeMillis()))) {
          fullSince = -1;
        } else {
          if (fullSince < 0) {
            fullSince = System.nanoTime();
          }
          gate.dropped(IntakeGate.DropReason.INTAKE_FULL);
        }
      } catch (SocketException e) {
        if (!isRunning) {
          return;
        }
        log.warn("SIP UDP receive on port {} failed: {}", getPort(), e.toString());
      } catch (IOException | RuntimeException e) {
        log.warn("SIP UDP receive on port {} failed: {}", getPort(), e.toString());
      }
    }
  }

  /** Datagrams waiting to be parsed. */
  public int depth() {
    return messageQueue.size();
  }

  /** How many datagrams the queue holds at most. */
  public int capacity() {
    return capacity;
  }

  /**
   * How long the queue has refused every datagram offered, in nanoseconds; 0 while it takes them.
   */
  public long fullForNanos() {
    long since = fullSince;
    return since < 0 ? 0 : System.nanoTime() - since;
  }

  /** Whether the thread that reads the socket is alive (it stops only when the stack stops). */
  public boolean readerAlive() {
    Thread t = reader;
    return t != null && t.isAlive();
  }

  /** Whether every worker thread that parses the queue is alive. */
  public boolean workersAlive() {
    if (messageChannels == null) {
      return false;
    }
    for (Object c : messageChannels) {
      if (!((UdpIntakeWorker) c).alive()) {
        return false;
      }
    }
    return true;
  }
}
