package org.hotline.sip.stack;

import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers requests of one method with a final response and no server transaction: see {@link
 * SipServer#answerStatelessly}. Called on the SIP thread that parsed the request, so it must not
 * wait on anything.
 */
@FunctionalInterface
public interface StatelessAnswer {
  /** The final response to {@code request}. */
  Response answer(Request request);
}
