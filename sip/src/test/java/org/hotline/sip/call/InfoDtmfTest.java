package org.hotline.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InfoDtmfTest {
  @Test
  void dtmfRelay_readsTheSignalLine() {
    assertEquals(Optional.of('5'), InfoDtmf.parse("dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
    assertEquals(Optional.of('#'), InfoDtmf.parse("dtmf-relay", "Duration=250\nSignal= #\n"));
  }

  @Test
  void dtmf_isTheKeyAlone() {
    assertEquals(Optional.of('*'), InfoDtmf.parse("dtmf", "*\r\n"));
    assertEquals(Optional.of('A'), InfoDtmf.parse("dtmf", "a"));
  }

  @Test
  void bodiesWithoutAKey_areEmpty() {
    assertEquals(Optional.empty(), InfoDtmf.parse("dtmf-relay", "Duration=160"));
    assertEquals(Optional.empty(), InfoDtmf.parse("dtmf-relay", "Signal=12"));
    assertEquals(Optional.empty(), InfoDtmf.parse("dtmf", "x"));
    assertEquals(Optional.empty(), InfoDtmf.parse("dtmf", ""));
  }

  @Test
  void contentTypes() {
    assertTrue(InfoDtmf.isDtmf("application", "dtmf-relay"));
    assertTrue(InfoDtmf.isDtmf("Application", "DTMF"));
    assertFalse(InfoDtmf.isDtmf("application", "media_control+xml"));
  }
}
