package org.hotline.admin.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a route reads of a request: a JSON body, parameters, and how a bad value is quoted back. */
class RequestTest {
  private static Request put(String body, Map<String, List<String>> query) {
    return new Request(
        HttpMethod.PUT, "/api/x", query, new DefaultHttpHeaders(), body.getBytes(UTF_8), null);
  }

  @Test
  void jsonObject_readsAnObject() {
    assertEquals(
        "ready", put("{\"state\": \"ready\"}", Map.of()).jsonObject("{}").get("state").asText());
  }

  @Test
  void jsonObject_refusesWhatIsNotJson_orNotAnObject_sayingWhatIsExpected() {
    BadRequestException notJson =
        assertThrows(
            BadRequestException.class,
            () -> put("state=ready", Map.of()).jsonObject("{\"state\": \"ready\"}"));
    assertTrue(notJson.getMessage().startsWith("the body is not JSON: "), notJson.getMessage());
    for (String body : List.of("", "[1, 2]", "\"ready\"", "null")) {
      BadRequestException e =
          assertThrows(
              BadRequestException.class,
              () -> put(body, Map.of()).jsonObject("{\"state\": \"ready\"}"));
      assertEquals(
          "the body must be a JSON object such as {\"state\": \"ready\"}", e.getMessage(), body);
    }
  }

  record Note(String text) {}

  @Test
  void json_bindsTheBody_orSaysWhatIsWrongWithIt() {
    com.fasterxml.jackson.databind.ObjectReader notes = Json.MAPPER.readerFor(Note.class);
    assertEquals(
        new Note("hello"), put("{\"text\": \"hello\"}", Map.of()).<Note>json(notes, "note"));

    Map<String, String> answers =
        Map.of(
            "", "the body is empty: send the note as JSON",
            "null", "the body must be a JSON object: a note");
    answers.forEach(
        (body, expected) ->
            assertEquals(
                expected,
                assertThrows(
                        BadRequestException.class, () -> put(body, Map.of()).json(notes, "note"))
                    .getMessage()));
    String broken =
        assertThrows(
                BadRequestException.class, () -> put("{\"text\": ", Map.of()).json(notes, "note"))
            .getMessage();
    assertTrue(broken.startsWith("the body is not a note in JSON: "), broken);
  }

  @Test
  void aBadValue_isQuotedBackShortened() {
    String longValue = "x".repeat(100);
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () -> put("", Map.of("size", List.of(longValue))).intParam("size", 20, 1, 100));
    assertEquals(
        "bad parameter size: expected a whole number from 1 to 100, got '"
            + "x".repeat(64)
            + "...'",
        e.getMessage());
    assertEquals("short", BadRequestException.shown("short"));
  }
}
