package org.hotline.sip.call;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.sip.stack.SipServer;

/** Builds the SIP messages the B2BUA sends. */
final class SipMessages {
  private final SipServer sip;

  SipMessages(SipServer sip) {
    this.sip = sip;
  }

  /** Our Contact header for {@code transport}. */
  ContactHeader contact(String transport) throws ParseException {
    SipURI uri = sip.addresses().createSipURI("hotline", sip.advertisedHost());
    uri.setPort(sip.port());
    if (!"udp".equalsIgnoreCase(transport)) {
      uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
    }
    return sip.headers().createContactHeader(sip.addresses().createAddress(uri));
  }

  /** A response carrying SDP (200 OK to an INVITE). */
  Response withSdp(Response response, String sdp, String transport) throws ParseException {
    response.addHeader(contact(transport));
    ContentTypeHeader type = sip.headers().createContentTypeHeader("application", "sdp");
    response.setContent(sdp.getBytes(StandardCharsets.US_ASCII), type);
    return response;
  }

  /**
   * An INVITE to an agent's phone, showing the caller's number and name in From.
   *
   * @param target the agent's registered Contact URI
   */
  Request inviteAgent(
      String target,
      String agentUser,
      String callerNumber,
      String callerName,
      String transport,
      String sdp)
      throws ParseException, InvalidArgumentException {
    URI requestUri = sip.addresses().createURI(target);
    String host = sip.advertisedHost();
    SipURI fromUri =
        sip.addresses().createSipURI(callerNumber.isEmpty() ? "anonymous" : callerNumber, host);
    Address fromAddress = sip.addresses().createAddress(fromUri);
    if (!callerName.isEmpty()) {
      fromAddress.setDisplayName(callerName);
    }
    FromHeader from = sip.headers().createFromHeader(fromAddress, tag());
    ToHeader to =
        sip.headers()
            .createToHeader(
                sip.addresses().createAddress(sip.addresses().createSipURI(agentUser, host)), null);
    CallIdHeader callId = sip.provider().getNewCallId();
    CSeqHeader cseq = sip.headers().createCSeqHeader(1L, Request.INVITE);
    ViaHeader via = sip.headers().createViaHeader(host, sip.port(), transport, null);
    MaxForwardsHeader maxForwards = sip.headers().createMaxForwardsHeader(70);
    Request invite =
        sip.messages()
            .createRequest(
                requestUri, Request.INVITE, callId, cseq, from, to, List.of(via), maxForwards);
    invite.addHeader(contact(transport));
    invite.setContent(
        sdp.getBytes(StandardCharsets.US_ASCII),
        sip.headers().createContentTypeHeader("application", "sdp"));
    return invite;
  }

  /** Sends BYE in a confirmed dialog. */
  void bye(Dialog dialog) throws SipException {
    Request bye = dialog.createRequest(Request.BYE);
    ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
    dialog.sendRequest(ct);
  }

  /** Sends ACK for a 2xx in {@code dialog}. */
  void ack(Dialog dialog, Response ok) throws SipException, InvalidArgumentException {
    long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
    dialog.sendAck(dialog.createAck(cseq));
  }

  /** Sends CANCEL for a pending INVITE client transaction. */
  void cancel(ClientTransaction invite) throws SipException {
    ClientTransaction cancel = sip.provider().getNewClientTransaction(invite.createCancel());
    cancel.sendRequest();
  }

  SipServer sip() {
    return sip;
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
