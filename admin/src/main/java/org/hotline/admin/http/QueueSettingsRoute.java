package org.hotline.admin.http;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.QueueSettings;
import org.hotline.core.acd.QueueSettingsRepository;

/**
 * A queue's routing rules, changed live:
 *
 * <ul>
 *   <li>{@code GET /api/queues/{name}/settings}: the rules in force (the queue's own, or the
 *       defaults of {@code hotline.acd.*})
 *   <li>{@code PUT /api/queues/{name}/settings} with any of {@code strategy}, {@code
 *       ringTimeoutSeconds}, {@code wrapUpSeconds}, {@code weight}, {@code maxWaiting}, {@code
 *       maxWaitSeconds}, {@code joinWhenNoAgents}, {@code serviceLevelSeconds}, {@code overflow} (a
 *       queue name, or {@code ""} or null for none; not the queue itself); the others keep their
 *       value. Stored, and routing follows at once
 *   <li>{@code DELETE /api/queues/{name}/settings}: back to the defaults
 * </ul>
 */
public final class QueueSettingsRoute {
  static final String PATH = "/api/queues/";
  private static final String SUFFIX = "/settings";

  private final QueueSettingsRepository repository;
  private final Acd acd;

  public QueueSettingsRoute(QueueSettingsRepository repository, Acd acd) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.acd = Objects.requireNonNull(acd, "acd");
  }

  /** Adds the routes to {@code router}. */
  public Router addTo(Router router) {
    return router
        .get(PATH + "*", Access.loggedIn(), this::get)
        .route(HttpMethod.PUT, PATH + "*", Access.roles(SUPERVISOR, ADMIN), this::put)
        .route(HttpMethod.DELETE, PATH + "*", Access.roles(SUPERVISOR, ADMIN), this::delete);
  }

  private Response get(Request request) throws Exception {
    String queue = queue(request);
    return Response.json(HttpResponseStatus.OK, json(queue, current(queue)));
  }

  private Response put(Request request) throws Exception {
    String queue = queue(request);
    JsonNode body = request.jsonObject("{\"maxWaitSeconds\": 60, \"overflow\": \"support\"}");
    QueueSettings s = current(queue);
    try {
      if (body.has("strategy")) {
        s = s.withStrategy(body.get("strategy").asText());
      }
      if (body.has("ringTimeoutSeconds")) {
        s = s.withRingTimeout(Duration.ofSeconds(number(body, "ringTimeoutSeconds")));
      }
      if (body.has("wrapUpSeconds")) {
        s = s.withWrapUp(Duration.ofSeconds(number(body, "wrapUpSeconds")));
      }
      if (body.has("weight")) {
        s = s.withWeight((int) number(body, "weight"));
      }
      if (body.has("maxWaiting")) {
        s = s.withMaxWaiting((int) number(body, "maxWaiting"));
      }
      if (body.has("maxWaitSeconds")) {
        s = s.withMaxWait(Duration.ofSeconds(number(body, "maxWaitSeconds")));
      }
      if (body.has("joinWhenNoAgents")) {
        if (!body.get("joinWhenNoAgents").isBoolean()) {
          throw new BadRequestException("joinWhenNoAgents", "expected true or false");
        }
        s = s.withJoinWhenNoAgents(body.get("joinWhenNoAgents").asBoolean());
      }
      if (body.has("serviceLevelSeconds")) {
        s = s.withServiceLevel(Duration.ofSeconds(number(body, "serviceLevelSeconds")));
      }
      if (body.has("overflow")) {
        s = s.withOverflow(overflow(body.get("overflow"), queue));
      }
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(null, e.getMessage());
    }
    repository.upsert(queue, s);
    acd.configure(queue, s);
    return Response.json(HttpResponseStatus.OK, json(queue, s));
  }

  private Response delete(Request request) throws Exception {
    String queue = queue(request);
    repository.delete(queue);
    acd.resetQueue(queue);
    return Response.json(
        HttpResponseStatus.OK, json(queue, acd.policy().get(5, TimeUnit.SECONDS).defaults()));
  }

  private QueueSettings current(String queue) throws Exception {
    return acd.policy().get(5, TimeUnit.SECONDS).settingsOf(queue);
  }

  private static Map<String, Object> json(String queue, QueueSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queue", queue);
    m.put("strategy", s.strategy());
    m.put("ringTimeoutSeconds", s.ringTimeout().toSeconds());
    m.put("wrapUpSeconds", s.wrapUp().toSeconds());
    m.put("weight", s.weight());
    m.put("maxWaiting", s.maxWaiting());
    m.put("maxWaitSeconds", s.maxWait().toSeconds());
    m.put("joinWhenNoAgents", s.joinWhenNoAgents());
    m.put("serviceLevelSeconds", s.serviceLevel().toSeconds());
    m.put("overflow", s.overflow().isEmpty() ? null : s.overflow());
    return m;
  }

  private static String overflow(JsonNode v, String queue) {
    if (v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new BadRequestException("overflow", "expected a queue name, \"\" or null, got " + v);
    }
    if (v.asText().equals(queue)) {
      throw new BadRequestException("overflow", "a queue cannot overflow to itself");
    }
    return v.asText();
  }

  private static String queue(Request request) {
    String rest = request.path().substring(PATH.length());
    if (!rest.endsWith(SUFFIX)) {
      throw new BadRequestException(
          null, "expected /api/queues/{name}/settings, got " + request.path());
    }
    String queue = rest.substring(0, rest.length() - SUFFIX.length());
    if (!QueueSettings.QUEUE_NAME.matcher(queue).matches()) {
      throw new BadRequestException(
          "queue", "a queue name is lower-case letters, digits, - and _, got '" + queue + "'");
    }
    return queue;
  }

  private static long number(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (!v.canConvertToLong()) {
      throw new BadRequestException(field, "expected a whole number, got " + v);
    }
    return v.asLong();
  }
}
