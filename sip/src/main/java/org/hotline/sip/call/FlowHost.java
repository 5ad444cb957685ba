package org.hotline.sip.call;

import java.util.concurrent.CompletableFuture;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.QueueWait;
import org.hotline.core.flow.TransferResult;
import org.hotline.core.flow.TransferTarget;
import org.hotline.core.media.MediaSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the call's flow (the IVR) on its own virtual thread and is the call as the flow sees it:
 * every {@link ActiveCall} method hands over to the call's executor, or reads what is safe to read
 * from another thread.
 */
final class FlowHost implements ActiveCall {
  private static final Logger log = LoggerFactory.getLogger(FlowHost.class);

  private final CallSession session;
  private Thread thread;

  FlowHost(CallSession session) {
    this.session = session;
  }

  /** Runs {@code flow} for the caller; on the call's executor. */
  void start(CallFlow flow) {
    thread = Thread.ofVirtual().name("flow-" + session.id()).start(() -> run(flow));
  }

  /** The call ended: a flow still running stops where it waits. */
  void stop() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void run(CallFlow flow) {
    MDC.put("callId", session.id());
    try {
      flow.run(this);
      session
          .executor()
          .execute(
              () -> {
                if (session.state() == CallState.IVR) {
                  session.end(CallOutcome.IVR_HANGUP, "flow-end", false);
                }
              });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("flow {} failed", flow.name(), e);
      session.executor().execute(() -> session.end(CallOutcome.FAILED, "flow-error", false));
    } finally {
      MDC.remove("callId");
    }
  }

  @Override
  public String id() {
    return session.id();
  }

  @Override
  public String callerNumber() {
    return session.call().callerNumber();
  }

  @Override
  public String dialedNumber() {
    return session.call().dialedNumber();
  }

  @Override
  public MediaSession media() {
    return session.callerMedia();
  }

  @Override
  public void chose(String choice) {
    session.executor().execute(() -> session.call().chose(choice));
  }

  @Override
  public QueueWait enqueue(String queue, int priority) {
    return session.queue().enqueue(queue, priority);
  }

  @Override
  public CompletableFuture<TransferResult> transfer(TransferTarget target) {
    return session.transfer().transfer(target);
  }

  @Override
  public void language(String language) {
    session.executor().execute(() -> session.language(language));
  }

  @Override
  public void hangup(String cause) {
    session.executor().execute(() -> session.end(CallOutcome.IVR_HANGUP, cause, false));
  }

  @Override
  public boolean isActive() {
    return session.isActive();
  }
}
