package org.hotline.core.dial;

/**
 * Where refused dials are recorded for the administrators: the audit log ({@link DialAuditLog}),
 * reached through this one method so the places that dial need nothing else of it.
 */
@FunctionalInterface
public interface DialAudit {
  /** Records nothing. */
  DialAudit NONE = (site, who, number, reason) -> {};

  /**
   * Records that {@code who} asked from {@code site} to dial {@code number}, refused for {@code
   * reason}. Must not block: called on a call's or a command's thread.
   *
   * @param who the agent (desk), the callback or the call (IVR) the number was dialled for
   */
  void refused(DialSite site, String who, String number, String reason);
}
