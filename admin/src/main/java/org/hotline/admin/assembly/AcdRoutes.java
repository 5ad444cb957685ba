package org.hotline.admin.assembly;

import java.util.Set;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.AgentsRoute;
import org.hotline.admin.http.QueueSettingsRoute;
import org.hotline.admin.http.QueuesRoute;
import org.hotline.admin.http.Router;
import org.hotline.admin.security.SipBansRoute;
import org.hotline.core.acd.Acd;
import org.hotline.core.agent.Agent;

/**
 * The routes that act on the running ACD and SIP edge: queues and their settings, agents (whose
 * changes reach logins, SIP credentials, the phones followed and routing at once), and SIP bans.
 */
public final class AcdRoutes {
  private AcdRoutes() {}

  public static void addTo(
      Router router, Node node, DataLayer data, SecurityLayer security, Telephony telephony) {
    Acd acd = telephony.acd();
    router.get("/api/queues", Access.loggedIn(), new QueuesRoute(acd));
    new QueueSettingsRoute(data.queueSettings(), acd).addTo(router);
    new AgentsRoute(
            data.agents(),
            acd::snapshot,
            acd,
            Set.copyOf(node.config().acd().breakReasons()),
            node.config().sip().realm(),
            data.hasher(),
            new Changes(data, security, telephony))
        .addTo(router);
    new SipBansRoute(telephony.guard()).addTo(router);
  }

  /** What an agent's change through the API reaches. */
  private record Changes(DataLayer data, SecurityLayer security, Telephony telephony)
      implements AgentsRoute.AgentChanges {
    @Override
    public void changed(Agent agent) {
      security.logins().forget();
      telephony.credentials().reload();
      telephony.phones().put(agent);
      telephony.acd().updateAgent(agent);
    }

    @Override
    public void passwordChanged(Agent agent) {
      security.tokens().endAllOf(agent.id());
      security.logins().forget();
    }

    @Override
    public void removed(Agent agent) {
      security.tokens().endAllOf(agent.id());
      security.logins().forget();
      telephony.credentials().reload();
      telephony.phones().remove(agent);
      telephony.acd().removeAgent(agent.id());
      telephony.locations().removeAll(agent.sipUser());
    }

    @Override
    public boolean nameTaken(String id) {
      return data.users().byName(id).isPresent();
    }
  }
}
