package org.hotline.core.cdr;

import java.util.concurrent.CompletableFuture;

/**
 * Makes a finished call durable. A call counts as finished only once the returned future has
 * completed normally: the CDR is committed by then.
 */
public interface CallRecorder {
  CompletableFuture<Void> record(Cdr cdr);
}
