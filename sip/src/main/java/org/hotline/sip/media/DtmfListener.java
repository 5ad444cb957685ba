package org.hotline.sip.media;

/**
 * Told of every DTMF digit an endpoint receives, besides the type-ahead buffer; for logging or the
 * CTI. Called on the endpoint's event loop: return quickly and never block.
 */
@FunctionalInterface
public interface DtmfListener {

  /** {@code digit} ({@code 0-9 * # A-D}) was pressed on {@code endpoint}'s leg. */
  void digitReceived(MediaEndpoint endpoint, char digit);
}
