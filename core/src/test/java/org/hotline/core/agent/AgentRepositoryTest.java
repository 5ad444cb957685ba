package org.hotline.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRepositoryTest {
  static final String REALM = "hotline.example";

  @TempDir Path dir;
  Database db;
  AgentRepository agents;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    agents =
        new AgentRepository(
            db.dsl(), Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Agent alice() {
    return new Agent("7", "Alice", "alice", Set.of("sales", "support"));
  }

  @Test
  void upsert_storesBothHa1s_notThePassword() {
    agents.upsert(alice(), REALM, "s3cret");

    assertEquals(
        Optional.of(DigestHash.md5Ha1("alice", REALM, "s3cret")),
        agents.ha1("alice", "MD5", REALM));
    assertEquals(
        Optional.of(DigestHash.sha256Ha1("alice", REALM, "s3cret")),
        agents.ha1("alice", "SHA-256", REALM));
    String row = db.dsl().fetch("SELECT * FROM agent").formatCSV();
    assertTrue(!row.contains("s3cret"), row);
  }

  @Test
  void deskPassword_isNoneAtFirst_thenTheHashGiven_keptWhenTheSipPasswordChanges() {
    agents.upsert(alice(), REALM, "s3cret");
    assertEquals(Optional.empty(), agents.deskPasswordHash("7"));
    assertEquals(Set.of(), agents.withDeskPassword());

    assertTrue(agents.setDeskPasswordHash("7", "pbkdf2-sha256$1000$c2FsdA$aGFzaA"));
    agents.upsert(alice(), REALM, "another-sip-secret");

    assertEquals(Optional.of("pbkdf2-sha256$1000$c2FsdA$aGFzaA"), agents.deskPasswordHash("7"));
    assertEquals(Set.of("7"), agents.withDeskPassword());
    assertFalse(agents.setDeskPasswordHash("8", "pbkdf2-sha256$1000$c2FsdA$aGFzaA"), "no agent 8");
  }

  @Test
  void createMissing_storesTheDeskHashOfNewAgentsOnly() {
    agents.upsert(alice(), REALM, "s3cret");
    Agent bob = new Agent("8", "Bob", "bob", Set.of("sales"));

    assertEquals(
        List.of("8"),
        agents.createMissing(List.of(alice(), bob), REALM, a -> "pw", a -> "desk-hash-" + a.id()));

    assertEquals(Optional.empty(), agents.deskPasswordHash("7"));
    assertEquals(Optional.of("desk-hash-8"), agents.deskPasswordHash("8"));
  }

  @Test
  void ha1_ofAnotherRealm_isEmpty() {
    agents.upsert(alice(), REALM, "s3cret");

    assertEquals(Optional.empty(), agents.ha1("alice", "MD5", "other.example"));
  }

  @Test
  void ha1_ofAnUnknownUser_isEmpty() {
    agents.upsert(alice(), REALM, "s3cret");

    assertEquals(Optional.empty(), agents.ha1("mallory", "MD5", REALM));
    assertEquals(Optional.empty(), agents.ha1(null, "MD5", REALM));
  }

  @Test
  void ha1_withAnUnsupportedAlgorithm_isEmpty() {
    agents.upsert(alice(), REALM, "s3cret");

    assertEquals(Optional.empty(), agents.ha1("alice", "SHA-512-256", REALM));
  }

  @Test
  void ha1_ofADisabledAgent_isEmpty_andTheAgentIsNotListed() {
    agents.upsert(alice(), REALM, "s3cret");
    assertTrue(agents.setEnabled("7", false));

    assertEquals(Optional.empty(), agents.ha1("alice", "SHA-256", REALM));
    assertEquals(List.of(), agents.all());
    assertEquals(Optional.empty(), agents.bySipUser("alice"));
    assertTrue(agents.exists("7"), "the id stays the agent's");
    assertFalse(agents.exists("8"));
  }

  @Test
  void upsert_again_updatesCredentialsNameAndQueues_andKeepsTheEnabledFlag() {
    agents.upsert(alice(), REALM, "old");
    agents.setEnabled("7", false);
    agents.upsert(new Agent("7", "Alice B.", "alice", Set.of("vip")), REALM, "new");
    agents.setEnabled("7", true);

    assertEquals(List.of(new Agent("7", "Alice B.", "alice", Set.of("vip"))), agents.all());
    assertEquals(
        Optional.of(DigestHash.md5Ha1("alice", REALM, "new")), agents.ha1("alice", "md5", REALM));
  }

  @Test
  void all_listsEnabledAgentsWithTheirQueues_includingAgentsWithoutQueues() {
    agents.upsert(alice(), REALM, "a");
    agents.upsert(new Agent("8", "Bob", "bob", Set.of()), REALM, "b");

    assertEquals(List.of(alice(), new Agent("8", "Bob", "bob", Set.of())), agents.all());
  }

  @Test
  void skillLevels_areStoredPerQueue_andDefaultToOne() {
    Agent skilled =
        new Agent("9", "Carol", "carol", Set.of("sales", "support"), java.util.Map.of("sales", 4));
    agents.upsert(skilled, REALM, "c");

    Agent read = agents.byId("9").orElseThrow();
    assertEquals(4, read.level("sales"));
    assertEquals(1, read.level("support"));
    assertEquals(skilled, read);

    agents.upsert(
        new Agent("9", "Carol", "carol", Set.of("sales"), java.util.Map.of("sales", 2)),
        REALM,
        "c");
    assertEquals(java.util.Map.of("sales", 2), agents.byId("9").orElseThrow().levels());
  }

  @Test
  void bySipUser_findsTheAgent() {
    agents.upsert(alice(), REALM, "a");

    assertEquals(Optional.of(alice()), agents.bySipUser("alice"));
    assertEquals(Optional.empty(), agents.bySipUser("bob"));
  }
}
