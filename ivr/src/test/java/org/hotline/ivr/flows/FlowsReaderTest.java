package org.hotline.ivr.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.hotline.config.IvrSettings;
import org.hotline.core.time.ManualClock;
import org.hotline.ivr.FlowDirectory;
import org.hotline.ivr.PromptSets;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeStores;
import org.hotline.ivr.verb.EnqueueVerb;
import org.hotline.ivr.verb.MenuVerb;
import org.junit.jupiter.api.Test;

/** Reading a flows file: what loads, and the one line each mistake is refused with. */
class FlowsReaderTest {
  private static final IvrSettings SETTINGS =
      new IvrSettings("en", Optional.empty(), Duration.ofSeconds(4), 1);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T02:00:00Z"));
  private final FakeStores stores = new FakeStores();

  private FlowDirectory read(String yaml) throws FlowsException {
    return read(yaml, PromptSets::shipped);
  }

  private FlowDirectory read(String yaml, BiPredicate<String, String> prompts)
      throws FlowsException {
    return new FlowsReader(SETTINGS, stores.services(clock, Map.of()), prompts).read(yaml);
  }

  /** The one line {@code yaml} is refused with. */
  private String error(String yaml) {
    FlowsException e = assertThrows(FlowsException.class, () -> read(yaml));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  private static final String QUEUES =
      """
      queues:
        sales: {}
        support: {}
      """;

  @Test
  void docsExample_loads_andServesItsNumbers() throws IOException, FlowsException {
    String docs = Files.readString(Path.of("..", "docs", "flows.md"));
    int start = docs.indexOf("```yaml\n") + "```yaml\n".length();
    String example = docs.substring(start, docs.indexOf("```", start));
    FlowDirectory flows = read(example);
    assertTrue(flows.numbers().contains("100"), flows.numbers().toString());
  }

  @Test
  void menu_defaultsComeFromTheSettings_andKeysFromTheFile() throws FlowsException {
    FlowDirectory flows =
        read(
            QUEUES
                + """
        numbers: {"100": main}
        flows:
          main:
            - menu:
                prompt: menu-main
                keys: {"1": sales, "*": [hangup]}
          sales:
            - enqueue: sales
        """);
    MenuVerb menu = (MenuVerb) flows.flow("main").orElseThrow().verbs().getFirst();
    assertEquals(Duration.ofSeconds(4), menu.timeout());
    assertEquals(1, menu.retries());
    assertEquals(List.of('*', '1'), List.copyOf(menu.branches().keySet()));
  }

  @Test
  void enqueue_takesTheQueuesWaitingOptions() throws FlowsException {
    FlowDirectory flows =
        read(
            """
        queues:
          sales:
            announce-every: PT45S
            announce: [wait]
            leave-key: "0"
            leave: [{voicemail: sales}]
        flows:
          main:
            - enqueue: {queue: sales, priority: 2}
        """);
    EnqueueVerb enqueue = (EnqueueVerb) flows.flow("main").orElseThrow().verbs().getFirst();
    assertEquals(2, enqueue.priority());
    assertEquals(Duration.ofSeconds(45), enqueue.options().announceEvery());
    assertFalse(enqueue.options().announcePosition());
    assertTrue(enqueue.options().announceWait());
    assertEquals(Optional.of('0'), enqueue.options().leaveKey());
  }

  @Test
  void flowsFromTheFile_run() throws FlowsException, InterruptedException {
    FlowDirectory flows =
        read(
            QUEUES
                + """
        numbers: {"100": main}
        flows:
          main:
            - run: greeting
            - play: [goodbye, {number: 42}]
            - hangup
          greeting:
            - play: welcome
        """);
    FakeCall call = new FakeCall(clock);
    flows.flowFor("100").orElseThrow().run(call);
    assertEquals(List.of("welcome", "goodbye", "num-40", "num-2"), call.media().promptsPlayed());
    assertEquals(List.of("flow-hangup"), call.hangups());
  }

  @Test
  void menuKey_toAMissingFlow() {
    assertEquals(
        "flow main, verb 3 (menu): key 7 goes to flow billing, which does not exist",
        error(
            """
            flows:
              main:
                - play: welcome
                - play: welcome
                - menu:
                    prompt: menu-main
                    keys: {"7": billing}
            """));
  }

  @Test
  void nestedVerbs_areNamedByTheirPath() {
    assertEquals(
        "flow main, verb 1 (menu), key 2, verb 1 (enqueue): queue billing does not exist; queues: sales, support",
        error(
            QUEUES
                + """
            flows:
              main:
                - menu:
                    prompt: menu-main
                    keys:
                      "2":
                        - enqueue: billing
            """));
  }

  @Test
  void unknownCalendar() {
    assertEquals(
        "flow main, verb 1 (hours): calendar office does not exist (the file defines no calendars)",
        error(
            """
            flows:
              main:
                - hours: {calendar: office, closed: [hangup]}
            """));
  }

  @Test
  void unknownPrompt_inEveryLanguage() {
    assertEquals(
        "flow main, verb 1 (play): prompt welcom does not exist in en and zh",
        error(
            """
            flows:
              main:
                - play: welcom
            """));
  }

  @Test
  void promptMissingInOneLanguage_isRefused_sinceACallerMaySwitch() {
    var e =
        assertThrows(
            FlowsException.class,
            () ->
                read(
                    """
        flows:
          main:
            - play: welcome
        """,
                    (language, name) -> language.equals("en")));
    assertEquals("flow main, verb 1 (play): prompt welcome does not exist in zh", e.getMessage());
  }

  @Test
  void promptsSaidForNumbers_areChecked() {
    var e =
        assertThrows(
            FlowsException.class,
            () ->
                read(
                    """
        flows:
          main:
            - play: [{number: 7}]
        """,
                    (language, name) -> !name.equals("num-7")));
    assertEquals(
        "flow main, verb 1 (play): prompt num-7 does not exist in en and zh", e.getMessage());
  }

  @Test
  void unknownVerb() {
    assertEquals(
        "flow main, verb 2: unknown verb 'plya'; verbs are play, menu, gather, lookup, hours, enqueue, voicemail,"
            + " callback, transfer, language, goto, run, hangup",
        error(
            """
            flows:
              main:
                - play: welcome
                - plya: goodbye
            """));
  }

  @Test
  void misspelledOption() {
    String message =
        error(
            """
        flows:
          main:
            - menu:
                prompt: menu-main
                keys: {"1": [hangup]}
                timout: 5
        """);
    assertTrue(
        message.startsWith(
            "flow main, verb 1 (menu): unknown option 'timout'; options are prompt, keys, timeout"),
        message);
  }

  @Test
  void twoVerbsInOneItem_isAnIndentationMistake() {
    assertEquals(
        "flow main, verb 1: holds play, hangup: one verb per list item, its options indented under it",
        error(
            """
            flows:
              main:
                - play: welcome
                  hangup:
            """));
  }

  @Test
  void badDuration() {
    assertEquals(
        "flow main, verb 1 (menu): timeout 'soon' is not a duration: seconds (5) or ISO-8601 (PT5S)",
        error(
            """
            flows:
              main:
                - menu: {prompt: menu-main, keys: {"1": [hangup]}, timeout: soon}
            """));
  }

  @Test
  void badKey() {
    assertEquals(
        "flow main, verb 1 (menu): key '12' is not a phone key (0-9, *, #, A-D)",
        error(
            """
            flows:
              main:
                - menu: {prompt: menu-main, keys: {"12": [hangup]}}
            """));
  }

  @Test
  void transferToANumberNotAllowed() {
    assertEquals(
        "flow main, verb 1 (transfer): number +862161234568 is not on transfer-allow",
        error(
            """
            transfer-allow: ["+862161234567"]
            flows:
              main:
                - transfer: "number:+862161234568"
            """));
  }

  @Test
  void transferAllow_aNumberTheDialPolicyRefuses_isRefused_saysWhy() {
    assertEquals(
        "transfer-allow: +12025550123 is an international fixed-line or mobile number (US), which hotline.dial.allow does not allow"
            + " (national,!premium)",
        error(
            """
            transfer-allow: ["+862161234567", "+12025550123"]
            flows:
              main: [hangup]
            """));
  }

  @Test
  void transferAllow_numbersMustBeQuoted() {
    assertTrue(
        error(
                """
        transfer-allow: [+862161234567]
        flows:
          main: [hangup]
        """)
            .startsWith("transfer-allow: '862161234567' must be written in quotes"));
  }

  @Test
  void numberToAMissingFlow() {
    assertEquals(
        "numbers: number 100 goes to flow mian, which does not exist",
        error(
            """
            numbers: {"100": mian}
            flows:
              main: [hangup]
            """));
  }

  @Test
  void gotoLoop_withNoWayOut() {
    assertEquals(
        "flow a, verb 2 (goto): loops a -> b -> a with no way out: nothing on the way ends the call, hands it off"
            + " or offers a branch that leads out",
        error(
            """
            flows:
              a:
                - play: welcome
                - goto: b
              b:
                - goto: a
            """));
  }

  @Test
  void menuLoop_whoseBranchesAllComeBack_isRefused() {
    assertTrue(
        error(
                """
        flows:
          m:
            - menu: {prompt: menu-main, keys: {"1": m}, default: m}
        """)
            .startsWith("flow m, verb 1 (menu): loops m -> m with no way out"));
  }

  @Test
  void menuLoop_withABranchThatLeadsOut_loads() throws FlowsException {
    read(
        QUEUES
            + """
        flows:
          main-menu:
            - menu: {prompt: menu-main, keys: {"1": sales, "9": main-menu}, default: main-menu}
          sales:
            - enqueue: sales
        """);
  }

  @Test
  void loopThroughASubFlowThatOnlyPlays_isRefused() {
    assertTrue(
        error(
                """
        flows:
          a:
            - run: b
            - goto: a
          b:
            - play: welcome
        """)
            .startsWith("flow a, verb 2 (goto): loops a -> a"));
  }

  @Test
  void invalidYaml_saysWhere() {
    String message =
        error(
            """
        flows:
          main:
            - play: [welcome
        """);
    assertTrue(message.startsWith("not valid YAML at line "), message);
  }

  @Test
  void keyWrittenTwice_isRefused() {
    assertTrue(
        error(
                """
        flows:
          main: [hangup]
          main: [hangup]
        """)
            .startsWith("not valid YAML"));
  }

  @Test
  void leaveKeyWithoutLeaveBranch() {
    assertEquals(
        "queue sales: has a leave-key but no leave branch to run",
        error(
            """
            queues:
              sales: {leave-key: "*"}
            flows:
              main: [hangup]
            """));
  }

  @Test
  void unknownTimeZone() {
    assertEquals(
        "calendar office: time zone 'Asia/Shangai' is not known (like Asia/Shanghai, Europe/Berlin)",
        error(
            """
            calendars:
              office: {time-zone: Asia/Shangai}
            flows:
              main: [hangup]
            """));
  }

  @Test
  void badOpeningHours() {
    assertEquals(
        "calendar office: weekly mon-fri: '18:00-09:00' ends before it starts (split a range past midnight over two days)",
        error(
            """
            calendars:
              office:
                time-zone: Asia/Shanghai
                weekly: {mon-fri: "18:00-09:00"}
            flows:
              main: [hangup]
            """));
  }

  @Test
  void unknownTopLevelKey() {
    assertTrue(
        error(
                """
        flow:
          main: [hangup]
        flows:
          main: [hangup]
        """)
            .startsWith("unknown top-level key 'flow'"));
  }

  @Test
  void emptyFlow() {
    assertEquals(
        "flow main: has no verbs",
        error(
            """
        flows:
          main: []
        """));
  }

  @Test
  void missingFile_isOneLine() {
    var reader = new FlowsReader(SETTINGS, stores.services(clock, Map.of()), PromptSets::shipped);
    var e = assertThrows(FlowsException.class, () -> reader.read(Path.of("no-such-flows.yaml")));
    assertEquals("flows file no-such-flows.yaml does not exist", e.getMessage());
  }
}
