package org.hotline.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {
  @Test
  void answersFromMemory_andOnlyAReloadReadsTheSourceAgain() {
    AtomicInteger reads = new AtomicInteger();
    AtomicReference<Map<String, Map<String, String>>> table =
        new AtomicReference<>(Map.of("1001", Map.of("MD5", "aa", "SHA-256", "bb")));
    CredentialCache cache =
        new CredentialCache(
            "hotline",
            () -> {
              reads.incrementAndGet();
              return table.get();
            });

    for (int i = 0; i < 100; i++) {
      assertEquals(Optional.of("aa"), cache.ha1("1001", "hotline", "md5"));
    }
    assertEquals(Optional.of("bb"), cache.ha1("1001", "hotline", "SHA-256"));
    assertEquals(Optional.empty(), cache.ha1("1001", "other-realm", "MD5"));
    assertEquals(Optional.empty(), cache.ha1("1002", "hotline", "MD5"));
    assertEquals(1, reads.get());

    table.set(Map.of("1002", Map.of("MD5", "cc")));
    cache.reload();

    assertEquals(Optional.empty(), cache.ha1("1001", "hotline", "MD5"), "a disabled agent is gone");
    assertEquals(Optional.of("cc"), cache.ha1("1002", "hotline", "MD5"));
    assertEquals(2, reads.get());
  }
}
