package org.hotline.sip.media.dtmf;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One endpoint's type-ahead buffer: digits in the order they were pressed, and the readers waiting
 * for the next one, each with a timeout scheduled on the event loop.
 *
 * <p>Confined to the endpoint's event loop, which also completes the readers' futures.
 */
public final class DigitBuffer {

  /** Digits kept before the oldest is forgotten; far more than any menu needs. */
  static final int CAPACITY = 64;

  /** Longest wait honoured; longer timeouts are cut to it. */
  private static final Duration MAX_WAIT = Duration.ofDays(1);

  private final EventExecutor executor;
  private final ArrayDeque<Character> digits = new ArrayDeque<>();
  private final ArrayDeque<Reader> readers = new ArrayDeque<>();
  private boolean closed;

  /**
   * @param executor the endpoint's event loop, which runs the timeouts
   */
  public DigitBuffer(EventExecutor executor) {
    this.executor = executor;
  }

  /** Hands {@code digit} to the longest-waiting reader, or buffers it. */
  public void add(char digit) {
    if (closed) {
      return;
    }
    Reader reader;
    while ((reader = readers.poll()) != null) {
      if (reader.complete(Optional.of(digit))) {
        return;
      }
    }
    if (digits.size() == CAPACITY) {
      digits.poll();
    }
    digits.add(digit);
  }

  /**
   * Completes {@code result} with the next buffered digit, or with the first to arrive within
   * {@code timeout}, or empty on timeout or close.
   */
  public void next(Duration timeout, CompletableFuture<Optional<Character>> result) {
    if (!digits.isEmpty()) {
      result.complete(Optional.of(digits.poll()));
      return;
    }
    if (closed || timeout.isNegative() || timeout.isZero()) {
      result.complete(Optional.empty());
      return;
    }
    Reader reader = new Reader(result);
    long nanos = (timeout.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : timeout).toNanos();
    reader.timeout = executor.schedule(() -> expire(reader), nanos, TimeUnit.NANOSECONDS);
    readers.add(reader);
  }

  /** Forgets the buffered digits; waiting readers keep waiting. */
  public void clear() {
    digits.clear();
  }

  /** How many digits are buffered. */
  public int size() {
    return digits.size();
  }

  /** Completes every waiting reader empty and refuses digits from now on. */
  public void close() {
    closed = true;
    digits.clear();
    Reader reader;
    while ((reader = readers.poll()) != null) {
      reader.complete(Optional.empty());
    }
  }

  private void expire(Reader reader) {
    if (readers.remove(reader)) {
      reader.result.complete(Optional.empty());
    }
  }

  /** A caller of {@link #next} still waiting. */
  private static final class Reader {
    final CompletableFuture<Optional<Character>> result;
    ScheduledFuture<?> timeout;

    Reader(CompletableFuture<Optional<Character>> result) {
      this.result = result;
    }

    /** False when the caller gave up (cancelled the future), so the digit goes to the next. */
    boolean complete(Optional<Character> digit) {
      timeout.cancel(false);
      return result.complete(digit);
    }
  }
}
