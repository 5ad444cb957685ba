package org.hotline.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.io.IOException;
import java.text.ParseException;
import java.util.Map;
import javax.sip.SipStack;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step in front of the transaction layer that answers the methods given to {@link
 * SipServer#answerStatelessly} there and then: no server transaction is made, kept for timer J (32
 * s over UDP) and cleaned up, so a request costs its parse and its answer only. Retransmissions
 * over UDP get the answer sent before, from {@link RecentAnswers}; over TCP nothing is
 * retransmitted.
 */
final class StatelessAnswers implements SIPMessageValve {
  private static final Logger log = LoggerFactory.getLogger(StatelessAnswers.class);

  private final Map<String, StatelessAnswer> byMethod;
  private final RecentAnswers recent;

  StatelessAnswers(Map<String, StatelessAnswer> byMethod, int remembered) {
    this.byMethod = Map.copyOf(byMethod);
    this.recent = new RecentAnswers(remembered);
  }

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    StatelessAnswer answer = byMethod.get(request.getMethod());
    if (answer == null) {
      return true;
    }
    if (!(channel instanceof UdpIntakeWorker udp)) {
      StatelessResponses.send(request, (SIPResponse) answer.answer(request), channel);
      return false;
    }
    String id = request.getTransactionId();
    byte[] sent = recent.get(id);
    try {
      if (sent == null) {
        SIPResponse response = (SIPResponse) answer.answer(request);
        StatelessResponses.addToTag(response);
        sent = recent.put(id, response.encodeAsBytes(channel.getTransport()));
      } else {
        log.debug(
            "{} retransmitted from {}: answered again",
            request.getMethod(),
            channel.getPeerAddress());
      }
      udp.send(sent, request.getPeerPacketSourceAddress(), request.getPeerPacketSourcePort());
    } catch (IOException | ParseException | RuntimeException e) {
      log.debug(
          "could not answer {} from {}: {}",
          request.getMethod(),
          channel.getPeerAddress(),
          e.toString());
    }
    return false;
  }

  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    return true;
  }

  @Override
  public void init(SipStack stack) {}

  @Override
  public void destroy() {}

  /** Whether an answer to {@code request}'s transaction is kept: it is a retransmission. */
  boolean answered(SIPRequest request) {
    return byMethod.containsKey(request.getMethod())
        && recent.get(request.getTransactionId()) != null;
  }
}
