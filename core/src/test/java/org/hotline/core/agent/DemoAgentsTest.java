package org.hotline.core.agent;

import static org.hotline.core.db.jooq.Tables.AGENT_QUEUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.config.DemoSettings;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.hotline.core.user.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAgentsTest {
  static final String REALM = "hotline";
  static final PasswordHash HASHER = new PasswordHash(1_000);

  /** The desk password hash the demo agents are seeded with: that of "desk-pw". */
  static final String DESK = HASHER.hash("desk-pw");

  @TempDir Path dir;
  Database db;
  AgentRepository agents;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    agents = new AgentRepository(db.dsl(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void seed_createsNumberedAgentsServingTheDemoQueues() {
    assertEquals(
        List.of("1001", "1002", "1003"),
        DemoAgents.seed(agents, new DemoSettings(true, "pw", 3), REALM, "pw", DESK));

    assertEquals(
        List.of(
            new Agent("1001", "Agent 1001", "1001", DemoAgents.QUEUES),
            new Agent("1002", "Agent 1002", "1002", DemoAgents.QUEUES),
            new Agent("1003", "Agent 1003", "1003", DemoAgents.QUEUES)),
        agents.all());
    assertEquals(
        Optional.of(DigestHash.md5Ha1("1002", REALM, "pw")), agents.ha1("1002", "MD5", REALM));
  }

  @Test
  void seed_thousandAgentsTwice_isIdempotent() {
    assertEquals(
        1000,
        DemoAgents.seed(agents, new DemoSettings(true, "first", 1000), REALM, "first", DESK)
            .size());
    assertEquals(
        List.of(),
        DemoAgents.seed(agents, new DemoSettings(true, "first", 1000), REALM, "first", DESK));

    assertEquals(1000, agents.all().size());
    assertEquals(1000 * DemoAgents.QUEUES.size(), db.dsl().fetchCount(AGENT_QUEUE));
    assertEquals(
        Optional.of(DigestHash.sha256Ha1("2000", REALM, "first")),
        agents.ha1("2000", "SHA-256", REALM));
  }

  @Test
  void seed_atTheNextStart_keepsThePasswordAnAdministratorGave_andSeedsOnlyTheAgentsMissing() {
    DemoAgents.seed(agents, new DemoSettings(true, "hotline", 2), REALM, "hotline", DESK);
    agents.upsert(new Agent("1001", "Li Na", "1001", Set.of("vip")), REALM, "changed-by-admin");
    agents.setEnabled("1002", false);

    List<String> created =
        DemoAgents.seed(agents, new DemoSettings(true, "hotline", 3), REALM, "hotline", DESK);

    assertEquals(List.of("1003"), created);
    assertEquals(
        Optional.of(DigestHash.md5Ha1("1001", REALM, "changed-by-admin")),
        agents.ha1("1001", "MD5", REALM));
    assertEquals(
        new Agent("1001", "Li Na", "1001", Set.of("vip")),
        agents.byId("1001").orElseThrow(),
        "nor the rest of it");
    assertEquals(Optional.empty(), agents.byId("1002"), "a disabled demo agent stays disabled");
  }

  @Test
  void replacePassword_givesANewOneToTheDemoAgentsStillHoldingTheOld_only() {
    DemoAgents.seed(agents, new DemoSettings(true, "hotline", 3), REALM, "hotline", DESK);
    agents.upsert(
        new Agent("1002", "Agent 1002", "1002", DemoAgents.QUEUES), REALM, "changed-by-admin");

    List<String> replaced =
        DemoAgents.replacePassword(
            agents, new DemoSettings(true, "hotline", 3), REALM, "hotline", "fresh-one");

    assertEquals(List.of("1001", "1003"), replaced);
    assertEquals(
        Optional.of(DigestHash.md5Ha1("1001", REALM, "fresh-one")),
        agents.ha1("1001", "MD5", REALM));
    assertEquals(
        Optional.of(DigestHash.sha256Ha1("1003", REALM, "fresh-one")),
        agents.ha1("1003", "SHA-256", REALM));
    assertEquals(
        Optional.of(DigestHash.md5Ha1("1002", REALM, "changed-by-admin")),
        agents.ha1("1002", "MD5", REALM));
    assertEquals(
        DemoAgents.QUEUES, agents.byId("1001").orElseThrow().queues(), "only the password changes");
  }

  @Test
  void seed_givesEveryNewDemoAgentTheDeskPassword_andLeavesAnExistingAgentsDeskPassword() {
    DemoAgents.seed(agents, new DemoSettings(true, "hotline", 1), REALM, "hotline", DESK);
    agents.setDeskPasswordHash("1001", HASHER.hash("set-by-the-agent"));

    DemoAgents.seed(agents, new DemoSettings(true, "hotline", 2), REALM, "hotline", DESK);

    assertTrue(HASHER.verify("set-by-the-agent", agents.deskPasswordHash("1001").orElseThrow()));
    assertTrue(HASHER.verify("desk-pw", agents.deskPasswordHash("1002").orElseThrow()));
  }

  @Test
  void replaceDeskPassword_givesANewOneToTheDemoAgentsStillHoldingTheOld_only() {
    DemoAgents.seed(agents, new DemoSettings(true, "hotline", 3), REALM, "hotline", DESK);
    agents.setDeskPasswordHash("1002", HASHER.hash("changed-by-agent"));
    String fresh = HASHER.hash("fresh-one");

    List<String> replaced =
        DemoAgents.replaceDeskPassword(
            agents, new DemoSettings(true, "hotline", 3), HASHER, "desk-pw", fresh);

    assertEquals(List.of("1001", "1003"), replaced);
    assertTrue(HASHER.verify("fresh-one", agents.deskPasswordHash("1003").orElseThrow()));
    assertTrue(HASHER.verify("changed-by-agent", agents.deskPasswordHash("1002").orElseThrow()));
    assertEquals(
        Optional.of(DigestHash.md5Ha1("1001", REALM, "hotline")),
        agents.ha1("1001", "MD5", REALM),
        "the SIP password stays");
  }

  @Test
  void seed_whenTheDemoIsDisabled_seedsNothing() {
    assertEquals(
        List.of(), DemoAgents.seed(agents, new DemoSettings(false, "pw", 10), REALM, "pw", DESK));

    assertEquals(List.of(), agents.all());
  }
}
