package org.hotline.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hotline.config.DataSettings;
import org.hotline.config.DemoSettings;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.agent.DemoAgents;
import org.hotline.core.db.Database;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DemoAgentsBootstrapTest {
  static final String REALM = "hotline";
  static final DemoSettings DEFAULT = new DemoSettings(true, DemoSettings.WELL_KNOWN_PASSWORD, 3);

  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @TempDir Path dir;
  Database db;
  AgentRepository agents;
  DemoAgentsBootstrap bootstrap;

  @BeforeEach
  void start() {
    db = new Database(new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    agents = new AgentRepository(db.dsl(), new ManualClock(Instant.parse("2026-03-01T08:00:00Z")));
    bootstrap = new DemoAgentsBootstrap(agents, REALM, new PrintStream(printed, true, StandardCharsets.UTF_8));
    logged.start();
    ((Logger) LoggerFactory.getLogger(DemoAgentsBootstrap.class)).addAppender(logged);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(DemoAgentsBootstrap.class)).detachAppender(logged);
    db.close();
  }

  String out() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onLoopback_theDemoAgentsGetTheWellKnownPassword_andNothingIsPrinted() {
    assertNull(bootstrap.run(DEFAULT, false));

    assertTrue(agents.hasPassword("1003", REALM, "hotline"));
    assertEquals("", out());
  }

  @Test
  void aRestart_keepsThePasswordAnAdministratorGaveADemoAgent() {
    bootstrap.run(DEFAULT, false);
    agents.upsert(new Agent("1002", "Agent 1002", "1002", DemoAgents.QUEUES), REALM, "chosen-by-admin");

    bootstrap.run(DEFAULT, false);

    assertTrue(agents.hasPassword("1002", REALM, "chosen-by-admin"));
  }

  @Test
  void beyondLoopback_theWellKnownPasswordIsRefused_aRandomOneIsGiven_andPrintedOnceOnStandardOutputOnly() {
    String password = bootstrap.run(DEFAULT, true);

    assertNotNull(password);
    assertNotEquals("hotline", password);
    assertTrue(password.length() >= 16, password);
    for (String id : List.of("1001", "1002", "1003")) {
      assertTrue(agents.hasPassword(id, REALM, password), id);
    }
    assertEquals(1, out().lines().count(), out());
    assertTrue(out().contains("demo agents 1001-1003") && out().endsWith(password + System.lineSeparator()), out());
    assertTrue(logged.list.stream().anyMatch(e -> e.getLevel() == Level.WARN), "a WARN line says a password was made");
    assertFalse(logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains(password)), "the password stays out of the log");

    assertNull(bootstrap.run(DEFAULT, true), "the next start generates nothing");
    assertEquals(1, out().lines().count(), "nor prints anything");
    assertTrue(agents.hasPassword("1001", REALM, password), "and keeps the password printed");
  }

  @Test
  void beyondLoopback_demoAgentsStillHoldingTheWellKnownPasswordGetTheGeneratedOne_othersKeepTheirs() {
    bootstrap.run(DEFAULT, false);
    agents.upsert(new Agent("1002", "Agent 1002", "1002", DemoAgents.QUEUES), REALM, "chosen-by-admin");

    String password = bootstrap.run(DEFAULT, true);

    assertNotNull(password);
    assertTrue(agents.hasPassword("1001", REALM, password));
    assertTrue(agents.hasPassword("1003", REALM, password));
    assertTrue(agents.hasPassword("1002", REALM, "chosen-by-admin"));
    assertTrue(out().contains("demo agents 1001, 1003"), out());
  }

  @Test
  void beyondLoopback_aPasswordOfTheOperatorsOwnIsTaken_andNothingIsPrinted() {
    assertNull(bootstrap.run(new DemoSettings(true, "operators-own", 2), true));

    assertTrue(agents.hasPassword("1002", REALM, "operators-own"));
    assertEquals("", out());
  }

  @Test
  void beyondLoopback_onlyLoopbackAddressesAndNamesAreNot() {
    assertFalse(DemoAgentsBootstrap.beyondLoopback("127.0.0.1", "127.0.1.1"));
    assertFalse(DemoAgentsBootstrap.beyondLoopback("::1", "localhost"));
    assertTrue(DemoAgentsBootstrap.beyondLoopback("127.0.0.1", "0.0.0.0"), "the default binds every interface");
    assertTrue(DemoAgentsBootstrap.beyondLoopback("10.1.2.3", "127.0.0.1"));
    assertTrue(DemoAgentsBootstrap.beyondLoopback("::", "127.0.0.1"));
  }
}
