package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the CTI protocol: {@link CtiMessage}s written as frames, {@link CtiCommand}s read
 * from them, each mapped on its {@code type}. Instants are ISO-8601 strings ({@code
 * 2026-03-01T08:00:00Z}).
 *
 * <p>Reading a command never throws anything but {@link CtiCommandException}, with the code the
 * protocol answers: {@code unknown-command} for a {@code type} that is no command, {@code
 * bad-argument} for a field missing, of the wrong kind (a text field given a number, a list, an
 * object) or malformed. Fields a command does not know (its {@code id}, an integration's {@code
 * agentId}) are passed over.
 */
public final class CtiCodec {
  private static final ObjectMapper MAPPER = mapper();
  private static final TypeReference<LinkedHashMap<String, Object>> FIELDS =
      new TypeReference<>() {};

  private CtiCodec() {}

  private static ObjectMapper mapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // A text field is a JSON string: a number or a boolean there is a bad argument, not "7" or
    // "true".
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** {@code message} as a frame's UTF-8 JSON text. */
  public static byte[] write(CtiMessage message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code command} as the JSON a client sends (without {@code id}), for clients and tests. */
  public static String write(CtiCommand command) {
    try {
      return MAPPER.writeValueAsString(command);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message a frame's JSON text holds, as a client reads it. */
  public static CtiMessage message(String json) {
    try {
      return MAPPER.readValue(json, CtiMessage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a CTI message: " + e.getOriginalMessage(), e);
    }
  }

  /** A frame's text as a JSON object; empty when it is not one (not JSON, an array, a string). */
  public static Optional<ObjectNode> object(String text) {
    try {
      return MAPPER.readTree(text) instanceof ObjectNode object
          ? Optional.of(object)
          : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The command {@code frame} holds, by its {@code type}.
   *
   * @throws CtiCommandException {@code unknown-command} or {@code bad-argument}
   */
  public static CtiCommand command(JsonNode frame) {
    try {
      return MAPPER.treeToValue(frame, CtiCommand.class);
    } catch (InvalidTypeIdException e) {
      String type = e.getTypeId() == null ? "null" : e.getTypeId();
      throw new CtiCommandException(
          "unknown-command", "unknown command '" + CtiCommandException.shortened(type) + "'");
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw refusal(e);
    }
  }

  /** The command {@code json} holds; for clients and tests. */
  public static CtiCommand command(String json) {
    return command(
        object(json)
            .orElseThrow(() -> new CtiCommandException("bad-json", "a command is a JSON object")));
  }

  /**
   * Why a command's fields were refused: the record's own reason, else the field of the wrong kind.
   */
  private static CtiCommandException refusal(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CtiCommandException refused) {
        return refused;
      }
    }
    if (e instanceof MismatchedInputException m) {
      List<JsonMappingException.Reference> path = m.getPath();
      if (!path.isEmpty() && path.get(path.size() - 1).getFieldName() != null) {
        return CtiCommandException.badArgument(
            path.get(path.size() - 1).getFieldName() + " must be a string");
      }
    }
    return CtiCommandException.badArgument("the command's fields cannot be read");
  }

  /** The {@code type} of messages and commands of {@code type}: its {@link JsonTypeName}. */
  static String typeName(Class<?> type) {
    JsonTypeName name = type.getAnnotation(JsonTypeName.class);
    if (name == null) {
      throw new IllegalStateException(type + " has no @JsonTypeName");
    }
    return name.value();
  }

  /**
   * {@code message}'s fields but its {@code type}, as a map in their order, for views of the same
   * figures that are no CTI frame ({@code GET /api/queues}, the wallboard).
   */
  public static Map<String, Object> fields(CtiMessage message) {
    Map<String, Object> fields = MAPPER.convertValue(message, FIELDS);
    fields.remove("type");
    return fields;
  }
}
