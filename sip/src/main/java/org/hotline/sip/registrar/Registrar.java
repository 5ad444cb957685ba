package org.hotline.sip.registrar;

import gov.nist.javax.sip.message.SIPRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.config.SipSettings;
import org.hotline.sip.auth.DigestAuthenticator;
import org.hotline.sip.stack.SipServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar (RFC 3261 section 10): authenticates REGISTER with digest (RFC 7616, MD5 and
 * SHA-256, qop=auth) and keeps each agent's contacts in the {@link LocationService}.
 *
 * <p>A REGISTER is answered on the SIP stack's thread that parsed it, without a server transaction:
 * credentials and bindings are held in memory ({@link org.hotline.sip.auth.CredentialCache}, {@link
 * LocationService}), so nothing waits on I/O, no queue stands between the socket and the answer,
 * and nothing of the request outlives it but its answer, kept for retransmissions.
 */
public final class Registrar {
  private static final Logger log = LoggerFactory.getLogger(Registrar.class);

  private final SipServer sip;
  private final SipSettings settings;
  private final DigestAuthenticator authenticator;
  private final LocationService locations;
  private final Clock clock;
  private final RegistrarMetrics metrics;

  public Registrar(
      SipServer sip,
      SipSettings settings,
      DigestAuthenticator authenticator,
      LocationService locations,
      Clock clock,
      MeterRegistry registry) {
    this.sip = sip;
    this.settings = settings;
    this.authenticator = authenticator;
    this.locations = locations;
    this.clock = clock;
    this.metrics = new RegistrarMetrics(registry);
    registry.gauge("hotline.sip.registered.users", locations, LocationService::registeredUsers);
  }

  /**
   * The answer to a REGISTER: a challenge, a refusal or the bindings now held. Called on the SIP
   * stack's thread that parsed it, with no server transaction (see {@link
   * SipServer#answerStatelessly}): the answer is all the work.
   */
  public Response answer(Request request) {
    try {
      String user = aorUser(request);
      return switch (authenticator.check(request, user)) {
        case DigestAuthenticator.Challenge(Response challenge) -> {
          metrics.challenged.increment();
          yield challenge;
        }
        case DigestAuthenticator.Refused refused -> {
          metrics.forbidden.increment();
          log.debug("REGISTER for '{}' from {} refused: bad credentials", user, source(request));
          yield sip.messages().createResponse(Response.FORBIDDEN, request);
        }
        case DigestAuthenticator.Authenticated ok -> bind(request, user);
      };
    } catch (ParseException | InvalidArgumentException | RuntimeException e) {
      metrics.errors.increment();
      log.warn("REGISTER from {} failed: {}", source(request), e.toString());
      try {
        return sip.messages().createResponse(Response.SERVER_INTERNAL_ERROR, request);
      } catch (ParseException unanswerable) {
        throw new IllegalStateException("no 500 for a parsed REGISTER", unanswerable);
      }
    }
  }

  private Response bind(Request request, String user)
      throws ParseException, InvalidArgumentException {
    ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME);
    ExpiresHeader expiresHeader = request.getExpires();
    int requested = expiresHeader == null ? settings.defaultExpires() : expiresHeader.getExpires();
    String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    Instant now = clock.instant();
    List<Binding> changes = new ArrayList<>();
    while (contacts.hasNext()) {
      ContactHeader contact = (ContactHeader) contacts.next();
      if (contact.isWildCard()) {
        if (requested != 0) {
          return sip.messages().createResponse(Response.BAD_REQUEST, request);
        }
        locations.removeAll(user);
        metrics.unregistered.increment();
        return okWithBindings(request, user);
      }
      int expires = contact.getExpires() >= 0 ? contact.getExpires() : requested;
      if (expires > 0 && expires < settings.minExpires()) {
        Response tooBrief = sip.messages().createResponse(Response.INTERVAL_TOO_BRIEF, request);
        tooBrief.addHeader(sip.headers().createMinExpiresHeader(settings.minExpires()));
        return tooBrief;
      }
      expires = Math.min(expires, settings.maxExpires());
      changes.add(binding(request, contact, callId, cseq, now, expires));
    }
    if (!locations.update(user, changes)) {
      metrics.forbidden.increment();
      log.warn(
          "REGISTER for '{}' from {} refused: a Contact of it is bound to another user",
          user,
          source(request));
      Response taken = sip.messages().createResponse(Response.FORBIDDEN, request);
      taken.setReasonPhrase("Contact bound to another user");
      return taken;
    }
    metrics.registered.increment();
    log.debug("REGISTER {} from {}: {} contact(s)", user, source(request), changes.size());
    return okWithBindings(request, user);
  }

  private Binding binding(
      Request request, ContactHeader contact, String callId, long cseq, Instant now, int expires) {
    SIPRequest nist = (SIPRequest) request;
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    String host =
        nist.getRemoteAddress() != null ? nist.getRemoteAddress().getHostAddress() : via.getHost();
    int port = nist.getRemotePort() > 0 ? nist.getRemotePort() : Math.max(via.getPort(), 5060);
    String contactHost = contact.getAddress().getURI() instanceof SipURI uri ? uri.getHost() : null;
    boolean behindNat = contactHost != null && !sameHost(contactHost, host);
    return new Binding(
        contact.getAddress().getURI().toString(),
        host,
        port,
        via.getTransport().toLowerCase(java.util.Locale.ROOT),
        callId,
        cseq,
        now.plusSeconds(expires),
        now,
        behindNat);
  }

  /**
   * Compares address literals only: a name in a Contact is never looked up on the stack's thread.
   */
  private static boolean sameHost(String contactHost, String sourceAddress) {
    String literal =
        contactHost.startsWith("[") && contactHost.endsWith("]")
            ? contactHost.substring(1, contactHost.length() - 1)
            : contactHost;
    try {
      return org.hotline.config.Cidr.parse(literal)
          .network()
          .getHostAddress()
          .equals(sourceAddress);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Response okWithBindings(Request request, String user)
      throws ParseException, InvalidArgumentException {
    Response ok = sip.messages().createResponse(Response.OK, request);
    Instant now = clock.instant();
    for (Binding b : locations.bindings(user)) {
      ContactHeader h =
          sip.headers().createContactHeader(sip.addresses().createAddress(b.contactUri()));
      h.setExpires((int) Math.max(0, b.expiresAt().getEpochSecond() - now.getEpochSecond()));
      ok.addHeader(h);
    }
    ok.addHeader(
        sip.headers()
            .createDateHeader(
                java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("GMT"))));
    return ok;
  }

  private static String aorUser(Request request) {
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    if (to.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null) {
      return uri.getUser();
    }
    return "";
  }

  private static String source(Request request) {
    SIPRequest nist = (SIPRequest) request;
    return nist.getRemoteAddress() == null
        ? "?"
        : nist.getRemoteAddress().getHostAddress() + ":" + nist.getRemotePort();
  }
}
