package org.hotline.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ListeningPoint;

/**
 * Makes the stack's listening points: UDP through a {@link UdpIntake}, the others as JAIN-SIP makes
 * them. Named to the stack by class name ({@code MESSAGE_PROCESSOR_FACTORY}), so the stack creates
 * it itself; what each stack's intake needs is registered here under the stack's name before its
 * listening points are created.
 */
public final class IntakeFactory extends OIOMessageProcessorFactory {
  /** What one stack's UDP intake is made with. */
  record Options(IntakeGate gate, int capacity, int workers) {}

  private static final Map<String, Options> BY_STACK = new ConcurrentHashMap<>();
  private static final Map<String, UdpIntake> INTAKES = new ConcurrentHashMap<>();

  static void register(String stackName, Options options) {
    BY_STACK.put(stackName, options);
  }

  /** The UDP intake of the stack named {@code stackName}, once made; null before. */
  static UdpIntake intake(String stackName) {
    return INTAKES.get(stackName);
  }

  /** Forgets what was registered and made for the stack named {@code stackName}, as it stops. */
  static void forget(String stackName) {
    BY_STACK.remove(stackName);
    INTAKES.remove(stackName);
  }

  @Override
  public MessageProcessor createMessageProcessor(
      SIPTransactionStack stack, InetAddress address, int port, String transport)
      throws IOException {
    String name = ((SipStackImpl) stack).getStackName();
    Options options = BY_STACK.get(name);
    if (options == null || !transport.equalsIgnoreCase(ListeningPoint.UDP)) {
      return super.createMessageProcessor(stack, address, port, transport);
    }
    UdpIntake intake =
        new UdpIntake(address, stack, port, options.gate(), options.capacity(), options.workers());
    sendFromListeningSocket(stack);
    INTAKES.put(name, intake);
    return intake;
  }

  /**
   * Tells the stack it has a UDP listening point, as JAIN-SIP's own factory does through a
   * package-private field: without it, UDP requests and responses go out from a new socket each
   * rather than from the listening port, which breaks symmetric signalling (RFC 3581) and NAT.
   */
  private static void sendFromListeningSocket(SIPTransactionStack stack) throws IOException {
    try {
      Field udp = SIPTransactionStack.class.getDeclaredField("udpFlag");
      udp.setAccessible(true);
      udp.setBoolean(stack, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IOException("cannot make the UDP listening point the stack's sending socket", e);
    }
  }
}
