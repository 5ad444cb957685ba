package org.hotline.admin.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;
import org.hotline.core.ticket.InvalidTicketException;
import org.hotline.core.ticket.Ticket;
import org.hotline.core.ticket.TicketChange;
import org.hotline.core.ticket.TicketDraft;
import org.hotline.core.ticket.TicketFilter;
import org.hotline.core.ticket.TicketIntake;

/**
 * Tickets (work orders) over HTTP.
 *
 * <ul>
 *   <li>{@code POST /api/tickets} with {@code {"title", "description", "status", "callId",
 *       "customerId", "caller"}} (title required): 201 and the stored ticket; a ticket about a call
 *       and no customer is linked to the caller's customer ({@link TicketIntake})
 *   <li>{@code GET /api/tickets?customerId=&callId=&status=&createdBy=&page=&size=}: a page ({@code
 *       {"items", "page", "size", "total"}}), newest first
 *   <li>{@code GET /api/tickets/{id}}: one ticket
 *   <li>{@code PUT /api/tickets/{id}} with any of {@code title}, {@code description}, {@code
 *       status}: 200 and the ticket as changed; what is absent or null stays
 * </ul>
 *
 * <p>Every role may read and write tickets ({@link Access#loggedIn()}); a new ticket's {@code
 * createdBy} is the user who sent it ({@link Request#principal()}), never the body's. Bad fields
 * answer 400 naming the field; an unknown ticket 404.
 */
public final class TicketsRoute {
  /** The collection's path. */
  public static final String PATH = "/api/tickets";

  /** The page size without {@code size}, and the largest allowed. */
  static final int DEFAULT_SIZE = 20;

  static final int MAX_SIZE = 200;

  private static final ObjectReader CREATE =
      Json.MAPPER
          .readerFor(NewTicket.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectReader CHANGE =
      Json.MAPPER
          .readerFor(TicketChange.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final TicketIntake tickets;

  /**
   * @param tickets where tickets are opened and stored
   */
  public TicketsRoute(TicketIntake tickets) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
  }

  /** Adds every ticket route to {@code router}. */
  public Router addTo(Router router) {
    return router
        .get(PATH, Access.loggedIn(), this::list)
        .post(PATH, Access.loggedIn(), this::create)
        .get(PATH + "/*", Access.loggedIn(), this::find)
        .route(HttpMethod.PUT, PATH + "/*", Access.loggedIn(), this::update);
  }

  /** A ticket as the API opens it; {@code createdBy} comes from the session, never the body. */
  record NewTicket(
      String title,
      String description,
      String status,
      String callId,
      Long customerId,
      String caller) {
    TicketDraft draft(String createdBy) {
      return new TicketDraft(title, description, status, callId, customerId, caller, createdBy);
    }
  }

  Response list(Request request) {
    int page = request.intParam("page", 0, 0, Integer.MAX_VALUE / MAX_SIZE);
    int size = request.intParam("size", DEFAULT_SIZE, 1, MAX_SIZE);
    Long customerId = request.param("customerId").map(v -> positive("customerId", v)).orElse(null);
    TicketFilter filter =
        new TicketFilter(
            customerId,
            request.param("callId").orElse(null),
            request.param("status").orElse(null),
            request.param("createdBy").orElse(null));
    try {
      return Response.json(HttpResponseStatus.OK, tickets.repository().list(filter, page, size));
    } catch (InvalidTicketException e) {
      throw new BadRequestException(e.field(), e.getMessage());
    }
  }

  Response create(Request request) {
    String user = request.principal().name();
    NewTicket body = request.json(CREATE, "ticket");
    try {
      Ticket created = tickets.open(body.draft(user));
      return Response.json(HttpResponseStatus.CREATED, created)
          .withHeader("Location", PATH + "/" + created.id());
    } catch (InvalidTicketException e) {
      throw new BadRequestException(e.field(), e.getMessage());
    }
  }

  Response find(Request request) {
    long id = id(request);
    return tickets
        .repository()
        .find(id)
        .map(t -> Response.json(HttpResponseStatus.OK, t))
        .orElseGet(() -> notFound(id));
  }

  Response update(Request request) {
    long id = id(request);
    TicketChange change = request.json(CHANGE, "ticket change");
    if (change.title() == null && change.description() == null && change.status() == null) {
      throw new BadRequestException(null, "nothing to change: send title, description or status");
    }
    try {
      return tickets
          .repository()
          .update(id, change)
          .map(t -> Response.json(HttpResponseStatus.OK, t))
          .orElseGet(() -> notFound(id));
    } catch (InvalidTicketException e) {
      throw new BadRequestException(e.field(), e.getMessage());
    }
  }

  private static long id(Request request) {
    return positive("id", request.path().substring(PATH.length() + 1));
  }

  private static long positive(String name, String value) {
    try {
      long n = Long.parseLong(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        name, "expected a positive number, got '" + BadRequestException.shown(value) + "'");
  }

  private static Response notFound(long id) {
    return Response.error(HttpResponseStatus.NOT_FOUND, "no ticket " + id);
  }
}
