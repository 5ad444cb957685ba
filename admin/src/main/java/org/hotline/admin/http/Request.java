package org.hotline.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as a route sees it: method, decoded path, query parameters, headers and body, all
 * copied out of Netty's buffers so a handler may run on any thread and needs release nothing.
 *
 * @param method the request method
 * @param path the decoded path, without the query ({@code /api/cdrs})
 * @param query the decoded query parameters, each with its values in order
 * @param headers the request headers (a copy)
 * @param body the request body, empty when there is none
 * @param remote the address of the peer (a proxy's, when behind one); null when unknown
 * @param principal who sent it, once the router's {@link Gate} has told; null on an open route
 */
public record Request(
    HttpMethod method,
    String path,
    Map<String, List<String>> query,
    HttpHeaders headers,
    byte[] body,
    SocketAddress remote,
    Principal principal) {
  public Request {
    query = Map.copyOf(query);
  }

  /** A request whose sender is not known yet. */
  public Request(
      HttpMethod method,
      String path,
      Map<String, List<String>> query,
      HttpHeaders headers,
      byte[] body,
      SocketAddress remote) {
    this(method, path, query, headers, body, remote, null);
  }

  /** This request, sent by {@code principal}. */
  public Request as(Principal principal) {
    return new Request(method, path, query, headers, body, remote, principal);
  }

  /** Whether the method changes state: POST, PUT, DELETE or PATCH. */
  public boolean isWrite() {
    return !HttpMethod.GET.equals(method)
        && !HttpMethod.HEAD.equals(method)
        && !HttpMethod.OPTIONS.equals(method);
  }

  /**
   * Whether the request asks to become a WebSocket (RFC 6455 section 4.2.1): a {@code GET} with
   * {@code Connection: upgrade} and {@code Upgrade: websocket}.
   */
  public boolean isWebSocketUpgrade() {
    return HttpMethod.GET.equals(method)
        && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && headers.contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  /** The address the request came from, as text without the port's slash; null when unknown. */
  public String remoteHost() {
    if (remote instanceof java.net.InetSocketAddress inet) {
      return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    }
    return remote == null ? null : remote.toString();
  }

  /**
   * Copies {@code request}, which came from {@code remote}, into a {@code Request}.
   *
   * @throws IllegalArgumentException when the URI cannot be decoded (a bad {@code %} escape)
   */
  static Request from(FullHttpRequest request, SocketAddress remote) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    return new Request(
        request.method(),
        uri.path(),
        uri.parameters(),
        request.headers().copy(),
        ByteBufUtil.getBytes(request.content()),
        remote);
  }

  /**
   * The head of {@code request} (method, URI, headers), which came from {@code remote}, as a {@code
   * Request} with no body: what the router checks before the body is read.
   *
   * @throws IllegalArgumentException when the URI cannot be decoded (a bad {@code %} escape)
   */
  static Request head(HttpRequest request, SocketAddress remote) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    return new Request(
        request.method(),
        uri.path(),
        uri.parameters(),
        request.headers().copy(),
        new byte[0],
        remote);
  }

  /** The first value of query parameter {@code name}; empty when it is absent or blank. */
  public Optional<String> param(String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(values.get(0).strip());
  }

  /**
   * Query parameter {@code name} as a whole number from {@code min} to {@code max}, or {@code
   * absent} when it is not given.
   *
   * @throws BadRequestException naming the parameter when it is not such a number
   */
  public int intParam(String name, int absent, int min, int max) {
    String value = param(name).orElse(null);
    if (value == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        name,
        "expected a whole number from "
            + min
            + " to "
            + max
            + ", got '"
            + BadRequestException.shown(value)
            + "'");
  }

  /**
   * Query parameter {@code name} as an instant: a date ({@code 2026-11-01}, its start in {@code
   * zone}) or an ISO-8601 instant ({@code 2026-11-01T00:00:00Z}); empty when it is not given.
   *
   * @throws BadRequestException naming the parameter when it is neither
   */
  public Optional<Instant> timeParam(String name, ZoneId zone) {
    return param(name)
        .map(
            value -> {
              // A '+' of an offset arrives as a space when the client did not percent-encode it.
              String v = value.replace(' ', '+');
              try {
                return v.length() == 10
                    ? LocalDate.parse(v).atStartOfDay(zone).toInstant()
                    : Instant.parse(v);
              } catch (DateTimeParseException e) {
                throw new BadRequestException(
                    name,
                    "expected a date such as 2026-11-01 or an ISO-8601 instant such as"
                        + " 2026-11-01T00:00:00Z, got '"
                        + BadRequestException.shown(value)
                        + "'");
              }
            });
  }

  /**
   * The body as a JSON object.
   *
   * @param example what the body looks like, for the error line ({@code {"state": "ready"}})
   * @throws BadRequestException when the body is not JSON, or JSON but not an object
   */
  public JsonNode jsonObject(String example) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new BadRequestException(null, "the body is not JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestException(null, "the body must be a JSON object such as " + example);
    }
    return node;
  }

  /**
   * The body bound by {@code reader} to its type.
   *
   * @param what what the body holds, for the error line ({@code ticket})
   * @throws BadRequestException when the body is empty, not JSON, or not one {@code what}
   */
  public <T> T json(ObjectReader reader, String what) {
    if (body.length == 0) {
      throw new BadRequestException(null, "the body is empty: send the " + what + " as JSON");
    }
    T value;
    try {
      value = reader.readValue(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          null, "the body is not a " + what + " in JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequestException(null, "the body cannot be read: " + e.getMessage());
    }
    if (value == null) {
      throw new BadRequestException(null, "the body must be a JSON object: a " + what);
    }
    return value;
  }
}
