package org.hotline.admin.http;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.AGENT;
import static org.hotline.core.user.Role.INTEGRATION;
import static org.hotline.core.user.Role.SUPERVISOR;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.config.CustomerSettings;
import org.hotline.core.customer.CsvImportReport;
import org.hotline.core.customer.Customer;
import org.hotline.core.customer.CustomerCsv;
import org.hotline.core.customer.CustomerDirectory;
import org.hotline.core.customer.CustomerDraft;
import org.hotline.core.customer.DuplicatePhoneException;
import org.hotline.core.customer.InvalidCustomerException;

/**
 * The customer directory over HTTP.
 *
 * <ul>
 *   <li>{@code GET /api/customers?q=&page=&size=}: customers whose name or number matches {@code q}
 *       (all without it), a page ({@code {"items", "page", "size", "total"}}), by name; a page is
 *       at most {@value #MAX_SIZE} customers, {@value #MAX_AGENT_SIZE} for an agent
 *   <li>{@code POST /api/customers} with a customer as JSON ({@code name}, {@code level}, {@code
 *       category}, {@code salesStage}, {@code notes}, {@code phones}): 201 and the stored customer
 *   <li>{@code GET|PUT|DELETE /api/customers/{id}}: one customer; PUT replaces every field
 *   <li>{@code POST /api/customers/import[?skipBadRows=true]} with a CSV body ({@link
 *       CustomerCsv}), read and stored as it arrives: 200 and the report when stored, 422 and the
 *       report (every bad row by line) when a bad row stopped it, 413 over the limit
 *   <li>{@code GET /api/customers/export}: every customer as CSV
 * </ul>
 *
 * <p>Bad fields answer 400 naming the field; a number another customer has answers 409.
 */
public final class CustomersRoute {
  /** The collection's path. */
  public static final String PATH = "/api/customers";

  /** The page size without {@code size}, and the largest allowed. */
  static final int DEFAULT_SIZE = 20;

  static final int MAX_SIZE = 500;

  /**
   * The largest page an agent may read: enough to find a caller, too small to copy the directory
   * quickly, which only the floor's managers may export.
   */
  static final int MAX_AGENT_SIZE = 50;

  /** The config key of the largest CSV import, which a 413 names. */
  static final String MAX_IMPORT_KEY = "hotline.customer.import-max-mib";

  private static final ObjectReader BODY =
      Json.MAPPER.readerFor(Body.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Who reads, creates and changes customers: whoever works with callers. */
  static final Access WORK = Access.roles(AGENT, SUPERVISOR, ADMIN, INTEGRATION);

  /** Who deletes, imports and exports them: the floor's managers. */
  static final Access MANAGE = Access.roles(SUPERVISOR, ADMIN);

  private final CustomerDirectory customers;
  private final CustomerCsv csv;

  /**
   * The largest CSV import, in bytes. Only the users {@link #MANAGE} admits may send one: the
   * router checks who sends it before it reads the body, which is then read as it arrives.
   */
  private final long maxImport;

  /** The routes, with imports up to {@value CustomerSettings#DEFAULT_IMPORT_MAX_MIB} MiB. */
  public CustomersRoute(CustomerDirectory customers) {
    this(customers, CustomerSettings.DEFAULT_IMPORT_MAX_MIB * 1024L * 1024L);
  }

  /**
   * @param maxImport the largest CSV import, in bytes ({@code hotline.customer.import-max-mib})
   */
  public CustomersRoute(CustomerDirectory customers, long maxImport) {
    this.customers = Objects.requireNonNull(customers, "customers");
    this.csv = new CustomerCsv(customers);
    this.maxImport = maxImport;
  }

  /** Adds every customer route to {@code router}. */
  public Router addTo(Router router) {
    return router
        .get(PATH, WORK, this::search)
        .post(PATH, WORK, this::create)
        .get(PATH + "/export", MANAGE, this::export)
        .upload(PATH + "/import", MANAGE, maxImport, this::importCsv)
        .get(PATH + "/*", WORK, this::find)
        .route(HttpMethod.PUT, PATH + "/*", WORK, this::update)
        .route(HttpMethod.DELETE, PATH + "/*", MANAGE, this::delete);
  }

  /**
   * A customer as the API reads it; {@code id} and the times of a customer read before are ignored,
   * so what GET answered can be sent back with PUT.
   */
  record Body(
      String name,
      String level,
      String category,
      @JsonAlias("sales_stage") String salesStage,
      String notes,
      List<String> phones) {
    CustomerDraft draft() {
      return new CustomerDraft(name, level, category, salesStage, notes, phones);
    }
  }

  private Response search(Request request) {
    int page = request.intParam("page", 0, 0, Integer.MAX_VALUE / MAX_SIZE);
    boolean agent = request.principal() != null && request.principal().isAgent();
    int size = request.intParam("size", DEFAULT_SIZE, 1, agent ? MAX_AGENT_SIZE : MAX_SIZE);
    return Response.json(
        HttpResponseStatus.OK, customers.search(request.param("q").orElse(""), page, size));
  }

  private Response create(Request request) {
    CustomerDraft draft = request.<Body>json(BODY, "customer").draft();
    try {
      Customer created = customers.create(draft);
      return Response.json(HttpResponseStatus.CREATED, created)
          .withHeader("Location", PATH + "/" + created.id());
    } catch (DuplicatePhoneException e) {
      return conflict(e);
    } catch (InvalidCustomerException e) {
      throw new BadRequestException(e.field(), e.getMessage());
    }
  }

  private Response find(Request request) {
    long id = id(request);
    return customers
        .find(id)
        .map(c -> Response.json(HttpResponseStatus.OK, c))
        .orElseGet(() -> notFound(id));
  }

  private Response update(Request request) {
    long id = id(request);
    CustomerDraft draft = request.<Body>json(BODY, "customer").draft();
    try {
      return customers
          .update(id, draft)
          .map(c -> Response.json(HttpResponseStatus.OK, c))
          .orElseGet(() -> notFound(id));
    } catch (DuplicatePhoneException e) {
      return conflict(e);
    } catch (InvalidCustomerException e) {
      throw new BadRequestException(e.field(), e.getMessage());
    }
  }

  private Response delete(Request request) {
    long id = id(request);
    return customers.delete(id)
        ? new Response(HttpResponseStatus.NO_CONTENT, Response.TEXT, new byte[0], Map.of())
        : notFound(id);
  }

  /**
   * Imports the CSV body as it arrives (the import's transaction open meanwhile); 413 naming the
   * limit when it is larger.
   */
  private Response importCsv(Request request, InputStream body) throws IOException {
    String skip = request.param("skipBadRows").orElse("false");
    if (!skip.equals("true") && !skip.equals("false")) {
      throw new BadRequestException(
          "skipBadRows", "expected true or false, got '" + BadRequestException.shown(skip) + "'");
    }
    try {
      PushbackInputStream in = new PushbackInputStream(body, 1);
      int first = in.read();
      if (first < 0) {
        throw new BadRequestException(
            null, "the body is empty: send the CSV file, header " + CustomerCsv.HEADER);
      }
      in.unread(first);
      CsvImportReport report = csv.importCsv(in, skip.equals("true"));
      return Response.json(
          report.committed() ? HttpResponseStatus.OK : HttpResponseStatus.UNPROCESSABLE_ENTITY,
          report);
    } catch (UploadBody.TooLarge e) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put(
          "error",
          "the CSV file is larger than "
              + e.limit / (1024 * 1024)
              + " MiB, the most one import takes ("
              + MAX_IMPORT_KEY
              + "): nothing was stored; split it into several files");
      error.put("limitBytes", e.limit);
      return Response.json(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, error);
    }
  }

  private Response export(Request request) {
    return Response.text(
            HttpResponseStatus.OK, CdrsRoute.CSV, CustomerCsv.export(customers.repository().all()))
        .withHeader("Content-Disposition", "attachment; filename=\"customers.csv\"");
  }

  /** 409: the number belongs to another customer, named in the answer. */
  private static Response conflict(DuplicatePhoneException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    body.put("phone", e.e164());
    body.put("customerId", e.ownerId());
    return Response.json(HttpResponseStatus.CONFLICT, body);
  }

  private static long id(Request request) {
    String last = request.path().substring(PATH.length() + 1);
    try {
      long id = Long.parseLong(last);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "id",
        "expected a customer id (a positive number) after "
            + PATH
            + "/, got '"
            + BadRequestException.shown(last)
            + "'");
  }

  private static Response notFound(long id) {
    return Response.error(HttpResponseStatus.NOT_FOUND, "no customer " + id);
  }
}
