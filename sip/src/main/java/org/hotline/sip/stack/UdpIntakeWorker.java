package org.hotline.sip.stack;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import java.io.IOException;
import java.net.InetAddress;

/**
 * One of the threads that take datagrams from a {@link UdpIntake}'s queue, parse them and pass them
 * to the transaction layer: JAIN-SIP's own pooled channel, made here so the intake can build it
 * (its constructor is reachable only from a subclass) and tell whether it still runs.
 */
final class UdpIntakeWorker extends UDPMessageChannel {
  /** The thread running this worker; set by the thread itself, which the superclass starts. */
  private volatile Thread thread;

  UdpIntakeWorker(SIPTransactionStack stack, UdpIntake intake, String threadName) {
    super(stack, intake, threadName);
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    super.run();
  }

  /**
   * Sends bytes already encoded from the listening point's socket: an answer made without a
   * transaction.
   */
  void send(byte[] message, InetAddress to, int port) throws IOException {
    sendMessage(message, to, port, false);
  }

  /** False once the worker's thread has ended (true while it has yet to start). */
  boolean alive() {
    Thread t = thread;
    return t == null || t.isAlive();
  }
}
