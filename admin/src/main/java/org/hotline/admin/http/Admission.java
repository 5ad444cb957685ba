package org.hotline.admin.http;

import java.util.concurrent.CompletableFuture;

/**
 * Whether the sender of a stream ({@link StreamRoute}) may still have it: its session not ended or
 * expired, its password still right, its role one the route admits. A stream's request is checked
 * once, when it comes; the stream asks this every so often after, so that a logout, an expiry or an
 * administrator's change ends it too.
 */
@FunctionalInterface
public interface Admission {
  /** Always yes: the admission of an open route. */
  Admission OPEN = () -> CompletableFuture.completedFuture(true);

  /**
   * Checks the stream's request again, off the caller's thread (it may hash a password).
   *
   * @return completes with whether the sender may go on; never exceptionally
   */
  CompletableFuture<Boolean> recheck();
}
