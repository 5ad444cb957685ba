package org.hotline.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.agent.AgentState;
import org.hotline.core.call.CallOutcome;
import org.junit.jupiter.api.Test;

/**
 * The console's and the wallboard's texts: every text has its English and its Chinese, and every
 * key the pages and their modules name, directly or built from a state, role, outcome or strategy,
 * is in the dictionary, theirs or the login form's ({@link LoginTextsTest}).
 */
class ConsoleTextsTest {
  private static final String[] FILES = {
    "console/index.html",
    "console/app.js",
    "console/api.js",
    "console/dom.js",
    "console/reports.js",
    "console/agents.js",
    "console/queues.js",
    "console/users.js",
    "console/audit.js",
    "console/audit-text.js",
    "console/security.js",
    "wallboard/index.html",
    "wallboard/wallboard.js"
  };

  /**
   * A column's title in a page's table: {@code id: 'created', key: 'users.createdAt'} in a column
   * of fillTable.
   */
  private static final Pattern COLUMN_TITLE =
      Pattern.compile("\\bid: '[^']+',\\s+key: '([a-zA-Z]+\\.[a-zA-Z_.-]+)'");

  /**
   * An English entry of the dictionary and its text: {@code 'users.created': 'User {name}
   * created.',}.
   */
  private static final Pattern ENTRY =
      Pattern.compile("^\\s+'([^']+)': '((?:[^'\\\\]|\\\\.)*)',$", Pattern.MULTILINE);

  @Test
  void englishAndChinese_haveTheSameKeys() throws IOException {
    String texts = PageSources.read("console/texts.js");
    int en = texts.indexOf("\n  en: {");
    int zh = texts.indexOf("\n  zh: {");
    assertTrue(en > 0 && zh > en, "the dictionary has an en and a zh block");
    Set<String> english = PageSources.keys(texts.substring(en, zh));
    Set<String> chinese = PageSources.keys(texts.substring(zh));

    assertTrue(english.size() > 150, english.toString());
    assertEquals(english, chinese);
  }

  @Test
  void thePages_speakTheLoginFormsTexts_andTheConsoleNamesItsAudience() throws IOException {
    assertTrue(
        PageSources.read("console/i18n.js")
            .contains("languageOf(combined(DICTIONARY, LOGIN_TEXTS),"),
        "the console's and the wallboard's language has the login form's texts");
    assertTrue(
        PageSources.read("console/app.js").contains("new LoginForm($('login-view'), 'console',"),
        "the console's login form");
  }

  @Test
  void everyKeyThePagesName_isInTheDictionary() throws IOException {
    Set<String> dictionary = PageSources.keys(PageSources.read("console/texts.js"));
    dictionary.addAll(PageSources.loginKeys());
    Set<String> missing = new TreeSet<>();
    Pattern named =
        Pattern.compile(
            "data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"|\\bt\\('([a-zA-Z]+\\.[a-zA-Z_.-]+)'|key: '([a-zA-Z]+\\.[a-zA-Z_.-]+)'"
                + "|return \\['([a-zA-Z]+\\.[a-zA-Z_.-]+)'"
                + "|(?:loginError|loginNotice) = '([a-zA-Z]+\\.[a-zA-Z_.]+)'|showLogin\\('([a-zA-Z]+\\.[a-zA-Z_.]+)'|errorText\\(\\w+, '([a-zA-Z]+\\.[a-zA-Z]+)'\\)");
    int count = 0;
    for (String file : FILES) {
      Matcher m = named.matcher(PageSources.read(file));
      while (m.find()) {
        count++;
        String key = firstGroup(m);
        if (!dictionary.contains(key)) {
          missing.add(file + ": " + key);
        }
      }
    }
    Set<String> built = new TreeSet<>();
    for (AgentState s : AgentState.values()) {
      built.add("state." + s.name().toLowerCase(Locale.ROOT));
    }
    for (CallOutcome o : CallOutcome.values()) {
      built.add("outcome." + o.code());
    }
    for (String role : new String[] {"admin", "supervisor", "integration", "agent"}) {
      built.add("role." + role);
    }
    for (String state : new String[] {"available", "on_call", "wrap_up", "break", "logged_out"}) {
      built.add("wall.state." + state);
    }
    for (String status : new String[] {"offline", "connecting", "open", "reconnecting", "closed"}) {
      built.add("wall.connection." + status);
    }
    Matcher strategies =
        Pattern.compile("STRATEGIES = \\[([^\\]]+)\\]")
            .matcher(PageSources.read("console/queues.js"));
    assertTrue(strategies.find());
    for (String quoted : strategies.group(1).split(",")) {
      built.add("strategy." + quoted.strip().replace("'", ""));
    }
    built.stream().filter(k -> !dictionary.contains(k)).forEach(k -> missing.add("built: " + k));

    assertEquals(Set.of(), missing);
    assertTrue(count > 150, "keys named in the pages: " + count);
  }

  @Test
  void everyColumnTitle_isALabel_notAMessageWithParameters() throws IOException {
    String texts = PageSources.read("console/texts.js");
    Map<String, String> english = new HashMap<>();
    Matcher entries =
        ENTRY.matcher(texts.substring(texts.indexOf("\n  en: {"), texts.indexOf("\n  zh: {")));
    while (entries.find()) {
      english.put(entries.group(1), entries.group(2));
    }
    Set<String> messages = new TreeSet<>();
    int columns = 0;
    for (String file : FILES) {
      Matcher m = COLUMN_TITLE.matcher(PageSources.read(file));
      while (m.find()) {
        columns++;
        String text = english.get(m.group(1));
        if (text == null || text.contains("{")) {
          messages.add(file + ": " + m.group(1) + " = " + text);
        }
      }
    }

    assertTrue(columns > 40, "column titles found: " + columns);
    assertEquals(
        Set.of(), messages, "a column titled with a message, such as \"User {name} created.\"");
  }

  private static String firstGroup(Matcher m) {
    for (int i = 1; i <= m.groupCount(); i++) {
      if (m.group(i) != null) {
        return m.group(i);
      }
    }
    throw new IllegalStateException(m.group());
  }
}
