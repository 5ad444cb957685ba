package org.hotline.ivr.flows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.hotline.config.IvrSettings;
import org.hotline.core.dial.DialDecision;
import org.hotline.core.dial.DialableNumber;
import org.hotline.ivr.Flow;
import org.hotline.ivr.FlowDirectory;
import org.hotline.ivr.calendar.BusinessCalendar;
import org.hotline.ivr.verb.FlowServices;
import org.hotline.ivr.verb.QueueOptions;
import org.hotline.ivr.verb.Verb;

/**
 * Reads a flows file (YAML, described in {@code docs/flows.md}) into a {@link FlowDirectory}, or
 * refuses it with one line saying where and why. A file that loads refers only to flows, queues,
 * calendars, transfer numbers and prompts (in every language in {@link #LANGUAGES}) that exist,
 * spells every option right, has no loop without a way out, and lists no transfer number the dial
 * policy ({@code hotline.dial.allow}) refuses.
 *
 * <p>Top-level keys: {@code numbers}, {@code queues}, {@code calendars}, {@code transfer-allow},
 * {@code flows}.
 */
public final class FlowsReader {

  /** The prompt languages a caller may switch between; every prompt must exist in each. */
  public static final List<String> LANGUAGES = List.of("en", "zh");

  private static final List<String> ANNOUNCE = List.of("position", "wait");

  private final ObjectMapper yaml;
  private final IvrSettings settings;
  private final FlowServices services;
  private final BiPredicate<String, String> promptExists;

  /**
   * @param settings the language calls start in, and the menu timeout and retries for menus that do
   *     not say
   * @param services what the flows' verbs use
   * @param promptExists whether prompt {@code (language, name)} can be played
   */
  public FlowsReader(
      IvrSettings settings, FlowServices services, BiPredicate<String, String> promptExists) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.services = Objects.requireNonNull(services, "services");
    this.promptExists = Objects.requireNonNull(promptExists, "promptExists");
    YAMLFactory factory = new YAMLFactory();
    factory.enable(
        JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // a key written twice is a mistake
    this.yaml = new ObjectMapper(factory);
  }

  /** Reads the flows file {@code file}. */
  public FlowDirectory read(Path file) throws FlowsException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new FlowsException("flows file " + file + " does not exist");
    } catch (IOException e) {
      throw new FlowsException("flows file " + file + " cannot be read: " + e.getMessage());
    }
    return read(text);
  }

  /** Reads a flows file's text. */
  public FlowDirectory read(String text) throws FlowsException {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String why = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw new FlowsException("not valid YAML" + where + ": " + why);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new FlowsException("the flows file is empty");
    }
    Options top = Options.of(root, "", "the flows file");
    JsonNode numberNodes = top.get("numbers");
    JsonNode queueNodes = top.get("queues");
    JsonNode calendarNodes = top.get("calendars");
    List<JsonNode> allowNodes = top.list("transfer-allow");
    JsonNode flowNodes = top.get("flows");
    top.done();
    if (flowNodes == null || !flowNodes.isObject() || flowNodes.isEmpty()) {
      throw new FlowsException("flows must list each flow by name with its verbs");
    }
    Set<String> flowNames = new LinkedHashSet<>();
    flowNodes.fieldNames().forEachRemaining(flowNames::add);

    Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    for (var entry : entries(calendarNodes, "calendars", "each calendar by name with its hours")) {
      calendars.put(entry.getKey(), CalendarReader.read(entry.getKey(), entry.getValue()));
    }
    Definitions defs =
        new Definitions(
            promptExists, flowNames, new LinkedHashMap<>(), calendars, transferAllow(allowNodes));
    for (var entry : entries(queueNodes, "queues", "each queue by name with how callers wait")) {
      defs.queues().put(entry.getKey(), queue(entry.getKey(), entry.getValue(), defs));
    }
    VerbReader verbs = new VerbReader(settings, defs);
    for (QueueDefinition queue : defs.queues().values()) {
      verbs.queueLeave(queue, "queue " + queue.name()); // checked even where no enqueue uses it
    }

    Map<String, List<Verb>> bodies = new LinkedHashMap<>();
    for (String name : flowNames) {
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw FlowsException.at("flow " + name, "is not a flow name (letters, digits, - . _)");
      }
      bodies.put(name, verbs.verbs(flowNodes.get(name), "flow " + name));
    }
    Map<String, String> numbers = numbers(numberNodes, flowNames);
    LoopCheck.check(bodies);

    List<Flow> flows = new ArrayList<>();
    bodies.forEach((name, body) -> flows.add(new Flow(name, settings.language(), body)));
    Map<String, QueueOptions> queueOptions = new HashMap<>();
    defs.queues().forEach((name, queue) -> queueOptions.put(name, queue.options()));
    return new FlowDirectory(flows, numbers, queueOptions, services);
  }

  private static QueueDefinition queue(String name, JsonNode node, Definitions defs)
      throws FlowsException {
    String where = "queue " + name;
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw FlowsException.at(where, "is not a queue name (letters, digits, - . _)");
    }
    Options options = node == null || node.isNull() ? null : Options.of(node, where, "a queue");
    if (options == null) {
      return new QueueDefinition(name, QueueOptions.DEFAULT, null);
    }
    String hold =
        defs.prompt(options.optionalString("hold-prompt").orElse(QueueOptions.HOLD_PROMPT), where);
    String music = defs.prompt(options.optionalString("music").orElse(QueueOptions.MUSIC), where);
    var every = options.duration("announce-every", java.time.Duration.ZERO);
    Set<String> announce = new LinkedHashSet<>();
    List<JsonNode> items = options.has("announce") ? options.list("announce") : List.of();
    if (!options.has("announce")) {
      announce.addAll(ANNOUNCE);
    }
    for (JsonNode item : items) {
      String what = Options.scalar(item, where, "announce");
      if (!ANNOUNCE.contains(what)) {
        throw FlowsException.at(
            where, "announce '" + what + "' is not one of " + String.join(", ", ANNOUNCE));
      }
      announce.add(what);
    }
    Optional<Character> leaveKey = options.key("leave-key", Optional.empty());
    Optional<String> leavePrompt = options.optionalString("leave-prompt");
    if (leavePrompt.isPresent()) {
      defs.prompt(leavePrompt.get(), where);
    }
    JsonNode leave = options.get("leave");
    options.done();
    if (leaveKey.isPresent() != (leave != null)) {
      throw FlowsException.at(
          where,
          leaveKey.isPresent()
              ? "has a leave-key but no leave branch to run"
              : "has a leave branch but no leave-key to reach it");
    }
    QueueOptions queue =
        new QueueOptions(
            hold,
            music,
            every,
            announce.contains("position"),
            announce.contains("wait"),
            leaveKey,
            leavePrompt);
    return new QueueDefinition(name, queue, leave);
  }

  private static Map<String, String> numbers(JsonNode node, Set<String> flowNames)
      throws FlowsException {
    Map<String, String> numbers = new LinkedHashMap<>();
    for (var entry : entries(node, "numbers", "each dialed number with its flow (\"100\": main)")) {
      String number = entry.getKey();
      String flow = Options.scalar(entry.getValue(), "numbers", "number " + number);
      if (!DialableNumber.isEntryNumber(number)) {
        throw FlowsException.at("numbers", "'" + number + "' is not a dialable number");
      }
      if (!flowNames.contains(flow)) {
        throw FlowsException.at(
            "numbers", "number " + number + " goes to flow " + flow + ", which does not exist");
      }
      numbers.put(number, flow);
    }
    return numbers;
  }

  /**
   * The numbers a transfer may dial: each also one the dial policy allows, or it could never be.
   */
  private Set<String> transferAllow(List<JsonNode> items) throws FlowsException {
    Set<String> numbers = new LinkedHashSet<>();
    for (JsonNode item : items) {
      if (!item.isTextual()) {
        throw FlowsException.at(
            "transfer-allow",
            Options.describe(item)
                + " must be written in quotes (\"+862161234567\"), so YAML keeps it as written");
      }
      String number = item.asText().strip();
      if (!DialableNumber.isTransferNumber(number)) {
        throw FlowsException.at(
            "transfer-allow", "'" + number + "' is not a dialable number like +862161234567");
      }
      if (services.dialing().policy().check(number)
          instanceof DialDecision.Refused(String reason)) {
        throw FlowsException.at("transfer-allow", reason);
      }
      numbers.add(number);
    }
    return numbers;
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode node, String key, String what)
      throws FlowsException {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (node == null) {
      return entries;
    }
    if (!node.isObject()) {
      throw new FlowsException(key + " must list " + what + ", not " + Options.describe(node));
    }
    entries.addAll(node.properties());
    return entries;
  }
}
