package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.ivr.fake.FakeCall;
import org.junit.jupiter.api.Test;

/** Choosing the call's language. */
class LanguageVerbTest {
  private final FakeCall call = new FakeCall();
  private final FlowContext ctx = new FlowContext(call, "en");

  private static LanguageVerb language(Optional<String> fallback) {
    return new LanguageVerb(
        "choose-language", Map.of('1', "zh", '2', "en"), Duration.ofSeconds(3), fallback);
  }

  @Test
  void language_key_switchesLaterPrompts_andTellsTheCall() throws InterruptedException {
    call.media().keys("1");
    language(Optional.empty()).execute(ctx);
    PlayVerb.of("welcome").execute(ctx);
    assertEquals("zh", ctx.language());
    assertEquals(List.of("zh"), call.languages());
    assertEquals("zh", call.media().played().getLast().prompt().language());
    assertEquals("en", call.media().played().getFirst().prompt().language());
  }

  @Test
  void language_noKey_takesTheDefault() throws InterruptedException {
    language(Optional.of("zh")).execute(ctx);
    assertEquals("zh", ctx.language());
  }

  @Test
  void language_noKeyAndNoDefault_keepsTheCurrentLanguage() throws InterruptedException {
    call.media().keys("7");
    language(Optional.empty()).execute(ctx);
    assertEquals("en", ctx.language());
    assertEquals(List.of("en"), call.languages());
    assertEquals(List.of(Duration.ofSeconds(3)), call.media().waits());
  }
}
