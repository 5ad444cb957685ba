package org.hotline.cti.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.config.DataSettings;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.db.Database;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agents 1001 (SIP password s3cret-1001, desk password desk-pw-1001), 1002 (disabled, desk password
 * desk-pw-1002) and 1003 (SIP password s3cret-1003, no desk password); integration crm.
 */
class CtiLoginsTest {
  static final String REALM = "hotline.local";
  static final PasswordHash HASHER = new PasswordHash(1_000);

  @org.junit.jupiter.api.io.TempDir Path dir;
  Database db;
  AgentRepository agents;
  CtiLogins logins;

  @BeforeEach
  void open() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    agents = new AgentRepository(db.dsl(), Clock.systemUTC());
    agents.upsert(new Agent("1001", "Li Lei", "sip1001", Set.of("sales")), REALM, "s3cret-1001");
    agents.setDeskPasswordHash("1001", HASHER.hash("desk-pw-1001"));
    agents.upsert(
        new Agent("1002", "Han Meimei", "sip1002", Set.of("sales")), REALM, "s3cret-1002");
    agents.setDeskPasswordHash("1002", HASHER.hash("desk-pw-1002"));
    agents.setEnabled("1002", false);
    agents.upsert(new Agent("1003", "Wang Wei", "sip1003", Set.of("sales")), REALM, "s3cret-1003");
    logins = new CtiLogins(agents, HASHER, Map.of("crm", "crm-pass-Λ"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void agent_withTheirIdAndDeskPassword_isAnAgent() {
    assertEquals(
        Optional.of(new User("1001", Role.AGENT)), logins.authenticate("1001", "desk-pw-1001"));
  }

  @Test
  void agent_withTheirSipPassword_isRefused() {
    assertEquals(Optional.empty(), logins.authenticate("1001", "s3cret-1001"));
  }

  @Test
  void agent_withoutADeskPassword_isRefused_whateverThePassword() {
    assertEquals(Optional.empty(), logins.authenticate("1003", "s3cret-1003"));
    assertEquals(Optional.empty(), logins.authenticate("1003", ""));
    assertEquals(Optional.empty(), logins.authenticate("1003", "desk-pw-1001"));
  }

  @Test
  void integration_withItsConfiguredPassword_isAnIntegration() {
    assertEquals(
        Optional.of(new User("crm", Role.INTEGRATION)), logins.authenticate("crm", "crm-pass-Λ"));
  }

  @ParameterizedTest
  @CsvSource({
    "1001, wrong",
    "1001, DESK-PW-1001",
    "sip1001, desk-pw-1001",
    "1002, desk-pw-1002",
    "9999, desk-pw-1001",
    "crm, crm-pass",
    "crm, desk-pw-1001",
    "'', desk-pw-1001",
    "1001, ''",
  })
  void wrongPassword_unknownOrDisabledUser_areRefusedAlike(String name, String password) {
    assertEquals(Optional.empty(), logins.authenticate(name, password));
  }

  @Test
  void missingOrOverLongInput_isRefused() {
    assertEquals(Optional.empty(), logins.authenticate(null, "desk-pw-1001"));
    assertEquals(Optional.empty(), logins.authenticate("1001", null));
    assertEquals(Optional.empty(), logins.authenticate("1001", "x".repeat(10_000)));
  }
}
