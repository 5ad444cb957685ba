package org.hotline.admin.assembly;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.AGENT;
import static org.hotline.core.user.Role.INTEGRATION;
import static org.hotline.core.user.Role.SUPERVISOR;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.CallbacksRoute;
import org.hotline.admin.http.CdrsRoute;
import org.hotline.admin.http.CustomersRoute;
import org.hotline.admin.http.HealthRoute;
import org.hotline.admin.http.MetricsRoute;
import org.hotline.admin.http.ReloadRoute;
import org.hotline.admin.http.ReportsRoute;
import org.hotline.admin.http.Router;
import org.hotline.admin.http.StaticRoute;
import org.hotline.admin.http.VoicemailRoute;
import org.hotline.admin.security.AuditRoute;
import org.hotline.admin.security.LoginRoute;
import org.hotline.admin.security.OwnPasswordRoute;
import org.hotline.admin.security.PhoneAccounts;
import org.hotline.admin.security.UsersRoute;
import org.hotline.config.HotlineConfig;
import org.hotline.core.agent.Agent;

/**
 * The routes that need only the records and the logins, registered before the HTTP server starts:
 * health, metrics, logins and users, the records' APIs, the flows reload, and the pages. The routes
 * that need the ACD ({@link AcdRoutes}) and the CTI bridge ({@link CtiLayer}) join them once those
 * run.
 */
public final class WebRoutes {
  private static final String PAGES = "org/hotline/admin/web/";

  private WebRoutes() {}

  /**
   * @param problem why the node cannot serve calls now, or empty: {@code /health}'s answer
   * @param reloader re-reads the IVR flows file for {@code POST /api/admin/reload}
   */
  public static Router build(
      Node node,
      DataLayer data,
      SecurityLayer security,
      Supplier<Optional<String>> problem,
      ReloadRoute.Reloader reloader) {
    HotlineConfig config = node.config();
    var clock = node.clock();
    Router router =
        new Router(node.calls(), node.metrics(), security.gate(), security.auditLog())
            .get("/health", Access.open(), new HealthRoute(problem))
            .get(
                "/metrics",
                config.http().metricsOpen() ? Access.open() : Access.roles(SUPERVISOR, ADMIN),
                new MetricsRoute(node.metrics()))
            .post("/api/admin/reload", Access.roles(ADMIN), new ReloadRoute(reloader));
    addAccounts(router, node, data, security);
    router
        .get(
            "/api/cdrs",
            Access.roles(SUPERVISOR, ADMIN, INTEGRATION, AGENT),
            new CdrsRoute(data.cdrs(), clock))
        .get(
            "/api/callbacks",
            Access.roles(SUPERVISOR, ADMIN, INTEGRATION),
            new CallbacksRoute(data.callbacks()));
    new CustomersRoute(data.customers(), config.customers().importMaxBytes()).addTo(router);
    new ReportsRoute(data.reports(), clock).addTo(router);
    new VoicemailRoute(data.voicemail(), clock).addTo(router);
    addPages(router);
    return router;
  }

  /** Logins and sessions, users, an agent's own desk password, the audit log. */
  private static void addAccounts(
      Router router, Node node, DataLayer data, SecurityLayer security) {
    HotlineConfig config = node.config();
    boolean secureCookies = config.http().secureCookies();
    PhoneAccounts phones =
        new PhoneAccounts(
            id -> data.agents().byId(id).map(Agent::sipUser),
            config.sip().advertisedHost(),
            config.sip().port());
    new LoginRoute(
            security.tokens(),
            security.logins(),
            secureCookies,
            config.acd().breakReasons(),
            phones)
        .addTo(router);
    new UsersRoute(
            data.users(),
            data.hasher(),
            name -> config.cti().integrations().containsKey(name) || data.agents().exists(name),
            security.tokens(),
            security.logins(),
            node.clock())
        .addTo(router);
    new OwnPasswordRoute(
            data.agents(),
            data.users(),
            data.hasher(),
            security.logins(),
            security.tokens(),
            secureCookies)
        .addTo(router);
    new AuditRoute(data.audit(), node.clock()).addTo(router);
  }

  /**
   * The agent desktop, the console (also at {@code /}), the wallboard, what they share, ECharts.
   */
  private static void addPages(Router router) {
    ClassLoader pages = WebRoutes.class.getClassLoader();
    new StaticRoute("/shared", PAGES + "shared", pages).addTo(router);
    new StaticRoute("/agent", PAGES + "agent", pages).addTo(router);
    // ECharts places its tooltips and legends with style attributes.
    StaticRoute console =
        new StaticRoute("/console", PAGES + "console", pages).allowingStyleAttributes();
    console
        .addTo(router)
        .get("/", Access.open(), console::index)
        .route(HttpMethod.HEAD, "/", Access.open(), console::index);
    new StaticRoute("/wallboard", PAGES + "wallboard", pages).addTo(router);
    StaticRoute.webJar("echarts", pages).addTo(router);
  }
}
