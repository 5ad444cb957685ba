package org.hotline.admin.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.hotline.admin.http.AuditTrail;
import org.hotline.admin.http.Json;
import org.hotline.admin.http.Principal;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditRepository;
import org.hotline.core.audit.AuditWriter;

/**
 * The router's {@link AuditTrail}: each change a user made is written to the {@code audit} table on
 * the write pool, off the event loop and the route's worker.
 *
 * <p>An entry says who ({@link Principal}), when, from which address, the action (method and route,
 * such as {@code PUT /api/agents/*}), the object (the path, and the new object's {@code Location}
 * when one was created) and a detail: the answer's status and the names of the body's fields (or
 * its size, for a CSV import), never their values, so never a password. A write the pool refuses is
 * logged instead.
 */
public final class AuditLog implements AuditTrail {
  private final AuditWriter writer;
  private final Clock clock;

  /**
   * @param writes the database write pool
   */
  public AuditLog(AuditRepository audit, Executor writes, Clock clock) {
    this.writer = new AuditWriter(audit, writes);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void changed(Request request, String route, Response response) {
    record(request, route, detail(request, response), response);
  }

  @Override
  public void uploaded(Request request, String route, Response response, long bodyBytes) {
    record(
        request, route, response.status().code() + "; body of " + bodyBytes + " bytes", response);
  }

  private void record(Request request, String route, String detail, Response response) {
    Principal who = request.principal();
    String location = response.headers().get("Location");
    String object =
        location == null || location.equals(request.path())
            ? request.path()
            : request.path() + " -> " + location;
    AuditEntry entry =
        new AuditEntry(
            0,
            clock.instant(),
            who.name(),
            who.role().id(),
            request.method().name() + " " + route,
            object,
            request.remoteHost(),
            detail);
    writer.write(entry);
  }

  /** The status and what the body held, by field name only. */
  static String detail(Request request, Response response) {
    String status = Integer.toString(response.status().code());
    if (request.body().length == 0) {
      return status;
    }
    try {
      JsonNode body = Json.MAPPER.readTree(request.body());
      if (body != null && body.isObject()) {
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
          fields.add(names.next());
        }
        return status + "; fields " + String.join(", ", fields);
      }
    } catch (IOException e) {
      // not JSON: a CSV import, say
    }
    return status + "; body of " + request.body().length + " bytes";
  }
}
