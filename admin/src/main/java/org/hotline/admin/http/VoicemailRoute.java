package org.hotline.admin.http;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.INTEGRATION;
import static org.hotline.core.user.Role.SUPERVISOR;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.voicemail.Voicemail;
import org.hotline.core.voicemail.VoicemailRepository;

/**
 * Voicemail callers left in the IVR:
 *
 * <ul>
 *   <li>{@code GET /api/voicemails[?from=&to=&limit=]}: messages recorded in {@code [from, to)}
 *       (ISO-8601 instants; by default the last 7 days), newest first, at most {@code limit}
 *       (default 100, at most 1000); each with the path of its audio
 *   <li>{@code GET /api/voicemails/{id}}: one message
 *   <li>{@code GET /api/voicemails/{id}/audio}: its WAV file (8 kHz, 16-bit, mono)
 * </ul>
 */
public final class VoicemailRoute {
  static final String PATH = "/api/voicemails";
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;

  private final VoicemailRepository voicemail;
  private final Clock clock;

  public VoicemailRoute(VoicemailRepository voicemail, Clock clock) {
    this.voicemail = Objects.requireNonNull(voicemail, "voicemail");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds the voicemail routes to {@code router}. */
  public Router addTo(Router router) {
    Access access = Access.roles(SUPERVISOR, ADMIN, INTEGRATION);
    return router.get(PATH, access, this::list).get(PATH + "/*", access, this::one);
  }

  /** A message as the API shows it. */
  record Listed(
      long id,
      String callId,
      String callerNumber,
      String box,
      Instant recordedAt,
      double seconds,
      String audio) {
    static Listed of(Voicemail v) {
      return new Listed(
          v.id(),
          v.callId(),
          v.callerNumber(),
          v.box(),
          v.recordedAt(),
          v.length().toMillis() / 1000.0,
          PATH + "/" + v.id() + "/audio");
    }
  }

  private Response list(Request request) {
    Instant to = request.param("to").map(v -> instant("to", v)).orElseGet(clock::instant);
    Instant from =
        request
            .param("from")
            .map(v -> instant("from", v))
            .orElseGet(() -> to.minus(Duration.ofDays(7)));
    if (!to.isAfter(from)) {
      throw new BadRequestException("to", "must be after from (" + from + "), got " + to);
    }
    int limit = request.param("limit").map(this::limit).orElse(DEFAULT_LIMIT);
    List<Listed> listed =
        voicemail.list(from, to.plusNanos(1000), limit).stream().map(Listed::of).toList();
    return Response.json(HttpResponseStatus.OK, listed);
  }

  private Response one(Request request) throws Exception {
    String rest = request.path().substring(PATH.length() + 1);
    boolean audio = rest.endsWith("/audio");
    String idText = audio ? rest.substring(0, rest.length() - "/audio".length()) : rest;
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "id", "expected a voicemail id, got '" + BadRequestException.shown(idText) + "'");
    }
    var found = voicemail.find(id);
    if (found.isEmpty()) {
      return Response.error(HttpResponseStatus.NOT_FOUND, "no voicemail " + id);
    }
    if (!audio) {
      return Response.json(HttpResponseStatus.OK, Listed.of(found.get()));
    }
    try {
      byte[] wav = Files.readAllBytes(voicemail.fileOf(found.get()));
      return new Response(HttpResponseStatus.OK, "audio/wav", wav, Map.of())
          .withHeader("Content-Disposition", "attachment; filename=\"voicemail-" + id + ".wav\"");
    } catch (NoSuchFileException e) {
      return Response.error(
          HttpResponseStatus.GONE, "the audio of voicemail " + id + " is no longer on disk");
    }
  }

  private int limit(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "limit", "expected 1.." + MAX_LIMIT + ", got '" + BadRequestException.shown(value) + "'");
  }

  private static Instant instant(String parameter, String value) {
    try {
      return Instant.parse(value.replace(' ', '+'));
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          parameter,
          "expected an ISO-8601 instant such as 2026-03-01T00:00:00Z, got '"
              + BadRequestException.shown(value)
              + "'");
    }
  }
}
