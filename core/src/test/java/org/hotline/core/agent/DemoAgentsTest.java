package org.hotline.core.agent;

import static org.hotline.core.db.jooq.Tables.AGENT_QUEUE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.config.DemoSettings;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAgentsTest {
  static final String REALM = "hotline";

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
    assertEquals(3, DemoAgents.seed(agents, new DemoSettings(true, "pw", 3), REALM));

    assertEquals(
        List.of(
            new Agent("1001", "Agent 1001", "1001", DemoAgents.QUEUES),
            new Agent("1002", "Agent 1002", "1002", DemoAgents.QUEUES),
            new Agent("1003", "Agent 1003", "1003", DemoAgents.QUEUES)),
        agents.all());
    assertEquals(Optional.of(DigestHash.md5Ha1("1002", REALM, "pw")), agents.ha1("1002", "MD5", REALM));
  }

  @Test
  void seed_thousandAgentsTwice_isIdempotent_andTakesTheNewPassword() {
    DemoAgents.seed(agents, new DemoSettings(true, "first", 1000), REALM);
    DemoAgents.seed(agents, new DemoSettings(true, "second", 1000), REALM);

    assertEquals(1000, agents.all().size());
    assertEquals(1000 * DemoAgents.QUEUES.size(), db.dsl().fetchCount(AGENT_QUEUE));
    assertEquals(Optional.of(DigestHash.sha256Ha1("2000", REALM, "second")), agents.ha1("2000", "SHA-256", REALM));
  }

  @Test
  void seed_whenTheDemoIsDisabled_seedsNothing() {
    assertEquals(0, DemoAgents.seed(agents, new DemoSettings(false, "pw", 10), REALM));

    assertEquals(List.of(), agents.all());
  }
}
