package org.hotline.sip.stack;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * Sends requests to a registered phone where its REGISTER really came from. A softphone behind NAT
 * registers a private Contact; RFC 3581 {@code received}/{@code rport} tell where it can be
 * reached, so a request to that Contact goes to that address instead, with the Request-URI left as
 * the phone expects. Everything else follows JAIN-SIP's default routing.
 *
 * <p>The stack builds its router by class name, so the registrar feeds this class through the
 * static {@link #reachAt} and {@link #forget} methods.
 */
public final class ContactRouter extends DefaultRouter {
  private static final Map<String, Hop> HOPS = new ConcurrentHashMap<>();

  public ContactRouter(SipStack stack, String outboundProxy) {
    super(stack, outboundProxy);
  }

  /**
   * Requests whose Request-URI is {@code contactUri} go to {@code host:port} over {@code
   * transport}.
   */
  public static void reachAt(String contactUri, String host, int port, String transport) {
    HOPS.put(contactUri, new HopImpl(host, port, transport));
  }

  /** The Contact is gone: route to it normally again. */
  public static void forget(String contactUri) {
    HOPS.remove(contactUri);
  }

  @Override
  public Hop getNextHop(Request request) throws SipException {
    if (request.getHeader(RouteHeader.NAME) == null) {
      Hop hop = HOPS.get(request.getRequestURI().toString());
      if (hop != null) {
        return hop;
      }
    }
    return super.getNextHop(request);
  }
}
