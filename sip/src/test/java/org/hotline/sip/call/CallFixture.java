package org.hotline.sip.call;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionState;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.core.acd.Acd;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.Call;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.event.CallEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.time.ManualClock;
import org.hotline.sip.guard.CallCounts;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.media.MediaServer;
import org.hotline.sip.registrar.Binding;
import org.hotline.sip.registrar.LocationService;
import org.hotline.sip.registrar.RegistrationListener;
import org.hotline.sip.sdp.Negotiated;
import org.hotline.sip.stack.SipServer;

/**
 * The call layer's real parts over fakes at its edges: JAIN-SIP (transactions, dialogs, the message
 * factory), RTP endpoints and the ACD are Mockito mocks; time is a {@link ManualClock} with {@link
 * ManualTimers}; the pool runs each task at once on the test's thread, so a call's executor is
 * drained by the time a method returns.
 */
final class CallFixture {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final Duration RING = Duration.ofSeconds(20);
  static final Duration RTP_TIMEOUT = Duration.ofSeconds(30);
  static final String AGENT_SDP =
      String.join(
          "\r\n",
          "v=0",
          "o=- 1 1 IN IP4 127.0.0.1",
          "s=-",
          "c=IN IP4 127.0.0.1",
          "t=0 0",
          "m=audio 40000 RTP/AVP 0 101",
          "a=rtpmap:0 PCMU/8000",
          "a=rtpmap:101 telephone-event/8000",
          "a=sendrecv",
          "");

  final ManualClock clock = new ManualClock(T0);
  final ManualTimers timers = new ManualTimers(clock);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final CallMetrics metrics = new CallMetrics(meters);
  final EventBus bus = new EventBus();
  final List<Object> events = new ArrayList<>();
  final List<Cdr> cdrs = new ArrayList<>();
  final CallRegistry registry = new CallRegistry(new CallCounts());
  final Acd acd = mock(Acd.class);
  final LocationService locations =
      new LocationService(
          clock,
          new RegistrationListener() {
            @Override
            public void registered(String user) {}

            @Override
            public void unregistered(String user) {}
          });
  final SipServer sip = mock(SipServer.class);
  final SipMessages messages = mock(SipMessages.class);
  final MediaServer media = mock(MediaServer.class);
  final MediaEndpoint callerMedia = endpoint();

  /** The agent legs rung, in order, as their INVITE transactions name them. */
  final List<AgentLeg> legs = new ArrayList<>();

  final List<MediaEndpoint> agentMedia = new ArrayList<>();
  final CallServices services;

  /** Completes every CDR store; a test may hold it back. */
  CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);

  CallFixture() {
    bus.subscribe(events::add);
    try {
      MessageFactory factory = mock(MessageFactory.class);
      when(factory.createResponse(anyInt(), any())).thenAnswer(inv -> response(inv.getArgument(0)));
      when(sip.messages()).thenReturn(factory);
      when(sip.advertisedHost()).thenReturn("127.0.0.1");
      SipProvider provider = mock(SipProvider.class);
      when(sip.provider()).thenReturn(provider);
      when(provider.getNewClientTransaction(any())).thenAnswer(inv -> clientTransaction());
      when(messages.sip()).thenReturn(sip);
      when(messages.inviteAgent(anyString(), anyString(), any(), any(), anyString(), anyString()))
          .thenReturn(mock(Request.class));
      when(media.allocate()).thenAnswer(inv -> endpoint());
      when(media.allocateBeside(any()))
          .thenAnswer(
              inv -> {
                MediaEndpoint m = endpoint();
                agentMedia.add(m);
                return m;
              });
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    services =
        new CallServices(
            messages,
            media,
            acd,
            cdr -> {
              cdrs.add(cdr);
              return stored;
            },
            bus,
            clock,
            Runnable::run,
            timers,
            registry,
            locations,
            RING,
            RTP_TIMEOUT,
            metrics,
            id -> Optional.of(agent(id)),
            null);
  }

  static Agent agent(String id) {
    return new Agent(id, "Agent " + id, id, Set.of("sales"));
  }

  /** {@code agentId}'s phone is registered. */
  void registered(String agentId) {
    locations.update(
        agentId,
        List.of(
            new Binding(
                "sip:" + agentId + "@127.0.0.1:5070",
                "127.0.0.1",
                5070,
                "udp",
                "reg-" + agentId,
                1,
                T0.plus(Duration.ofHours(8)),
                T0,
                false)));
  }

  /** A new inbound call whose flow waits until the call ends; not answered yet. */
  CallSession newCall(String sipCallId) {
    return newCall(sipCallId, waitingFlow());
  }

  /** A flow that waits, as a menu does, until the call ends. */
  static CallFlow waitingFlow() {
    return new CallFlow() {
      @Override
      public String name() {
        return "waits";
      }

      @Override
      public void run(org.hotline.core.flow.ActiveCall call) throws InterruptedException {
        new CountDownLatch(1).await();
      }
    };
  }

  CallSession newCall(String sipCallId, CallFlow flow) {
    ServerTransaction tx = mock(ServerTransaction.class);
    Dialog dialog = mock(Dialog.class);
    when(tx.getRequest()).thenReturn(mock(Request.class));
    when(tx.getDialog()).thenReturn(dialog);
    when(tx.getState()).thenReturn(TransactionState.PROCEEDING);
    when(dialog.getState()).thenReturn(DialogState.CONFIRMED);
    CallSession session =
        new CallSession(
            services,
            new Call(sipCallId, "13800138000", "", "100", clock.instant()),
            tx,
            flow,
            "udp");
    registry.added(session, null);
    return session;
  }

  /** A new inbound call, answered: in the IVR. */
  CallSession answeredCall(String sipCallId) {
    CallSession session = newCall(sipCallId);
    session.answer(
        new Negotiated(
            new InetSocketAddress("127.0.0.1", 30000), Codec.PCMU, 101, "sdp", "sendrecv"),
        callerMedia,
        "sdp",
        "en");
    return session;
  }

  /** The agent's phone of {@code leg} answers with 200 OK. */
  void answers(AgentLeg leg) {
    ResponseEvent event = mock(ResponseEvent.class);
    Response ok = response(Response.OK);
    when(ok.getRawContent()).thenReturn(AGENT_SDP.getBytes(StandardCharsets.US_ASCII));
    when(event.getResponse()).thenReturn(ok);
    when(event.getDialog()).thenReturn(mock(Dialog.class));
    leg.owner().executor().execute(() -> leg.onResponse(event));
  }

  /** The agent's phone of {@code leg} rings (180). */
  void rings(AgentLeg leg) {
    ResponseEvent event = mock(ResponseEvent.class);
    Response ringing = response(Response.RINGING);
    when(event.getResponse()).thenReturn(ringing);
    leg.owner().executor().execute(() -> leg.onResponse(event));
  }

  <E extends CallEvent> List<E> events(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  double refusedTransitions() {
    return meters.counter("hotline.calls.transitions.refused").count();
  }

  private ClientTransaction clientTransaction() {
    ClientTransaction ct = mock(ClientTransaction.class);
    when(ct.getDialog()).thenReturn(mock(Dialog.class));
    doAnswer(
            inv -> {
              legs.add(inv.getArgument(0));
              return null;
            })
        .when(ct)
        .setApplicationData(any());
    return ct;
  }

  private static Response response(int status) {
    Response r = mock(Response.class);
    when(r.getStatusCode()).thenReturn(status);
    return r;
  }

  private static MediaEndpoint endpoint() {
    MediaEndpoint m = mock(MediaEndpoint.class);
    when(m.codec()).thenReturn(Codec.PCMU);
    when(m.localPort()).thenReturn(20000);
    return m;
  }
}
