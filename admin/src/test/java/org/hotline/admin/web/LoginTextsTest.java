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
 * The texts of the login form that the agent desktop and the console share ({@code
 * shared/login.js}): every text has its English and its Chinese, every key the form names is among
 * them, each audience has its own hint, user label and errors, and no text is left unused.
 */
class LoginTextsTest {
  private static final String[] PER_AUDIENCE = {"hint", "user", "wrong", "missing"};

  @Test
  void englishAndChinese_haveTheSameKeys() throws IOException {
    String texts = PageSources.read("shared/login-texts.js");
    int en = texts.indexOf("\n  en: {");
    int zh = texts.indexOf("\n  zh: {");
    assertTrue(en > 0 && zh > en, "the texts have an en and a zh block");
    Set<String> english = PageSources.keys(texts.substring(en, zh));
    Set<String> chinese = PageSources.keys(texts.substring(zh));

    assertTrue(english.size() >= 13, english.toString());
    assertEquals(english, chinese);
  }

  @Test
  void everyKeyTheFormNames_isInTheTexts_andEveryTextIsNamed() throws IOException {
    Set<String> named = new TreeSet<>();
    Matcher m =
        Pattern.compile("'(login\\.[a-zA-Z]+)'").matcher(PageSources.read("shared/login.js"));
    while (m.find()) {
      named.add(m.group(1));
    }

    assertEquals(PageSources.loginKeys(), named);
  }

  @Test
  void eachAudience_hasItsHintUserLabelAndErrors() throws IOException {
    String form = PageSources.read("shared/login.js");
    for (String audience : new String[] {"agent", "console"}) {
      Matcher entry = Pattern.compile("\\n  " + audience + ": \\{([^}]+)\\}").matcher(form);
      assertTrue(entry.find(), audience);
      for (String what : PER_AUDIENCE) {
        String key =
            "login." + audience + Character.toUpperCase(what.charAt(0)) + what.substring(1);
        assertTrue(entry.group(1).contains(what + ": '" + key + "'"), audience + " " + what);
        assertTrue(PageSources.loginKeys().contains(key), key);
      }
    }
  }
}
