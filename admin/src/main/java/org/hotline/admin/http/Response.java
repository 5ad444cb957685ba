package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response a route returns: status, content type, body and any extra headers.
 *
 * @param status the status
 * @param contentType the {@code Content-Type} of {@code body}
 * @param body the body bytes
 * @param headers headers beside {@code Content-Type}, {@code Content-Length} and {@code Connection}
 */
public record Response(
    HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {
  /** The content type of JSON bodies. */
  public static final String JSON = "application/json; charset=utf-8";

  /** The content type of plain text bodies. */
  public static final String TEXT = "text/plain; charset=utf-8";

  public Response {
    headers = Map.copyOf(headers);
  }

  /** {@code value} as a JSON body. */
  public static Response json(HttpResponseStatus status, Object value) {
    return new Response(status, JSON, Json.bytes(value), Map.of());
  }

  /** {@code text} as a UTF-8 body of type {@code contentType}. */
  public static Response text(HttpResponseStatus status, String contentType, String text) {
    return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** A one-line JSON error: {@code {"error": message}}. */
  public static Response error(HttpResponseStatus status, String message) {
    return json(status, Map.of("error", message));
  }

  /** This response with header {@code name} set to {@code value}. */
  public Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }
}
