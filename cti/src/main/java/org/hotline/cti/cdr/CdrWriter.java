package org.hotline.cti.cdr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.hotline.core.cdr.CallRecorder;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.cti.location.CallerLocation;
import org.hotline.cti.location.CallerLocator;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes each finished call's CDR on the database write pool, retrying with backoff, with the
 * caller's region and carrier looked up from their number by a {@link CallerLocator}.
 *
 * <p>{@link #record} returns at once; its future completes when the row is committed, or
 * exceptionally once every attempt failed, after one error line that names the call. A write the
 * database refuses for the data itself (a constraint or a value out of range) is not retried: it
 * would fail the same way again. Retries are safe because {@link CdrRepository#insert} ignores a
 * call id it already has.
 *
 * <p>Meters: {@code hotline.cdr.written}, {@code hotline.cdr.failed}, {@code hotline.cdr.retries}.
 */
public final class CdrWriter implements CallRecorder {
  private static final Logger log = LoggerFactory.getLogger(CdrWriter.class);

  /** Attempts per CDR by default: the first and three retries. */
  public static final int DEFAULT_ATTEMPTS = 4;

  /** The wait before the first retry by default; it doubles for each further one. */
  public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(200);

  private final CdrRepository repository;
  private final CallerLocator locator;
  private final Executor writes;
  private final int attempts;
  private final Duration firstBackoff;
  private final Counter written;
  private final Counter failed;
  private final Counter retries;

  /**
   * A writer that stores CDRs as given, without locating the caller, with {@link #DEFAULT_ATTEMPTS}
   * attempts starting at {@link #DEFAULT_FIRST_BACKOFF}.
   */
  public CdrWriter(CdrRepository repository, Executor writes, MeterRegistry meters) {
    this(repository, null, writes, meters, DEFAULT_ATTEMPTS, DEFAULT_FIRST_BACKOFF);
  }

  /**
   * A writer that locates callers, with {@link #DEFAULT_ATTEMPTS} attempts starting at {@link
   * #DEFAULT_FIRST_BACKOFF}.
   */
  public CdrWriter(
      CdrRepository repository, CallerLocator locator, Executor writes, MeterRegistry meters) {
    this(
        repository,
        Objects.requireNonNull(locator, "locator"),
        writes,
        meters,
        DEFAULT_ATTEMPTS,
        DEFAULT_FIRST_BACKOFF);
  }

  /**
   * @param repository where CDRs go
   * @param locator fills a CDR's region and carrier from its caller's number, unless the CDR has a
   *     region already; null: CDRs are stored as given
   * @param writes the database write pool ({@code Database.writes()})
   * @param meters where the counters are registered
   * @param attempts how many times a CDR is tried, at least 1
   * @param firstBackoff the wait before the first retry, doubled for each further one
   */
  public CdrWriter(
      CdrRepository repository,
      CallerLocator locator,
      Executor writes,
      MeterRegistry meters,
      int attempts,
      Duration firstBackoff) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    this.repository = Objects.requireNonNull(repository, "repository");
    this.locator = locator;
    this.writes = Objects.requireNonNull(writes, "writes");
    this.attempts = attempts;
    this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
    this.written =
        Counter.builder("hotline.cdr.written")
            .description("CDRs committed to the database")
            .register(meters);
    this.failed =
        Counter.builder("hotline.cdr.failed")
            .description("CDRs given up on after every attempt failed")
            .register(meters);
    this.retries =
        Counter.builder("hotline.cdr.retries")
            .description("CDR write attempts repeated after a failure")
            .register(meters);
  }

  /** Queues {@code cdr} for writing; the future completes once it is committed. */
  @Override
  public CompletableFuture<Void> record(Cdr cdr) {
    Objects.requireNonNull(cdr, "cdr");
    CompletableFuture<Void> done = new CompletableFuture<>();
    submit(cdr, 1, done);
    return done;
  }

  private void submit(Cdr cdr, int attempt, CompletableFuture<Void> done) {
    try {
      writes.execute(() -> write(cdr, attempt, done));
    } catch (RejectedExecutionException e) {
      // The pool is full or shut down: no point retrying into it.
      giveUp(
          cdr,
          attempt,
          new RejectedExecutionException("database write pool refused the CDR", e),
          done);
    }
  }

  private void write(Cdr given, int attempt, CompletableFuture<Void> done) {
    MDC.put("callId", given.callId());
    // Located on the write pool, once: the first attempt's CDR is the one retried.
    Cdr cdr = attempt == 1 ? located(given) : given;
    try {
      repository.insert(cdr);
      written.increment();
      done.complete(null);
    } catch (RuntimeException e) {
      if (attempt >= attempts || isPermanent(e)) {
        giveUp(cdr, attempt, e, done);
      } else {
        retries.increment();
        Duration wait = firstBackoff.multipliedBy(1L << (attempt - 1));
        log.debug(
            "CDR write attempt {} of call {} failed, retrying in {} ms: {}",
            attempt,
            cdr.callId(),
            wait.toMillis(),
            e.toString());
        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
            .execute(() -> submit(cdr, attempt + 1, done));
      }
    } finally {
      MDC.remove("callId");
    }
  }

  private void giveUp(Cdr cdr, int attempt, Throwable cause, CompletableFuture<Void> done) {
    failed.increment();
    MDC.put("callId", cdr.callId());
    try {
      log.error(
          "CDR of call {} NOT written after {} attempt(s): {}",
          cdr.callId(),
          attempt,
          cause.toString());
    } finally {
      MDC.remove("callId");
    }
    done.completeExceptionally(cause);
  }

  /** {@code cdr} with its caller's region and carrier, as far as the number tells. */
  private Cdr located(Cdr cdr) {
    if (locator == null || cdr.region() != null) {
      return cdr;
    }
    try {
      CallerLocation where = locator.locate(cdr.caller());
      return where.known()
          ? cdr.withLocation(blankToNull(where.region()), blankToNull(where.carrier()))
          : cdr;
    } catch (RuntimeException e) {
      // Location is a nicety: the CDR itself must not be lost over it.
      log.warn("caller {} of call {} not located: {}", cdr.caller(), cdr.callId(), e.toString());
      return cdr;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Whether the database refused the data itself (SQLSTATE class 22 or 23), so a retry would fail
   * too.
   */
  private static boolean isPermanent(RuntimeException e) {
    if (e instanceof DataAccessException dae) {
      SQLStateClass c = dae.sqlStateClass();
      return c == SQLStateClass.C22_DATA_EXCEPTION
          || c == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION;
    }
    return false;
  }
}
