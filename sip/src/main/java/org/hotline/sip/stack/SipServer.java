package org.hotline.sip.stack;

import java.util.Properties;
import java.util.TooManyListenersException;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.hotline.config.SipSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP stack of the server: one UDP and one TCP listening point on the configured
 * address and port, one provider, and the factories that build messages.
 */
public final class SipServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SipServer.class);

  private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();

  private final SipSettings settings;
  private final String advertisedHost;
  private SipStack stack;
  private SipProvider provider;
  private HeaderFactory headers;
  private MessageFactory messages;
  private AddressFactory addresses;

  public SipServer(SipSettings settings, String advertisedHost) {
    this.settings = settings;
    this.advertisedHost = advertisedHost;
  }

  /** Binds UDP and TCP and starts delivering messages to {@code listener}. */
  public void start(SipListener listener) throws Exception {
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    stack = factory.createSipStack(stackProperties());
    headers = factory.createHeaderFactory();
    messages = factory.createMessageFactory();
    addresses = factory.createAddressFactory();
    ListeningPoint udp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.UDP);
    ListeningPoint tcp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.TCP);
    if (!settings.host().equals(advertisedHost)) {
      udp.setSentBy(advertisedHost + ":" + settings.port());
      tcp.setSentBy(advertisedHost + ":" + settings.port());
    }
    provider = stack.createSipProvider(udp);
    provider.addListeningPoint(tcp);
    try {
      provider.addSipListener(listener);
    } catch (TooManyListenersException e) {
      throw new IllegalStateException(e);
    }
    provider.setAutomaticDialogSupportEnabled(true);
    stack.start();
    log.info("SIP listening on {}:{} (UDP and TCP), advertised as {}", settings.host(), settings.port(), advertisedHost);
  }

  private Properties stackProperties() {
    Properties p = new Properties();
    // JAIN-SIP keeps stacks by name and uses the name as its logger: unique per start, and
    // under gov.nist so the logging configuration of the stack applies.
    p.setProperty("javax.sip.STACK_NAME", "gov.nist.hotline." + settings.port() + "." + STARTS.incrementAndGet());
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
    // Several callbacks may run at once; handlers hand work to each call's serial executor.
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
    p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "4");
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
    p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "ERROR");
    p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
    p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
    p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "1048576");
    p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "1048576");
    p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "20000");
    p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
    p.setProperty("javax.sip.ROUTER_PATH", ContactRouter.class.getName());
    return p;
  }

  public SipProvider provider() {
    return provider;
  }

  public HeaderFactory headers() {
    return headers;
  }

  public MessageFactory messages() {
    return messages;
  }

  public AddressFactory addresses() {
    return addresses;
  }

  /** The host other parties reach us at (Via, Contact, SDP). */
  public String advertisedHost() {
    return advertisedHost;
  }

  public int port() {
    return settings.port();
  }

  @Override
  public void close() {
    if (stack != null) {
      stack.stop();
      stack = null;
    }
  }
}
