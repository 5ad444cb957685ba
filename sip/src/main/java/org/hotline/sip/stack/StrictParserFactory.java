package org.hotline.sip.stack;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/** Gives JAIN-SIP's channels a {@link StrictMessageParser} each. */
final class StrictParserFactory implements MessageParserFactory {
  private final BadInput badInput;

  StrictParserFactory(BadInput badInput) {
    this.badInput = badInput;
  }

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    return new StrictMessageParser(badInput);
  }
}
