package org.hotline.cti.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.config.DataSettings;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.db.Database;
import org.hotline.cti.location.CallerLocator;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CdrWriterTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;
  Database db;
  CdrRepository cdrs;
  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void open() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    cdrs = new CdrRepository(db.dsl(), Clock.systemUTC());
    logged.start();
    ((Logger) LoggerFactory.getLogger(CdrWriter.class)).addAppender(logged);
  }

  @AfterEach
  void close() {
    ((Logger) LoggerFactory.getLogger(CdrWriter.class)).detachAppender(logged);
    db.close();
  }

  static Cdr cdr(String callId) {
    return cdr(callId, "+8613800138000");
  }

  static Cdr cdr(String callId, String caller) {
    return new Cdr(
        callId,
        caller,
        "100",
        "1",
        "sales",
        "1001",
        T0,
        T0.plusSeconds(1),
        T0.plusSeconds(60),
        5,
        40,
        CallOutcome.ANSWERED,
        "caller-bye",
        null,
        null,
        null,
        null);
  }

  CdrWriter writer(CdrRepository repository) {
    return new CdrWriter(repository, null, db.writes(), meters, 3, Duration.ofMillis(1));
  }

  double count(String name) {
    return meters.counter(name).count();
  }

  List<ILoggingEvent> errors() {
    return logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
  }

  @Test
  void record_commitsTheCdrBeforeTheFutureCompletes() throws Exception {
    writer(cdrs).record(cdr("call-1")).get(5, TimeUnit.SECONDS);

    assertEquals(List.of(cdr("call-1")), cdrs.between(T0, T0.plusSeconds(1)));
    assertEquals(1, count("hotline.cdr.written"));
  }

  @Test
  void record_withALocator_storesTheCallersRegionAndCarrier() throws Exception {
    CdrWriter writer =
        new CdrWriter(
            cdrs, new CallerLocator("CN", "zh"), db.writes(), meters, 3, Duration.ofMillis(1));

    writer.record(cdr("mobile", "+8613800138000")).get(5, TimeUnit.SECONDS);
    writer.record(cdr("landline", "02162123456")).get(5, TimeUnit.SECONDS);
    writer.record(cdr("foreign", "+442070313000")).get(5, TimeUnit.SECONDS);
    writer.record(cdr("withheld", "anonymous")).get(5, TimeUnit.SECONDS);

    assertEquals(cdr("mobile").withLocation("北京市", "中国移动"), cdrs.find("mobile").orElseThrow());
    assertEquals("上海市", cdrs.find("landline").orElseThrow().region());
    assertNull(cdrs.find("landline").orElseThrow().carrier());
    assertEquals("英国", cdrs.find("foreign").orElseThrow().region());
    assertNull(cdrs.find("withheld").orElseThrow().region());
  }

  @Test
  void record_theSameCallTwice_storesOneRow() throws Exception {
    CdrWriter writer = writer(cdrs);
    writer.record(cdr("call-1")).get(5, TimeUnit.SECONDS);
    writer.record(cdr("call-1")).get(5, TimeUnit.SECONDS);

    assertEquals(1, cdrs.count());
  }

  @Test
  void record_whenTheDatabaseFailsTwice_retriesAndCommits() throws Exception {
    FlakyRepository flaky = new FlakyRepository(cdrs, 2);

    writer(flaky).record(cdr("call-1")).get(5, TimeUnit.SECONDS);

    assertEquals(3, flaky.calls.get());
    assertEquals(1, cdrs.count());
    assertEquals(2, count("hotline.cdr.retries"));
    assertEquals(0, count("hotline.cdr.failed"));
    assertEquals(List.of(), errors());
  }

  @Test
  void record_whenEveryAttemptFails_completesExceptionallyAfterOneErrorLineNamingTheCall() {
    FlakyRepository down = new FlakyRepository(cdrs, Integer.MAX_VALUE);

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> writer(down).record(cdr("call-9")).get(5, TimeUnit.SECONDS));

    assertInstanceOf(DataAccessException.class, e.getCause());
    assertEquals(3, down.calls.get());
    assertEquals(1, count("hotline.cdr.failed"));
    assertEquals(0, count("hotline.cdr.written"));
    assertEquals(1, errors().size());
    assertTrue(
        errors().get(0).getFormattedMessage().contains("call-9"),
        errors().get(0).getFormattedMessage());
  }

  @Test
  void record_whenTheDatabaseRefusesTheData_doesNotRetry() {
    Cdr withoutCaller = cdr("call-1", null);

    assertThrows(
        ExecutionException.class,
        () -> writer(cdrs).record(withoutCaller).get(5, TimeUnit.SECONDS));

    assertEquals(0, count("hotline.cdr.retries"));
    assertEquals(1, count("hotline.cdr.failed"));
  }

  @Test
  void record_whenTheWritePoolIsShutDown_failsAtOnce() {
    db.writes().shutdown();

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> writer(cdrs).record(cdr("call-1")).get(5, TimeUnit.SECONDS));

    assertInstanceOf(RejectedExecutionException.class, e.getCause());
    assertEquals(1, count("hotline.cdr.failed"));
  }

  /**
   * Fails its first {@code failures} inserts the way a lost connection does, then writes for real.
   */
  static final class FlakyRepository extends CdrRepository {
    final CdrRepository real;
    final int failures;
    final AtomicInteger calls = new AtomicInteger();

    FlakyRepository(CdrRepository real, int failures) {
      super(org.jooq.impl.DSL.using(org.jooq.SQLDialect.H2), Clock.systemUTC());
      this.real = real;
      this.failures = failures;
    }

    @Override
    public boolean insert(Cdr cdr) {
      if (calls.incrementAndGet() <= failures) {
        throw new DataAccessException("connection lost");
      }
      return real.insert(cdr);
    }
  }
}
