package org.hotline.ivr.flows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.config.IvrSettings;
import org.hotline.core.flow.TransferTarget;
import org.hotline.ivr.calendar.BusinessCalendar;
import org.hotline.ivr.speech.Speech;
import org.hotline.ivr.verb.CallbackVerb;
import org.hotline.ivr.verb.EnqueueVerb;
import org.hotline.ivr.verb.GatherVerb;
import org.hotline.ivr.verb.GotoVerb;
import org.hotline.ivr.verb.HangupVerb;
import org.hotline.ivr.verb.HoursVerb;
import org.hotline.ivr.verb.LanguageVerb;
import org.hotline.ivr.verb.LookupVerb;
import org.hotline.ivr.verb.MenuVerb;
import org.hotline.ivr.verb.PlayVerb;
import org.hotline.ivr.verb.RunVerb;
import org.hotline.ivr.verb.Sequence;
import org.hotline.ivr.verb.TransferVerb;
import org.hotline.ivr.verb.Verb;
import org.hotline.ivr.verb.VoicemailVerb;

/**
 * Builds verbs from the flows file, one kind at a time, checking every name they refer to (flows,
 * queues, calendars, prompts in every language, transfer numbers) and every option, so that a file
 * that loads runs. Each error names its place: {@code flow main, verb 3 (menu), key 2, verb 1
 * (enqueue)}.
 */
final class VerbReader {
  /** Priority of an {@code enqueue} or {@code callback} that does not say. */
  static final int DEFAULT_PRIORITY = 5;

  /** The lowest priority a flow may give (higher numbers are served later). */
  static final int MAX_PRIORITY = 99;

  private static final Duration INTER_DIGIT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration VOICEMAIL_MAX_LENGTH = Duration.ofMinutes(2);
  private static final Duration VOICEMAIL_MAX_SILENCE = Duration.ofSeconds(5);
  private static final int GATHER_MAX_LENGTH = 20;

  private final IvrSettings settings;
  private final Definitions defs;
  private final Set<String> readingLeaves = new HashSet<>();

  /**
   * @param settings the menu timeout and retries for menus and gathers that do not say
   * @param defs what the file defines, to check what verbs refer to
   */
  VerbReader(IvrSettings settings, Definitions defs) {
    this.settings = settings;
    this.defs = defs;
  }

  /** The verbs of a list ({@code where} is the flow or branch holding them). */
  List<Verb> verbs(JsonNode list, String where) throws FlowsException {
    if (list == null || !list.isArray()) {
      throw FlowsException.at(
          where, "must be a list of verbs (- play: welcome), not " + Options.describe(list));
    }
    if (list.isEmpty()) {
      throw FlowsException.at(where, "has no verbs");
    }
    List<Verb> verbs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      verbs.add(verb(list.get(i), where, i + 1));
    }
    return verbs;
  }

  /**
   * A branch: a flow name (a goto), a list of verbs, or nothing ({@link Sequence#of()}: go on with
   * the next verb).
   */
  Verb branch(JsonNode node, String where, String label) throws FlowsException {
    if (node == null || node.isNull()) {
      return Sequence.of();
    }
    if (node.isArray()) {
      return new Sequence(verbs(node, where + ", " + label));
    }
    return new GotoVerb(defs.flow(Options.scalar(node, where, label), where, label + " goes to"));
  }

  private Verb verb(JsonNode node, String where, int position) throws FlowsException {
    String kind;
    JsonNode value;
    if (node.isTextual()) {
      kind = node.asText();
      value = null;
    } else if (node.isObject() && node.size() == 1) {
      var field = node.properties().iterator().next();
      kind = field.getKey();
      value = field.getValue().isNull() ? null : field.getValue();
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      throw FlowsException.at(
          where + ", verb " + position,
          "holds "
              + String.join(", ", names)
              + ": one verb per list item, its options indented under it");
    } else {
      throw FlowsException.at(
          where + ", verb " + position, "is " + Options.describe(node) + ", not a verb");
    }
    String at = where + ", verb " + position + " (" + kind + ")";
    Verb verb =
        switch (kind) {
          case "play" -> play(value, at);
          case "menu" -> menu(value, at);
          case "gather" -> gather(value, at);
          case "lookup" -> lookup(value, at);
          case "hours" -> hours(value, at);
          case "enqueue" -> enqueue(value, at);
          case "voicemail" -> voicemail(value, at);
          case "callback" -> callback(value, at);
          case "transfer" -> transfer(value, at);
          case "language" -> language(value, at);
          case "goto" -> new GotoVerb(defs.flow(required(value, at, "the flow"), at, "goes to"));
          case "run" -> new RunVerb(defs.flow(required(value, at, "the flow"), at, "runs"));
          case "hangup" -> hangup(value, at);
          default ->
              throw FlowsException.at(
                  where + ", verb " + position,
                  "unknown verb '" + kind + "'; verbs are " + String.join(", ", Verbs.KINDS));
        };
    for (String prompt : verb.promptNames()) {
      defs.checkPrompt(prompt, at);
    }
    return verb;
  }

  private PlayVerb play(JsonNode value, String at) throws FlowsException {
    List<JsonNode> items = new ArrayList<>();
    boolean bargeIn = false;
    if (value != null && value.isObject() && !isSpeech(value)) {
      Options options = Options.of(value, at, "play");
      items.addAll(options.list("prompts"));
      bargeIn = options.bool("barge-in", false);
      options.done();
    } else if (value != null && value.isArray()) {
      value.forEach(items::add);
    } else if (value != null) {
      items.add(value);
    }
    if (items.isEmpty()) {
      throw FlowsException.at(
          at, "says nothing: give prompts (play: welcome, or play: {prompts: [a, b]})");
    }
    List<Speech> parts = new ArrayList<>();
    for (JsonNode item : items) {
      parts.add(speech(item, at));
    }
    return new PlayVerb(parts, bargeIn);
  }

  private static boolean isSpeech(JsonNode node) {
    return node.size() == 1 && (node.has("number") || node.has("digits") || node.has("wait"));
  }

  private Speech speech(JsonNode item, String at) throws FlowsException {
    if (!item.isObject()) {
      return new Speech.Prompt(defs.prompt(Options.scalar(item, at, "prompt"), at));
    }
    if (!isSpeech(item)) {
      throw FlowsException.at(
          at, "a spoken item is one of number, digits or wait, like {number: $count}");
    }
    var field = item.properties().iterator().next();
    Speech.Value value = Speech.Value.of(Options.scalar(field.getValue(), at, field.getKey()));
    if (!value.variable()) {
      String text = value.literal();
      boolean ok =
          field.getKey().equals("digits") ? text.matches("[0-9]+") : text.matches("[0-9]{1,4}");
      if (!ok) {
        throw FlowsException.at(
            at,
            field.getKey()
                + " '"
                + text
                + "' is neither a variable ($name) nor a number"
                + (field.getKey().equals("digits") ? "" : " from 0 to 9999"));
      }
    }
    return switch (field.getKey()) {
      case "number" -> new Speech.Number(value);
      case "digits" -> new Speech.Digits(value);
      default -> new Speech.Wait(value);
    };
  }

  private MenuVerb menu(JsonNode value, String at) throws FlowsException {
    Options options = Options.of(value, at, "menu");
    String prompt = defs.prompt(options.string("prompt"), at);
    Map<Character, Verb> branches = new LinkedHashMap<>();
    JsonNode keys = options.get("keys");
    if (keys == null || !keys.isObject() || keys.isEmpty()) {
      throw FlowsException.at(at, "keys must list each key with its branch (\"1\": sales)");
    }
    for (var entry : keys.properties()) {
      char key = Options.key(entry.getKey(), at, "key");
      branches.put(key, branch(entry.getValue(), at, "key " + key));
    }
    MenuVerb menu =
        new MenuVerb(
            prompt,
            branches,
            positive(options, "timeout", settings.menuTimeout()),
            options.integer("retries", settings.menuRetries(), 0, 10),
            defs.prompt(options.optionalString("invalid-prompt").orElse("invalid"), at),
            defs.prompt(options.optionalString("no-input-prompt").orElse("no-input"), at),
            branch(options.get("default"), at, "default"));
    options.done();
    return menu;
  }

  private GatherVerb gather(JsonNode value, String at) throws FlowsException {
    Options options = Options.of(value, at, "gather");
    String variable = options.string("variable");
    if (!variable.matches("[a-z][a-z0-9._-]*")) {
      throw FlowsException.at(
          at, "variable '" + variable + "' is not a name like account or order-id");
    }
    String prompt = defs.prompt(options.string("prompt"), at);
    int exact = options.integer("digits", 0, 1, GATHER_MAX_LENGTH);
    int min = options.integer("min-length", exact == 0 ? 1 : exact, 1, GATHER_MAX_LENGTH);
    int max =
        options.integer("max-length", exact == 0 ? GATHER_MAX_LENGTH : exact, 1, GATHER_MAX_LENGTH);
    if (exact > 0 && (min != exact || max != exact)) {
      throw FlowsException.at(at, "give either digits or min-length and max-length");
    }
    if (max < min) {
      throw FlowsException.at(at, "max-length " + max + " is less than min-length " + min);
    }
    GatherVerb gather =
        new GatherVerb(
            prompt,
            variable,
            min,
            max,
            options.key("finish-key", Optional.of('#')),
            positive(options, "first-digit-timeout", settings.menuTimeout()),
            positive(options, "inter-digit-timeout", INTER_DIGIT_TIMEOUT),
            options.integer("retries", settings.menuRetries(), 0, 10),
            defs.prompt(options.optionalString("invalid-prompt").orElse("invalid"), at),
            defs.prompt(options.optionalString("no-input-prompt").orElse("no-input"), at),
            branch(options.get("failed"), at, "failed"));
    options.done();
    return gather;
  }

  private LookupVerb lookup(JsonNode value, String at) throws FlowsException {
    if (value == null) {
      return new LookupVerb(Map.of(), Sequence.of());
    }
    Options options = Options.of(value, at, "lookup");
    Map<String, Verb> levels = new LinkedHashMap<>();
    JsonNode byLevel = options.get("levels");
    if (byLevel != null && !byLevel.isObject()) {
      throw FlowsException.at(
          at, "levels must list each customer level with its branch (VIP: vip)");
    }
    if (byLevel != null) {
      for (var entry : byLevel.properties()) {
        levels.put(entry.getKey(), branch(entry.getValue(), at, "level " + entry.getKey()));
      }
    }
    LookupVerb lookup = new LookupVerb(levels, branch(options.get("unknown"), at, "unknown"));
    options.done();
    return lookup;
  }

  private HoursVerb hours(JsonNode value, String at) throws FlowsException {
    Options options = Options.of(value, at, "hours");
    String name = options.string("calendar");
    BusinessCalendar calendar = defs.calendar(name, at);
    HoursVerb hours =
        new HoursVerb(
            calendar,
            branch(options.get("open"), at, "open"),
            branch(options.get("closed"), at, "closed"));
    options.done();
    return hours;
  }

  private EnqueueVerb enqueue(JsonNode value, String at) throws FlowsException {
    Options options = value != null && value.isObject() ? Options.of(value, at, "enqueue") : null;
    String name = options == null ? required(value, at, "the queue") : options.string("queue");
    QueueDefinition queue = defs.queue(name, at);
    int priority =
        options == null
            ? DEFAULT_PRIORITY
            : options.integer("priority", DEFAULT_PRIORITY, 0, MAX_PRIORITY);
    Verb leave;
    if (options != null && options.has("leave")) {
      leave = branch(options.get("leave"), at, "leave");
    } else {
      leave = queueLeave(queue, at);
    }
    if (options != null) {
      options.done();
    }
    if (queue.options().leaveKey().isEmpty() && options != null && options.has("leave")) {
      throw FlowsException.at(at, "has a leave branch, but queue " + name + " has no leave-key");
    }
    return new EnqueueVerb(name, priority, queue.options(), leave);
  }

  /** The leave branch queue {@code queue} defines, read for one {@code enqueue}. */
  Verb queueLeave(QueueDefinition queue, String at) throws FlowsException {
    if (queue.leave() == null) {
      return Sequence.of();
    }
    if (!readingLeaves.add(queue.name())) {
      throw FlowsException.at(
          at, "enqueues into " + queue.name() + " from that queue's own leave branch");
    }
    try {
      return branch(queue.leave(), "queue " + queue.name(), "leave");
    } finally {
      readingLeaves.remove(queue.name());
    }
  }

  private VoicemailVerb voicemail(JsonNode value, String at) throws FlowsException {
    Options options = value != null && value.isObject() ? Options.of(value, at, "voicemail") : null;
    String box = options == null ? required(value, at, "the mailbox") : options.string("box");
    if (!box.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw FlowsException.at(at, "box '" + box + "' is not a name like general or after-hours");
    }
    if (options == null) {
      return new VoicemailVerb(
          box,
          "voicemail-intro",
          "beep",
          "voicemail-saved",
          VOICEMAIL_MAX_LENGTH,
          VOICEMAIL_MAX_SILENCE,
          "#");
    }
    String finishKeys = options.optionalString("finish-keys").orElse("#");
    for (char key : finishKeys.toCharArray()) {
      Options.key(String.valueOf(key), at, "finish key");
    }
    VoicemailVerb voicemail =
        new VoicemailVerb(
            box,
            defs.prompt(options.optionalString("prompt").orElse("voicemail-intro"), at),
            defs.prompt(options.optionalString("beep").orElse("beep"), at),
            defs.prompt(options.optionalString("thanks-prompt").orElse("voicemail-saved"), at),
            positive(options, "max-length", VOICEMAIL_MAX_LENGTH),
            options.duration("max-silence", VOICEMAIL_MAX_SILENCE),
            finishKeys);
    options.done();
    return voicemail;
  }

  private CallbackVerb callback(JsonNode value, String at) throws FlowsException {
    Options options = value != null && value.isObject() ? Options.of(value, at, "callback") : null;
    Optional<String> queue =
        options != null
            ? options.optionalString("queue")
            : value == null
                ? Optional.empty()
                : Optional.of(Options.scalar(value, at, "the queue"));
    if (queue.isPresent()) {
      defs.queue(queue.get(), at);
    }
    if (options == null) {
      return new CallbackVerb(
          queue, DEFAULT_PRIORITY, CallbackVerb.CONFIRM_PROMPT, CallbackVerb.IMPOSSIBLE_PROMPT);
    }
    CallbackVerb callback =
        new CallbackVerb(
            queue,
            options.integer("priority", DEFAULT_PRIORITY, 0, MAX_PRIORITY),
            defs.prompt(options.optionalString("prompt").orElse(CallbackVerb.CONFIRM_PROMPT), at),
            defs.prompt(
                options.optionalString("impossible-prompt").orElse(CallbackVerb.IMPOSSIBLE_PROMPT),
                at));
    options.done();
    return callback;
  }

  private TransferVerb transfer(JsonNode value, String at) throws FlowsException {
    Options options = value != null && value.isObject() ? Options.of(value, at, "transfer") : null;
    String to =
        options == null
            ? required(value, at, "the target (agent:1001 or number:+862161234567)")
            : options.string("to");
    TransferTarget target = defs.target(to, at);
    if (options == null) {
      return new TransferVerb(
          target, TransferVerb.PROMPT, TransferVerb.FAILED_PROMPT, Sequence.of());
    }
    TransferVerb transfer =
        new TransferVerb(
            target,
            defs.prompt(options.optionalString("prompt").orElse(TransferVerb.PROMPT), at),
            defs.prompt(
                options.optionalString("failed-prompt").orElse(TransferVerb.FAILED_PROMPT), at),
            branch(options.get("failed"), at, "failed"));
    options.done();
    return transfer;
  }

  private LanguageVerb language(JsonNode value, String at) throws FlowsException {
    Options options = Options.of(value, at, "language");
    String prompt = defs.prompt(options.optionalString("prompt").orElse("choose-language"), at);
    JsonNode keys = options.get("keys");
    if (keys == null || !keys.isObject() || keys.isEmpty()) {
      throw FlowsException.at(at, "keys must list each key with its language (\"1\": zh)");
    }
    Map<Character, String> languages = new LinkedHashMap<>();
    for (var entry : keys.properties()) {
      char key = Options.key(entry.getKey(), at, "key");
      languages.put(key, languageCode(Options.scalar(entry.getValue(), at, "key " + key), at));
    }
    Optional<String> fallback = options.optionalString("default");
    LanguageVerb language =
        new LanguageVerb(
            prompt,
            languages,
            positive(options, "timeout", settings.menuTimeout()),
            fallback.isPresent()
                ? Optional.of(languageCode(fallback.get(), at))
                : Optional.empty());
    options.done();
    return language;
  }

  private static String languageCode(String code, String at) throws FlowsException {
    if (!FlowsReader.LANGUAGES.contains(code)) {
      throw FlowsException.at(
          at, "language '" + code + "' is not one of " + String.join(", ", FlowsReader.LANGUAGES));
    }
    return code;
  }

  private HangupVerb hangup(JsonNode value, String at) throws FlowsException {
    if (value == null) {
      return new HangupVerb();
    }
    if (!value.isObject()) {
      return new HangupVerb(defs.prompt(Options.scalar(value, at, "prompt"), at));
    }
    Options options = Options.of(value, at, "hangup");
    Optional<String> prompt = options.optionalString("prompt");
    options.done();
    return new HangupVerb(
        prompt.isPresent() ? Optional.of(defs.prompt(prompt.get(), at)) : Optional.empty());
  }

  private static String required(JsonNode value, String at, String what) throws FlowsException {
    if (value == null) {
      throw FlowsException.at(at, "needs " + what);
    }
    return Options.scalar(value, at, what);
  }

  private static Duration positive(Options options, String name, Duration fallback)
      throws FlowsException {
    Duration duration = options.duration(name, fallback);
    if (duration.isZero()) {
      throw FlowsException.at(options.where(), name + " must be longer than 0");
    }
    return duration;
  }
}
