package org.hotline.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent desktop's texts: every text has its English and its Chinese, and every key the page and
 * its modules name is in the dictionary, its own or the login form's ({@link LoginTextsTest}), so
 * no agent ever reads a bare key.
 */
class AgentDesktopTextsTest {
  private static final String[] MODULES = {
    "app.js",
    "agent-state.js",
    "call-panel.js",
    "card.js",
    "ring.js",
    "wrapup.js",
    "tickets.js",
    "password.js",
    "result.js",
    "i18n.js"
  };

  @Test
  void englishAndChinese_haveTheSameKeys() throws IOException {
    String i18n = PageSources.read("agent/i18n.js");
    int en = i18n.indexOf("\n  en: {");
    int zh = i18n.indexOf("\n  zh: {");
    assertTrue(en > 0 && zh > en, "the dictionary has an en and a zh block");
    Set<String> english = PageSources.keys(i18n.substring(en, zh));
    Set<String> chinese = PageSources.keys(i18n.substring(zh, i18n.indexOf("\n};", zh)));

    assertTrue(english.size() > 100, english.toString());
    assertEquals(english, chinese);
  }

  @Test
  void thePage_speaksTheLoginFormsTexts_andNamesItsAudience() throws IOException {
    assertTrue(
        PageSources.read("agent/i18n.js").contains("languageOf(combined(DICTIONARY, LOGIN_TEXTS),"),
        "the page's language has the login form's texts");
    assertTrue(
        PageSources.read("agent/app.js").contains("new LoginForm($('login-view'), 'agent',"),
        "the agent desktop's login form");
  }

  @Test
  void everyKeyThePageAndModulesName_isInTheDictionary() throws IOException {
    Set<String> dictionary = PageSources.keys(PageSources.read("agent/i18n.js"));
    dictionary.addAll(PageSources.loginKeys());
    Set<String> missing = new TreeSet<>();
    Matcher html =
        Pattern.compile("data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"")
            .matcher(PageSources.read("agent/index.html"));
    while (html.find()) {
      if (!dictionary.contains(html.group(1))) {
        missing.add("index.html: " + html.group(1));
      }
    }
    // t('key'), a message kept as {key: 'key'}, and the notice of showLogin('key').
    Pattern literal =
        Pattern.compile("(?:\\bt\\(|\\bkey: |\\bshowLogin\\()'([a-zA-Z]+\\.[a-zA-Z_-]+)'");
    int named = 0;
    for (String module : MODULES) {
      Matcher m = literal.matcher(PageSources.read("agent/" + module));
      while (m.find()) {
        named++;
        if (!dictionary.contains(m.group(1))) {
          missing.add(module + ": " + m.group(1));
        }
      }
    }
    assertEquals(Set.of(), missing);
    assertTrue(named > 40, "keys named in the modules: " + named);
  }

  @Test
  void theWrapUpCodes_allHaveTexts_andAreValidDispositions() throws IOException {
    Matcher list =
        Pattern.compile("COMMON_CODES = \\[([^\\]]+)\\]")
            .matcher(PageSources.read("agent/wrapup.js"));
    assertTrue(list.find());
    Set<String> dictionary = PageSources.keys(PageSources.read("agent/i18n.js"));
    for (String quoted : list.group(1).split(",")) {
      String code = quoted.strip().replace("'", "");
      assertTrue(code.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}"), code);
      assertTrue(dictionary.contains("disposition." + code), code);
    }
  }
}
