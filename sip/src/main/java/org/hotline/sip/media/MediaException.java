package org.hotline.sip.media;

/** The media layer cannot do what was asked, such as allocate a port when none is free. */
public final class MediaException extends Exception {

  public MediaException(String message) {
    super(message);
  }

  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
