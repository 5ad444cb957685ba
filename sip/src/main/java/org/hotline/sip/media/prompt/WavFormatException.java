package org.hotline.sip.media.prompt;

/** A WAV file that is malformed or not in a format prompts may use; the message says why. */
public final class WavFormatException extends Exception {

  public WavFormatException(String message) {
    super(message);
  }
}
