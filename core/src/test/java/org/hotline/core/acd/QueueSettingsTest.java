package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.hotline.config.AcdSettings;
import org.junit.jupiter.api.Test;

/** What a queue's settings accept: ring time, overflow queue, and the defaults they start from. */
class QueueSettingsTest {
  @Test
  void theDefaults_comeFromTheAcdSettings_withoutAnOverflow() {
    QueueSettings s = QueueSettings.from(new AcdSettings(Duration.ofSeconds(25)));
    assertEquals(Duration.ofSeconds(25), s.ringTimeout());
    assertEquals("", s.overflow());
  }

  @Test
  void aRingTimeout_isOneSecondToFiveMinutes() {
    assertEquals(
        Duration.ofSeconds(1),
        QueueSettings.DEFAULTS.withRingTimeout(Duration.ofSeconds(1)).ringTimeout());
    assertEquals(
        Duration.ofMinutes(5),
        QueueSettings.DEFAULTS.withRingTimeout(Duration.ofMinutes(5)).ringTimeout());
    assertThrows(
        IllegalArgumentException.class,
        () -> QueueSettings.DEFAULTS.withRingTimeout(Duration.ofMillis(999)));
    assertThrows(
        IllegalArgumentException.class,
        () -> QueueSettings.DEFAULTS.withRingTimeout(Duration.ofMinutes(5).plusSeconds(1)));
  }

  @Test
  void anOverflow_isAQueueName_orNone() {
    assertEquals("support-2", QueueSettings.DEFAULTS.withOverflow("support-2").overflow());
    assertEquals("", QueueSettings.DEFAULTS.withOverflow(null).overflow());
    assertEquals("", QueueSettings.DEFAULTS.withOverflow("").overflow());
    assertThrows(
        IllegalArgumentException.class, () -> QueueSettings.DEFAULTS.withOverflow("Sales"));
    assertThrows(
        IllegalArgumentException.class, () -> QueueSettings.DEFAULTS.withOverflow("sales queue"));
  }
}
