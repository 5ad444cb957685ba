package org.hotline.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.Test;

class LocationServiceTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T09:00:00Z"));
  private final List<String> events = new ArrayList<>();
  private final LocationService locations =
      new LocationService(
          clock,
          new RegistrationListener() {
            @Override
            public void registered(String user) {
              events.add("+" + user);
            }

            @Override
            public void unregistered(String user) {
              events.add("-" + user);
            }
          });

  private Binding binding(String contact, String callId, long cseq, int expires) {
    return new Binding(
        contact,
        "127.0.0.1",
        5080,
        "udp",
        callId,
        cseq,
        clock.instant().plusSeconds(expires),
        clock.instant(),
        false);
  }

  @Test
  void firstContact_registersTheUser_once() {
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5080", "a", 1, 60)));
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5081", "b", 1, 60)));
    assertEquals(List.of("+1001"), events);
    assertEquals(2, locations.bindings("1001").size());
  }

  @Test
  void newest_isTheMostRecentlyRegisteredContact() {
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5080", "a", 1, 60)));
    clock.advance(Duration.ofSeconds(5));
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5081", "b", 1, 60)));
    assertEquals("sip:1001@127.0.0.1:5081", locations.newest("1001").orElseThrow().contactUri());
  }

  @Test
  void zeroExpiry_removesTheContact_andTheLastOneUnregisters() {
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5080", "a", 1, 60)));
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5080", "a", 2, 0)));
    assertEquals(List.of("+1001", "-1001"), events);
    assertTrue(locations.newest("1001").isEmpty());
  }

  @Test
  void olderCSeqOfTheSameCallId_isIgnored() {
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5080", "a", 5, 60)));
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5080", "a", 4, 0)));
    assertEquals(1, locations.bindings("1001").size());
  }

  @Test
  void lapsedBindings_expire_andTellTheListener() {
    locations.update("1001", List.of(binding("sip:1001@127.0.0.1:5080", "a", 1, 60)));
    clock.advance((Duration.ofSeconds(61)));
    assertTrue(
        locations.bindings("1001").isEmpty(), "a lapsed binding is not used even before the sweep");
    locations.expire();
    assertEquals(List.of("+1001", "-1001"), events);
    assertEquals(0, locations.registeredUsers());
  }

  @Test
  void removeAll_unregisters() {
    locations.update(
        "1001",
        List.of(
            binding("sip:1001@127.0.0.1:5080", "a", 1, 60),
            binding("sip:1001@127.0.0.1:5081", "a", 1, 60)));
    locations.removeAll("1001");
    assertEquals(List.of("+1001", "-1001"), events);
  }

  @Test
  void aContactBoundToOneUser_isRefusedToAnother_untilItsBindingEnds() {
    String contact = "sip:1001@192.0.2.10:5060";
    assertTrue(locations.update("1001", List.of(binding(contact, "a", 1, 60))));

    assertEquals(
        false,
        locations.update("1002", List.of(binding(contact, "b", 1, 60))),
        "1002 would take 1001's calls");
    assertEquals(List.of(), locations.bindings("1002"));
    assertEquals(contact, locations.newest("1001").orElseThrow().contactUri());

    clock.advance(Duration.ofSeconds(61));
    assertTrue(
        locations.update("1002", List.of(binding(contact, "b", 2, 60))),
        "a lapsed binding frees its Contact");
    assertEquals(contact, locations.newest("1002").orElseThrow().contactUri());
  }

  @Test
  void aRefusedRegister_changesNothing_evenForItsOtherContacts() {
    locations.update("1001", List.of(binding("sip:1001@192.0.2.10:5060", "a", 1, 60)));

    assertEquals(
        false,
        locations.update(
            "1002",
            List.of(
                binding("sip:1002@192.0.2.11:5060", "b", 1, 60),
                binding("sip:1001@192.0.2.10:5060", "b", 1, 60))));
    assertEquals(List.of(), locations.bindings("1002"));
    assertTrue(
        locations.update("1003", List.of(binding("sip:1002@192.0.2.11:5060", "c", 1, 60))),
        "the first Contact was not kept");
  }

  @Test
  void unregistering_freesTheContact() {
    String contact = "sip:1001@192.0.2.10:5060";
    locations.update("1001", List.of(binding(contact, "a", 1, 60)));
    locations.update("1001", List.of(binding(contact, "a", 2, 0)));

    assertTrue(locations.update("1002", List.of(binding(contact, "b", 1, 60))));
  }
}
