package org.hotline.sip.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DigitBufferTest {

  private final EmbeddedChannel loop = new EmbeddedChannel();
  private final DigitBuffer buffer = new DigitBuffer(loop.eventLoop());

  @BeforeEach
  void freezeTime() {
    loop.freezeTime();
  }

  @Test
  void typeAhead_isReadInTheOrderPressed() {
    buffer.add('1');
    buffer.add('#');
    assertEquals(Optional.of('1'), next(Duration.ZERO).join());
    assertEquals(Optional.of('#'), next(Duration.ZERO).join());
    assertEquals(Optional.empty(), next(Duration.ZERO).join());
  }

  @Test
  void waitingReader_getsTheNextDigit() {
    CompletableFuture<Optional<Character>> digit = next(Duration.ofSeconds(5));
    assertFalse(digit.isDone());
    buffer.add('4');
    assertEquals(Optional.of('4'), digit.join());
    assertEquals(0, buffer.size());
  }

  @Test
  void waitingReader_timesOutEmpty() {
    CompletableFuture<Optional<Character>> digit = next(Duration.ofSeconds(5));
    loop.advanceTimeBy(4999, TimeUnit.MILLISECONDS);
    loop.runPendingTasks();
    assertFalse(digit.isDone());
    loop.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    loop.runPendingTasks();
    assertEquals(Optional.empty(), digit.join());
    buffer.add('1');
    assertEquals(1, buffer.size(), "a digit after the timeout stays buffered");
  }

  @Test
  void readerThatGaveUp_doesNotSwallowTheDigit() {
    CompletableFuture<Optional<Character>> abandoned = next(Duration.ofSeconds(5));
    abandoned.cancel(false);
    buffer.add('8');
    assertEquals(Optional.of('8'), next(Duration.ZERO).join());
  }

  @Test
  void close_completesWaitingReadersEmpty_andRefusesDigits() {
    CompletableFuture<Optional<Character>> digit = next(Duration.ofSeconds(5));
    buffer.close();
    assertEquals(Optional.empty(), digit.join());
    buffer.add('1');
    assertEquals(Optional.empty(), next(Duration.ofSeconds(1)).join());
  }

  @Test
  void clear_forgetsTypeAhead() {
    buffer.add('1');
    buffer.clear();
    assertEquals(Optional.empty(), next(Duration.ZERO).join());
  }

  @Test
  void overflow_forgetsTheOldestDigit() {
    for (int i = 0; i < DigitBuffer.CAPACITY; i++) {
      buffer.add('1');
    }
    buffer.add('2');
    assertEquals(DigitBuffer.CAPACITY, buffer.size());
  }

  private CompletableFuture<Optional<Character>> next(Duration timeout) {
    CompletableFuture<Optional<Character>> result = new CompletableFuture<>();
    buffer.next(timeout, result);
    return result;
  }
}
