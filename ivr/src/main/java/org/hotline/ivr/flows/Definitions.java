package org.hotline.ivr.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.hotline.core.flow.TransferTarget;
import org.hotline.ivr.calendar.BusinessCalendar;

/**
 * What a flows file defines (flows, queues, calendars, transfer numbers) and the prompts that can
 * be played, so each name a verb refers to is checked where it is written, with a message that says
 * so.
 *
 * @param promptExists whether prompt {@code (language, name)} can be played
 * @param flows the flow names
 * @param queues the queues by name; filled as the file's queues are read
 * @param calendars the calendars by name
 * @param transferAllow the numbers a transfer may dial
 */
record Definitions(
    BiPredicate<String, String> promptExists,
    Set<String> flows,
    Map<String, QueueDefinition> queues,
    Map<String, BusinessCalendar> calendars,
    Set<String> transferAllow) {

  /** {@code name} when it is a flow; {@code how} says what refers to it ({@code key 7 goes to}). */
  String flow(String name, String at, String how) throws FlowsException {
    if (!flows.contains(name)) {
      throw FlowsException.at(at, how + " flow " + name + ", which does not exist");
    }
    return name;
  }

  /** The queue {@code name}. */
  QueueDefinition queue(String name, String at) throws FlowsException {
    QueueDefinition queue = queues.get(name);
    if (queue == null) {
      throw FlowsException.at(
          at, "queue " + name + " does not exist" + known("queues", queues.keySet()));
    }
    return queue;
  }

  /** The calendar {@code name}. */
  BusinessCalendar calendar(String name, String at) throws FlowsException {
    BusinessCalendar calendar = calendars.get(name);
    if (calendar == null) {
      throw FlowsException.at(
          at, "calendar " + name + " does not exist" + known("calendars", calendars.keySet()));
    }
    return calendar;
  }

  /** Checks {@code name} is a prompt in every language a caller may switch to. */
  String prompt(String name, String at) throws FlowsException {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw FlowsException.at(
          at, "prompt '" + name + "' is not a prompt name (letters, digits, - . _)");
    }
    checkPrompt(name, at);
    return name;
  }

  /** Checks {@code name} exists in every language; for names the file does not spell out. */
  void checkPrompt(String name, String at) throws FlowsException {
    List<String> missing = new ArrayList<>();
    for (String language : FlowsReader.LANGUAGES) {
      if (!promptExists.test(language, name)) {
        missing.add(language);
      }
    }
    if (!missing.isEmpty()) {
      throw FlowsException.at(
          at, "prompt " + name + " does not exist in " + String.join(" and ", missing));
    }
  }

  /** {@code agent:<id>}, or {@code number:<number>} from the allow-list. */
  TransferTarget target(String to, String at) throws FlowsException {
    if (to.startsWith("agent:") && to.length() > "agent:".length()) {
      return new TransferTarget.Agent(to.substring("agent:".length()));
    }
    if (to.startsWith("number:")) {
      String number = to.substring("number:".length());
      if (!transferAllow.contains(number)) {
        throw FlowsException.at(at, "number " + number + " is not on transfer-allow");
      }
      return new TransferTarget.Number(number);
    }
    throw FlowsException.at(at, "to '" + to + "' is neither agent:<id> nor number:<number>");
  }

  private static String known(String what, Set<String> names) {
    return names.isEmpty()
        ? " (the file defines no " + what + ")"
        : "; " + what + ": " + String.join(", ", new TreeSet<>(names));
  }
}
