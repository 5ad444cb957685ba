package org.hotline.sip.media.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PortAllocatorTest {

  @Test
  void handsOutEvenPortsOnly_roundRobin() {
    PortAllocator ports = new PortAllocator(10001, 10008);
    assertEquals(4, ports.capacity());
    assertEquals(10002, ports.reserve());
    assertEquals(10004, ports.reserve());
    ports.release(10002);
    assertEquals(10006, ports.reserve(), "a released port is reused as late as possible");
    assertEquals(10008, ports.reserve());
    assertEquals(10002, ports.reserve());
    assertEquals(-1, ports.reserve());
    assertEquals(4, ports.inUse());
  }

  @Test
  void release_ofAPortNotHandedOut_isIgnored() {
    PortAllocator ports = new PortAllocator(20000, 20002);
    ports.release(20000);
    ports.release(20001);
    ports.release(30000);
    assertEquals(0, ports.inUse());
    assertEquals(20000, ports.reserve());
  }

  @Test
  void rangeWithoutAnEvenPort_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PortAllocator(10001, 10001));
    assertThrows(IllegalArgumentException.class, () -> new PortAllocator(10010, 10000));
  }
}
