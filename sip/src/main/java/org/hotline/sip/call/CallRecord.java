package org.hotline.sip.call;

import java.util.concurrent.Executor;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.event.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a call, or a part of one, ends on the record: its outcome is counted, its CDR is
 * stored, and only then, on the call's executor, is the call {@code Finished} on the bus (a
 * finished call's CDR is committed before the call counts as finished). A CDR the database would
 * not take is written whole to the log instead, and counted.
 */
final class CallRecord {
  private static final Logger log = LoggerFactory.getLogger(CallRecord.class);

  private CallRecord() {}

  /**
   * Records {@code call}, ended with {@code outcome}.
   *
   * @param exec the call's executor, where the steps after the store run
   * @param beforeFinished run on {@code exec} once the CDR is stored, before {@code Finished} is
   *     published
   * @param afterFinished run on {@code exec} right after {@code Finished} is published
   */
  static void close(
      CallServices services,
      Executor exec,
      Call call,
      CallOutcome outcome,
      Runnable beforeFinished,
      Runnable afterFinished) {
    services.metrics().ended(outcome);
    Cdr cdr = Cdr.of(call);
    services
        .recorder()
        .record(cdr)
        .whenComplete(
            (ok, err) ->
                exec.execute(
                    () -> {
                      if (err != null) {
                        services.metrics().cdrFailures.increment();
                        log.error("CDR NOT STORED, kept in this log line: {}", cdr, err);
                      }
                      beforeFinished.run();
                      services
                          .bus()
                          .publish(
                              new CallEvent.Finished(call.id(), cdr, services.clock().instant()));
                      afterFinished.run();
                    }));
  }
}
