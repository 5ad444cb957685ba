package org.hotline.admin.assembly;

import org.hotline.admin.security.DemoAgentsBootstrap;
import org.hotline.config.HotlineConfig;
import org.hotline.core.acd.QueueSettingsRepository;
import org.hotline.core.agent.AgentEventRecorder;
import org.hotline.core.agent.AgentEventRepository;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.audit.AuditRepository;
import org.hotline.core.callback.CallbackRepository;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.customer.CustomerDirectory;
import org.hotline.core.customer.CustomerRepository;
import org.hotline.core.report.ReportRepository;
import org.hotline.core.ticket.TicketRepository;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.UserRepository;
import org.hotline.core.voicemail.VoicemailRepository;
import org.hotline.cti.cdr.CdrWriter;
import org.hotline.cti.location.CallerLocator;

/**
 * The node's records: the repositories over its database, the caller locator, and the CDR writer
 * that completes each call's record off the call's path.
 */
public record DataLayer(
    AgentRepository agents,
    UserRepository users,
    PasswordHash hasher,
    CallerLocator callerLocator,
    CdrRepository cdrs,
    CdrWriter cdrWriter,
    CustomerDirectory customers,
    VoicemailRepository voicemail,
    CallbackRepository callbacks,
    QueueSettingsRepository queueSettings,
    TicketRepository tickets,
    AuditRepository audit,
    ReportRepository reports) {

  /**
   * Opens the repositories, seeds the demo agents that are missing (keeping the README's demo
   * password off a reachable server), and starts storing every agent state change.
   */
  public static DataLayer open(Node node) {
    HotlineConfig config = node.config();
    var dsl = node.database().dsl();
    var clock = node.clock();
    AgentRepository agents = new AgentRepository(dsl, clock);
    PasswordHash hasher = new PasswordHash();
    new DemoAgentsBootstrap(agents, config.sip().realm(), hasher, System.out)
        .run(
            config.demo(),
            DemoAgentsBootstrap.beyondLoopback(config.sip().host(), config.http().host()));
    // Subscribes itself: every agent state change is stored on the write pool.
    new AgentEventRecorder(
        new AgentEventRepository(dsl, clock), node.database().writes(), node.bus(), node.metrics());
    CallerLocator callerLocator =
        new CallerLocator(config.location().defaultRegion(), config.location().language());
    CdrRepository cdrs = new CdrRepository(dsl, clock);
    return new DataLayer(
        agents,
        new UserRepository(dsl, clock),
        hasher,
        callerLocator,
        cdrs,
        // Region and carrier are looked up on the write pool, off the call's path.
        new CdrWriter(cdrs, callerLocator, node.database().writes(), node.metrics()),
        new CustomerDirectory(
            new CustomerRepository(dsl, clock), callerLocator, config.customers().levels()),
        new VoicemailRepository(dsl, config.ivr().voicemailDir()),
        new CallbackRepository(dsl, clock),
        new QueueSettingsRepository(dsl),
        new TicketRepository(dsl, clock),
        new AuditRepository(dsl),
        new ReportRepository(dsl, clock, config.reports(), config.acd().serviceLevel()));
  }
}
