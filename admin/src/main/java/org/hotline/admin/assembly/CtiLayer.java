package org.hotline.admin.assembly;

import static org.hotline.core.user.Role.AGENT;
import static org.hotline.core.user.Role.INTEGRATION;
import static org.hotline.core.user.Role.SUPERVISOR;

import org.hotline.admin.cti.CtiEndpoint;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.Router;
import org.hotline.admin.http.TicketsRoute;
import org.hotline.admin.wallboard.WallboardFeed;
import org.hotline.admin.wallboard.WallboardRoute;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.ticket.CallNumbers;
import org.hotline.core.ticket.TicketIntake;
import org.hotline.cti.desk.AgentDesk;
import org.hotline.cti.feed.CtiEvents;
import org.hotline.cti.feed.ScreenPops;

/**
 * The CTI bridge: the {@code /cti} WebSocket that pushes screen pops, call and agent states and
 * queue figures to agent desktops and integrations and takes their commands; the tickets the
 * desktop opens, which the screen pops list; and the wallboard's feed.
 */
public final class CtiLayer {
  private CtiLayer() {}

  /** Starts following the bus for the CTI bridge and adds its routes; returns the events feed. */
  public static CtiEvents open(
      Router router,
      Node node,
      DataLayer data,
      SecurityLayer security,
      Telephony telephony,
      WallboardFeed wallboard) {
    var cdrs = data.cdrs();
    CtiEvents events =
        new CtiEvents(
            node.bus(),
            new ScreenPops(
                data.callerLocator(),
                data.customers()::findByNumber,
                cdrs::lastCallsFrom,
                data.tickets()::recentFor),
            node.calls(),
            node.clock(),
            node.metrics());
    events.warmUp(data.callerLocator().exampleNumber());
    AgentDesk desk =
        new AgentDesk(
            telephony.acd(),
            node.config().acd().breakReasons(),
            cdrs,
            events.offeredCalls(),
            node.database().writes(),
            telephony.calls().deskControl());
    // A ticket about a call finds its caller: the live call's while it is on, the CDR's after.
    CallNumbers callers =
        callId -> events.offeredCalls().caller(callId).or(() -> cdrs.find(callId).map(Cdr::caller));
    new TicketsRoute(new TicketIntake(data.tickets(), data.customers(), callers)).addTo(router);
    new WallboardRoute(wallboard).addTo(router);
    // Agents and integrations connect; a supervisor watches every agent read-only.
    router.webSocket(
        CtiEndpoint.PATH,
        Access.roles(AGENT, INTEGRATION, SUPERVISOR),
        new CtiEndpoint(security.tokens(), events, desk, node.calls(), node.metrics()));
    return events;
  }
}
