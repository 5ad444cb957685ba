package org.hotline.core.acd;

import static org.hotline.core.db.jooq.Tables.ACD_QUEUE;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.db.jooq.tables.records.AcdQueueRecord;
import org.jooq.DSLContext;

/**
 * Queues with settings of their own, in the {@code acd_queue} table. The server reads them at start
 * ({@link AcdPolicy#from(org.hotline.config.AcdSettings, Map)}) and, after a change here, hands the
 * change to {@link Acd#configure} or {@link Acd#resetQueue}.
 */
public final class QueueSettingsRepository {
  private final DSLContext dsl;

  public QueueSettingsRepository(DSLContext dsl) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
  }

  /** Every queue with settings of its own, by name in name order. */
  public Map<String, QueueSettings> all() {
    Map<String, QueueSettings> all = new LinkedHashMap<>();
    dsl.selectFrom(ACD_QUEUE)
        .orderBy(ACD_QUEUE.NAME)
        .forEach(r -> all.put(r.getName(), settings(r)));
    return all;
  }

  /** Stores {@code settings} as the settings of {@code queue}, replacing any. */
  public void upsert(String queue, QueueSettings settings) {
    Objects.requireNonNull(queue, "queue");
    dsl.transaction(
        cfg -> {
          DSLContext tx = cfg.dsl();
          AcdQueueRecord r = tx.newRecord(ACD_QUEUE);
          r.setName(queue);
          r.setStrategy(settings.strategy());
          r.setRingTimeoutMs(settings.ringTimeout().toMillis());
          r.setWrapUpMs(settings.wrapUp().toMillis());
          r.setWeight(settings.weight());
          r.setMaxWaiting(settings.maxWaiting());
          r.setMaxWaitMs(settings.maxWait().toMillis());
          r.setJoinWhenNoAgents(settings.joinWhenNoAgents());
          r.setServiceLevelMs(settings.serviceLevel().toMillis());
          r.setOverflow(settings.overflow());
          if (tx.fetchExists(ACD_QUEUE, ACD_QUEUE.NAME.eq(queue))) {
            r.changed(ACD_QUEUE.NAME, false);
            tx.executeUpdate(r, ACD_QUEUE.NAME.eq(queue));
          } else {
            tx.executeInsert(r);
          }
        });
  }

  /** {@code queue} goes back to the defaults; false when it had no settings of its own. */
  public boolean delete(String queue) {
    return dsl.deleteFrom(ACD_QUEUE).where(ACD_QUEUE.NAME.eq(queue)).execute() == 1;
  }

  private static QueueSettings settings(AcdQueueRecord r) {
    return new QueueSettings(
        r.getStrategy(),
        Duration.ofMillis(r.getRingTimeoutMs()),
        Duration.ofMillis(r.getWrapUpMs()),
        r.getWeight(),
        r.getMaxWaiting(),
        Duration.ofMillis(r.getMaxWaitMs()),
        r.getJoinWhenNoAgents(),
        Duration.ofMillis(r.getServiceLevelMs()),
        r.getOverflow());
  }
}
