package org.hotline.core.dial;

/**
 * Where a number to dial comes from: the tag of {@code hotline.dial.refused} and of the audit
 * entry.
 */
public enum DialSite {
  /** An agent's click-to-call ({@code dial} on {@code /cti}). */
  DESK("desk"),
  /** A callback to the number a caller called from: asked for in the IVR, dialled by the ACD. */
  CALLBACK("callback"),
  /** An IVR {@code transfer} to a number of the flows file. */
  IVR_TRANSFER("ivr-transfer");

  private final String tag;

  DialSite(String tag) {
    this.tag = tag;
  }

  /** How metrics, logs and the audit log name it. */
  public String tag() {
    return tag;
  }

  @Override
  public String toString() {
    return tag;
  }
}
