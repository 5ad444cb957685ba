package org.hotline.admin.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hotline.core.call.CallOutcome;

/**
 * The JSON mapping of the HTTP API: instants as ISO-8601 strings ({@code 2026-03-01T08:00:00Z}),
 * call outcomes by their code ({@code answered}).
 */
public final class Json {
  /** The shared, thread-safe mapper. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("hotline").addSerializer(CallOutcome.class, new OutcomeSerializer()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private Json() {}

  /** {@code value} as UTF-8 JSON. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class OutcomeSerializer extends JsonSerializer<CallOutcome> {
    @Override
    public void serialize(CallOutcome value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.code());
    }
  }
}
