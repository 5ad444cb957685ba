package org.hotline.ivr.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.config.IvrSettings;
import org.hotline.core.time.ManualClock;
import org.hotline.ivr.PromptSets;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeStores;
import org.hotline.ivr.verb.FlowServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the operator's flows file, and reloading it while calls run. */
class FlowsTest {
  private static final String V1 =
      """
      numbers: {"100": main}
      flows:
        main:
          - play: welcome
          - goto: second
        second:
          - hangup: goodbye
      """;

  private static final String V2 =
      """
      numbers: {"100": main, "200": main}
      flows:
        main:
          - play: welcome
          - goto: second
        second:
          - hangup: not-available
      """;

  @TempDir Path dir;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T02:00:00Z"));
  private final FlowServices services = new FakeStores().services(clock, Map.of());

  private Path file(String yaml) {
    try {
      return Files.writeString(dir.resolve("flows.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Flows load(Path file) throws FlowsException {
    IvrSettings settings =
        new IvrSettings(
            "en",
            Optional.empty(),
            Duration.ofSeconds(5),
            2,
            Optional.of(file),
            dir.resolve("voicemail"));
    return Flows.load(settings, services, PromptSets::shipped);
  }

  private List<String> call(Flows flows, String number) throws InterruptedException {
    FakeCall call = new FakeCall(clock);
    flows.flowFor(number).orElseThrow().run(call);
    return call.media().promptsPlayed();
  }

  @Test
  void load_readsTheOperatorsFile() throws Exception {
    Flows flows = load(file(V1));
    assertEquals(List.of("welcome", "goodbye"), call(flows, "100"));
    assertEquals(Optional.of(dir.resolve("flows.yaml")), flows.file());
  }

  @Test
  void load_badFile_throwsOneLineNamingTheFile() {
    Path file = file("flows:\n  main:\n    - goto: nowhere\n");
    var e = assertThrows(FlowsException.class, () -> load(file));
    assertEquals(
        file + ": flow main, verb 1 (goto): goes to flow nowhere, which does not exist",
        e.getMessage());
  }

  @Test
  void load_withoutFile_runsTheDemo() throws Exception {
    IvrSettings settings = new IvrSettings("en", Optional.empty(), Duration.ofSeconds(5), 2);
    Flows flows = Flows.load(settings, services, PromptSets::shipped);
    assertTrue(flows.file().isEmpty());
    assertTrue(flows.flowFor("100").isPresent());
  }

  @Test
  void reload_swapsInTheNewFlows_forNewCalls() throws Exception {
    Path file = file(V1);
    Flows flows = load(file);
    Files.writeString(file, V2);
    ReloadResult result = flows.reload();
    assertTrue(result.ok(), result.message());
    assertEquals(2, result.flows());
    assertEquals(2, result.numbers());
    assertEquals(List.of("welcome", "not-available"), call(flows, "100"));
    assertTrue(flows.flowFor("200").isPresent());
    assertEquals(1, flows.reloads());
  }

  @Test
  void reload_badFile_keepsTheFlowsInUse_andSaysWhy() throws Exception {
    Path file = file(V1);
    Flows flows = load(file);
    Files.writeString(file, "flows:\n  main:\n    - plya: welcome\n");
    ReloadResult result = flows.reload();
    assertFalse(result.ok());
    assertTrue(
        result
            .message()
            .endsWith(
                "flow main, verb 1: unknown verb 'plya'; verbs are play, menu, gather, lookup,"
                    + " hours, enqueue, voicemail, callback, transfer, language, goto, run, hangup"),
        result.message());
    assertEquals(List.of("welcome", "goodbye"), call(flows, "100"));
    assertEquals(1, flows.failedReloads());
  }

  @Test
  void reload_duringACall_letsTheCallFinishOnTheFlowsItStartedWith() throws Exception {
    Path file = file(V1);
    Flows flows = load(file);
    FakeCall call = new FakeCall(clock);
    call.media()
        .onPlay(
            "welcome",
            () -> {
              file(V2);
              assertTrue(flows.reload().ok());
            });
    flows.flowFor("100").orElseThrow().run(call);
    assertEquals(
        List.of("welcome", "goodbye"), call.media().promptsPlayed()); // goto second: the old one
    assertEquals(List.of("welcome", "not-available"), call(flows, "100"));
  }
}
