package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadBodyTest {
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final ReadSwitch reads = new ReadSwitch(channel);

  private UploadBody body(long limit) {
    // The event loop's tasks run at once: the test is the event loop and the worker in turn.
    return new UploadBody(limit, reads, Runnable::run);
  }

  private static ByteBuf part(int size, int fill) {
    ByteBuf buf = Unpooled.buffer(size);
    for (int i = 0; i < size; i++) {
      buf.writeByte(fill);
    }
    return buf;
  }

  @Test
  void moreThanTheHighWaterWaiting_stopsTheConnectionsReading_untilTheRouteHasReadItDown()
      throws Exception {
    UploadBody body = body(Long.MAX_VALUE);
    List<ByteBuf> parts = new ArrayList<>();
    for (int i = 0; i * 16 * 1024 < UploadBody.HIGH_WATER; i++) {
      assertTrue(channel.config().isAutoRead(), "reading while less than the high water waits");
      ByteBuf part = part(16 * 1024, i);
      parts.add(part);
      assertTrue(body.offer(part));
    }
    assertFalse(channel.config().isAutoRead(), "stopped at the high water");

    byte[] into = new byte[16 * 1024];
    int read = 0;
    while (UploadBody.HIGH_WATER - read >= UploadBody.LOW_WATER) {
      assertFalse(channel.config().isAutoRead(), "still stopped above the low water");
      assertEquals(into.length, body.read(into, 0, into.length));
      read += into.length;
    }
    assertTrue(channel.config().isAutoRead(), "reading again below the low water");
    assertEquals((read / into.length) - 1, into[0], "in order");

    body.end();
    while (body.read(into, 0, into.length) > 0) {
      // the rest
    }
    assertEquals(-1, body.read(into, 0, into.length));
    assertTrue(body.complete());
    parts.forEach(p -> assertEquals(0, p.refCnt(), "every part released once read"));
  }

  @Test
  void aBodyOverItsLimit_throwsTooLarge_andDropsTheRest() {
    UploadBody body = body(10);
    ByteBuf first = part(8, 'a');
    ByteBuf over = part(8, 'b');
    assertTrue(body.offer(first));
    assertFalse(body.offer(over), "the rest is to be dropped");
    assertEquals(0, over.refCnt());

    UploadBody.TooLarge e =
        assertThrows(UploadBody.TooLarge.class, () -> body.read(new byte[4], 0, 4));
    assertEquals(10, e.limit);
    assertFalse(body.complete());
    body.close();
    assertEquals(0, first.refCnt());
  }

  @Test
  void aConnectionClosedBeforeTheEnd_failsTheRead() {
    UploadBody body = body(100);
    body.fail(new IOException("gone"));
    IOException e = assertThrows(IOException.class, () -> body.read(new byte[4], 0, 4));
    assertEquals("gone", e.getMessage());
  }

  @Test
  void aBodyClosedByItsRoute_dropsWhatComesAfter_andLetsTheConnectionRead() throws Exception {
    UploadBody body = body(Long.MAX_VALUE);
    ByteBuf big = part(UploadBody.HIGH_WATER, 'x');
    body.offer(big);
    assertFalse(channel.config().isAutoRead());
    byte[] three = new byte[3];
    body.offer(Unpooled.wrappedBuffer("abc".getBytes()));
    body.close();
    assertTrue(channel.config().isAutoRead(), "the rest flows, to be dropped");
    assertEquals(0, big.refCnt());
    ByteBuf late = part(4, 'y');
    body.offer(late);
    assertEquals(0, late.refCnt());
    assertThrows(IOException.class, () -> body.read(three, 0, 3));
    assertArrayEquals(new byte[3], three);
  }
}
