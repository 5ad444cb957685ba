package org.hotline.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.List;
import java.util.Optional;
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
import org.hotline.config.SipGuardSettings;
import org.hotline.config.SipSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP stack of the server: one UDP and one TCP listening point on the configured address
 * and port, one provider, and the factories that build messages.
 *
 * <p>Bounded everywhere between the sockets and the work: UDP datagrams wait in a {@link UdpIntake}
 * of fixed capacity, TCP connections are capped and each connection's messages are handled by its
 * own reading thread (so a peer that sends faster than it is served is held back by TCP itself),
 * and an admission valve (see {@link #guardWith}) refuses new work with 503 before a transaction is
 * made for it. Requests whose answer is all their work are answered without a transaction at all
 * ({@link #answerStatelessly}).
 */
public final class SipServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SipServer.class);

  /** How long a TCP peer may take between the start of a message and its end. */
  static final int TCP_READ_TIMEOUT_MILLIS = 10_000;

  /** Threads that parse UDP datagrams and run the stack's handlers. */
  static final int WORKERS = 8;

  /** How long the UDP intake may stay full before {@link #problem} says SIP cannot work. */
  static final long FULL_TOO_LONG_NANOS = 10_000_000_000L;

  /**
   * How many stateless answers are kept for retransmissions: seconds of them at thousands of
   * requests a second, minutes at ordinary rates, about 20 MB at most.
   */
  static final int REMEMBERED_ANSWERS = 32_768;

  private static final java.util.concurrent.atomic.AtomicInteger STARTS =
      new java.util.concurrent.atomic.AtomicInteger();

  private final SipSettings settings;
  private final SipGuardSettings limits;
  private final String advertisedHost;
  private final String stackName;
  private IntakeGate gate = IntakeGate.OPEN;
  private SIPMessageValve admission;
  private final java.util.Map<String, StatelessAnswer> stateless = new java.util.HashMap<>();
  private volatile StatelessAnswers statelessAnswers;
  private volatile UdpIntake intake;
  private SipStack stack;
  private SipProvider provider;
  private HeaderFactory headers;
  private MessageFactory messages;
  private AddressFactory addresses;
  private volatile MalformedListener malformedListener = MalformedListener.NONE;

  public SipServer(SipSettings settings, SipGuardSettings limits, String advertisedHost) {
    this.settings = settings;
    this.limits = limits;
    this.advertisedHost = advertisedHost;
    // JAIN-SIP keeps stacks by name and uses the name as its logger: unique per start, and
    // under gov.nist so the logging configuration of the stack applies.
    this.stackName = "gov.nist.hotline." + settings.port() + "." + STARTS.incrementAndGet();
  }

  /**
   * The edge's defences, in place from {@link #start}: {@code gate} sees every UDP datagram before
   * it is queued, {@code admission} every parsed request before the transaction layer (and before
   * the malformed-input screen).
   */
  public void guardWith(IntakeGate gate, SIPMessageValve admission) {
    this.gate = java.util.Objects.requireNonNull(gate);
    this.admission = java.util.Objects.requireNonNull(admission);
  }

  /**
   * Answers requests of {@code method} with {@code answer}, before the transaction layer and
   * without a server transaction, from {@link #start} on; after the edge's defences and the
   * malformed-input screen. For methods whose answer is all their work (REGISTER): a transaction
   * would cost more than the answer and stay in memory for 32 s after it.
   */
  public void answerStatelessly(String method, StatelessAnswer answer) {
    stateless.put(
        java.util.Objects.requireNonNull(method), java.util.Objects.requireNonNull(answer));
  }

  /**
   * Where malformed and refused input is reported (to be counted, e.g. {@link MalformedMetrics});
   * takes effect at {@link #start}. Whether set or not, each malformed message is logged once.
   */
  public void setMalformedListener(MalformedListener listener) {
    this.malformedListener = java.util.Objects.requireNonNull(listener);
  }

  /** Binds UDP and TCP and starts delivering messages to {@code listener}. */
  public void start(SipListener listener) throws Exception {
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    IntakeFactory.register(
        stackName, new IntakeFactory.Options(gate, limits.intakeQueue(), WORKERS));
    stack = factory.createSipStack(stackProperties());
    headers = factory.createHeaderFactory();
    messages = factory.createMessageFactory();
    addresses = factory.createAddressFactory();
    screenBadInput((SipStackImpl) stack);
    ListeningPoint udp =
        stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.UDP);
    ListeningPoint tcp =
        stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.TCP);
    if (!settings.host().equals(advertisedHost)) {
      udp.setSentBy(advertisedHost + ":" + settings.port());
      tcp.setSentBy(advertisedHost + ":" + settings.port());
    }
    intake = IntakeFactory.intake(stackName);
    provider = stack.createSipProvider(udp);
    provider.addListeningPoint(tcp);
    try {
      provider.addSipListener(listener);
    } catch (TooManyListenersException e) {
      throw new IllegalStateException(e);
    }
    provider.setAutomaticDialogSupportEnabled(true);
    stack.start();
    log.info(
        "SIP listening on {}:{} (UDP and TCP), advertised as {}",
        settings.host(),
        settings.port(),
        advertisedHost);
  }

  /**
   * Bad input as a first-class path: a stricter parser and a screen in front of the transaction
   * layer (see {@link StrictMessageParser}, {@link MessageScreen}). Both must be in place before
   * the listening points exist, since each channel takes its parser when it is created.
   */
  private void screenBadInput(SipStackImpl nist) {
    BadInput badInput = new BadInput(malformedListener);
    nist.setMessageParserFactory(new StrictParserFactory(badInput));
    if (admission != null) {
      admission.init(nist);
      nist.sipMessageValves.add(admission);
    }
    nist.sipMessageValves.add(
        new MessageScreen(
            badInput,
            headers,
            advertisedHost,
            List.of(
                settings.host() + ":" + settings.port(), advertisedHost + ":" + settings.port())));
    if (!stateless.isEmpty()) {
      statelessAnswers = new StatelessAnswers(stateless, REMEMBERED_ANSWERS);
      nist.sipMessageValves.add(statelessAnswers);
    }
  }

  private Properties stackProperties() {
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", stackName);
    p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", IntakeFactory.class.getName());
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
    // Several callbacks may run at once; handlers hand work to each call's serial executor.
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", String.valueOf(WORKERS));
    // No post-parsing pool for TCP: its queue has no bound. Each connection's thread handles its
    // own messages, so a fast sender waits on TCP's flow control, and connections are capped.
    p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "0");
    p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", String.valueOf(limits.maxConnections()));
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
    p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "ERROR");
    // Answer every UDP request where it came from (RFC 3581 symmetric response, as if it carried
    // rport), also when its Via names a port it does not send from: NATed phones, RFC 4475.
    p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
    // A TCP peer that starts a message and stalls is cut off after this many milliseconds
    // (RFC 4475 section 3.1.2.2: wait for the rest of a body, close on timeout).
    p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", String.valueOf(TCP_READ_TIMEOUT_MILLIS));
    p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
    p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
    p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "1048576");
    p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "1048576");
    // No MAX_SERVER_TRANSACTIONS: past it JAIN-SIP drops new requests at random, unanswered.
    // The admission valve answers 503 at hotline.sip.max-transactions instead.
    p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
    p.setProperty("javax.sip.ROUTER_PATH", ContactRouter.class.getName());
    return p;
  }

  /**
   * Whether {@code request} is a retransmission of one answered without a transaction (see {@link
   * #answerStatelessly}) whose answer is still kept: it is sent that answer again.
   */
  public boolean answeredStatelessly(gov.nist.javax.sip.message.SIPRequest request) {
    StatelessAnswers answers = statelessAnswers;
    return answers != null && answers.answered(request);
  }

  /** UDP datagrams waiting to be parsed now. */
  public int intakeDepth() {
    UdpIntake i = intake;
    return i == null ? 0 : i.depth();
  }

  /** How many UDP datagrams may wait to be parsed. */
  public int intakeCapacity() {
    return limits.intakeQueue();
  }

  /** Server transactions alive now. */
  public int serverTransactions() {
    SipStack s = stack;
    return s == null ? 0 : ((SipStackImpl) s).getServerTransactionTableSize();
  }

  /**
   * Why SIP cannot do its work now, or empty when it can: the thread reading the UDP socket or a
   * worker parsing its datagrams has died, or the intake has stayed full for {@link
   * #FULL_TOO_LONG_NANOS}. Read by {@code /health}.
   */
  public Optional<String> problem() {
    UdpIntake i = intake;
    if (i == null || stack == null) {
      return Optional.of("SIP is not started");
    }
    if (!i.readerAlive()) {
      return Optional.of("the SIP UDP reading thread has stopped");
    }
    if (!i.workersAlive()) {
      return Optional.of("a SIP UDP worker thread has stopped");
    }
    long full = i.fullForNanos();
    if (full > FULL_TOO_LONG_NANOS) {
      return Optional.of("the SIP UDP intake has been full for " + full / 1_000_000_000 + " s");
    }
    return Optional.empty();
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
    IntakeFactory.forget(stackName);
  }
}
