package org.hotline.admin.assembly;

import org.hotline.admin.cti.TokenService;
import org.hotline.admin.security.AdminBootstrap;
import org.hotline.admin.security.AuditLog;
import org.hotline.admin.security.LoginThrottle;
import org.hotline.admin.security.Logins;
import org.hotline.admin.security.RequestGate;
import org.hotline.config.HotlineConfig;
import org.hotline.core.dial.DialAuditLog;
import org.hotline.core.dial.DialGuard;
import org.hotline.core.dial.DialPolicy;
import org.hotline.cti.login.CtiLogins;

/**
 * Who may do what: logins of every role and their sessions, the gate that tells who sends a
 * request, the audit log of changes, and the one policy for every number dialled out (toll fraud).
 */
public record SecurityLayer(
    TokenService tokens, Logins logins, RequestGate gate, AuditLog auditLog, DialGuard dialing) {

  /** Creates the first administrator when there is none, and the services above. */
  public static SecurityLayer open(Node node, DataLayer data) {
    HotlineConfig config = node.config();
    var clock = node.clock();
    new AdminBootstrap(data.users(), data.hasher(), System.out)
        .run(config.security().adminPassword());
    TokenService tokens = new TokenService(clock, config.cti().tokenTtl());
    Logins logins =
        new Logins(
            data.users(),
            new CtiLogins(data.agents(), data.hasher(), config.cti().integrations()),
            data.hasher(),
            new LoginThrottle(
                clock, config.security().maxFailedLogins(), config.security().lockout()),
            clock,
            node.metrics());
    DialGuard dialing =
        new DialGuard(
            new DialPolicy(config.dial(), config.location().defaultRegion()),
            new DialAuditLog(data.audit(), node.database().writes(), clock),
            node.metrics());
    return new SecurityLayer(
        tokens,
        logins,
        new RequestGate(tokens, logins),
        new AuditLog(data.audit(), node.database().writes(), clock),
        dialing);
  }
}
