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
import org.hotline.core.user.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DemoAgentsBootstrapTest {
  static final String REALM = "hotline";
  static final DemoSettings DEFAULT = new DemoSettings(true, DemoSettings.WELL_KNOWN_PASSWORD, 3);
  static final PasswordHash HASHER = new PasswordHash(1_000);

  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @TempDir Path dir;
  Database db;
  AgentRepository agents;
  DemoAgentsBootstrap bootstrap;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    agents = new AgentRepository(db.dsl(), new ManualClock(Instant.parse("2026-03-01T08:00:00Z")));
    bootstrap =
        new DemoAgentsBootstrap(
            agents, REALM, HASHER, new PrintStream(printed, true, StandardCharsets.UTF_8));
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

  boolean hasDeskPassword(String id, String password) {
    return agents.deskPasswordHash(id).map(hash -> HASHER.verify(password, hash)).orElse(false);
  }

  @Test
  void onLoopback_theDemoAgentsGetTheWellKnownPassword_asSipAndDeskPassword_andNothingIsPrinted() {
    assertNull(bootstrap.run(DEFAULT, false));

    assertTrue(agents.hasPassword("1003", REALM, "hotline"));
    assertTrue(hasDeskPassword("1003", "hotline"));
    assertEquals("", out());
  }

  @Test
  void aRestart_keepsTheDeskPasswordAnAgentChose_andGivesNoneToADemoAgentThatExists() {
    agents.upsert(new Agent("1001", "Agent 1001", "1001", DemoAgents.QUEUES), REALM, "hotline");
    bootstrap.run(DEFAULT, false);
    agents.setDeskPasswordHash("1002", HASHER.hash("chosen-by-agent"));

    bootstrap.run(DEFAULT, false);

    assertTrue(hasDeskPassword("1002", "chosen-by-agent"));
    assertTrue(agents.deskPasswordHash("1001").isEmpty(), "an agent that existed is not seeded");
  }

  @Test
  void aRestart_keepsThePasswordAnAdministratorGaveADemoAgent() {
    bootstrap.run(DEFAULT, false);
    agents.upsert(
        new Agent("1002", "Agent 1002", "1002", DemoAgents.QUEUES), REALM, "chosen-by-admin");

    bootstrap.run(DEFAULT, false);

    assertTrue(agents.hasPassword("1002", REALM, "chosen-by-admin"));
  }

  @Test
  void
      beyondLoopback_theWellKnownPasswordIsRefused_randomOnesAreGiven_andPrintedOnceOnStandardOutputOnly() {
    DemoAgentsBootstrap.Generated generated = bootstrap.run(DEFAULT, true);

    String password = generated.sip();
    String desk = generated.desk();
    assertNotNull(password);
    assertNotNull(desk);
    assertNotEquals("hotline", password);
    assertNotEquals(password, desk, "the SIP password does not open the desktop");
    assertTrue(password.length() >= 16 && desk.length() >= 16, password + " " + desk);
    for (String id : List.of("1001", "1002", "1003")) {
      assertTrue(agents.hasPassword(id, REALM, password), id);
      assertTrue(hasDeskPassword(id, desk), id);
    }
    List<String> lines = out().lines().toList();
    assertEquals(2, lines.size(), out());
    assertTrue(
        lines.get(0).contains("SIP password of demo agents 1001-1003")
            && lines.get(0).endsWith(password),
        out());
    assertTrue(
        lines.get(1).contains("desk password of demo agents 1001-1003")
            && lines.get(1).endsWith(desk),
        out());
    assertTrue(
        logged.list.stream().anyMatch(e -> e.getLevel() == Level.WARN),
        "a WARN line says a password was made");
    assertFalse(
        logged.list.stream()
            .anyMatch(
                e ->
                    e.getFormattedMessage().contains(password)
                        || e.getFormattedMessage().contains(desk)),
        "the passwords stay out of the log");

    assertNull(bootstrap.run(DEFAULT, true), "the next start generates nothing");
    assertEquals(2, out().lines().count(), "nor prints anything");
    assertTrue(agents.hasPassword("1001", REALM, password), "and keeps the password printed");
    assertTrue(hasDeskPassword("1001", desk), "and the desk password printed");
  }

  @Test
  void
      beyondLoopback_demoAgentsStillHoldingTheWellKnownSipOrDeskPasswordGetTheGeneratedOne_othersKeepTheirs() {
    bootstrap.run(DEFAULT, false);
    agents.upsert(
        new Agent("1002", "Agent 1002", "1002", DemoAgents.QUEUES), REALM, "chosen-by-admin");

    agents.setDeskPasswordHash("1003", HASHER.hash("chosen-by-agent"));

    DemoAgentsBootstrap.Generated generated = bootstrap.run(DEFAULT, true);

    String password = generated.sip();
    assertNotNull(password);
    assertTrue(agents.hasPassword("1001", REALM, password));
    assertTrue(agents.hasPassword("1003", REALM, password));
    assertTrue(agents.hasPassword("1002", REALM, "chosen-by-admin"));
    assertTrue(out().contains("SIP password of demo agents 1001, 1003"), out());
    assertTrue(
        hasDeskPassword("1001", generated.desk()) && hasDeskPassword("1002", generated.desk()));
    assertTrue(hasDeskPassword("1003", "chosen-by-agent"));
    assertTrue(out().contains("desk password of demo agents 1001, 1002"), out());
  }

  @Test
  void beyondLoopback_aPasswordOfTheOperatorsOwnIsTaken_andNothingIsPrinted() {
    assertNull(bootstrap.run(new DemoSettings(true, "operators-own", 2), true));

    assertTrue(agents.hasPassword("1002", REALM, "operators-own"));
    assertTrue(hasDeskPassword("1002", "operators-own"));
    assertEquals("", out());
  }

  @Test
  void beyondLoopback_onlyLoopbackAddressesAndNamesAreNot() {
    assertFalse(DemoAgentsBootstrap.beyondLoopback("127.0.0.1", "127.0.1.1"));
    assertFalse(DemoAgentsBootstrap.beyondLoopback("::1", "localhost"));
    assertTrue(
        DemoAgentsBootstrap.beyondLoopback("127.0.0.1", "0.0.0.0"),
        "the default binds every interface");
    assertTrue(DemoAgentsBootstrap.beyondLoopback("10.1.2.3", "127.0.0.1"));
    assertTrue(DemoAgentsBootstrap.beyondLoopback("::", "127.0.0.1"));
  }
}
