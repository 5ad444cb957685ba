package org.hotline.sip.stack;

import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import java.io.IOException;
import java.text.ParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Responses the stack layer sends on its own, without a server transaction: to requests refused
 * before the transaction layer saw them. A retransmission of such a request is simply refused
 * again.
 */
public final class StatelessResponses {
  private static final Logger log = LoggerFactory.getLogger(StatelessResponses.class);

  /**
   * How long a connection whose framing is lost stays open before it is closed: answers to the
   * requests it carried before (handled on other threads) still go out.
   */
  static final long CLOSE_LINGER_MILLIS = 2_000;

  private StatelessResponses() {}

  /**
   * Sends {@code response} to where {@code request} came from: on its connection (TCP), or to the
   * datagram's source address and port (UDP, symmetric as RFC 3581 asks when rport is set).
   */
  public static void send(SIPRequest request, SIPResponse response, MessageChannel channel) {
    try {
      addToTag(response);
      if (channel.isReliable()) {
        channel.sendMessage(response);
      } else {
        channel.sendMessage(
            response, request.getPeerPacketSourceAddress(), request.getPeerPacketSourcePort());
      }
    } catch (IOException | ParseException | RuntimeException e) {
      log.debug(
          "could not send {} to {}: {}",
          response.getStatusCode(),
          channel.getPeerAddress(),
          e.toString());
    }
  }

  /** Closes {@code channel} after {@link #CLOSE_LINGER_MILLIS}. */
  static void closeSoon(MessageChannel channel) {
    channel
        .getSIPStack()
        .getTimer()
        .schedule(
            new SIPStackTimerTask() {
              @Override
              public void runTask() {
                channel.close();
              }

              @Override
              public Object getThreadHash() {
                return null;
              }
            },
            CLOSE_LINGER_MILLIS);
  }

  /** Gives a response without a To tag one (RFC 3261 section 8.2.6.2). */
  static void addToTag(SIPResponse r) throws ParseException {
    To to = (To) r.getTo();
    if (to != null && to.getTag() == null) {
      to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }
  }
}
