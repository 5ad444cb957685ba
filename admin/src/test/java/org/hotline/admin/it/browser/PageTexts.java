package org.hotline.admin.it.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the pages' dictionaries as the server ships them ({@code console/texts.js}, {@code
 * agent/i18n.js}, {@code shared/login-texts.js}), by language, for the browser tests that look for
 * a text left in the language switched away from ({@link #LEFTOVERS}).
 */
public final class PageTexts {
  private static final String WEB = "org/hotline/admin/web/";
  private static final Pattern BLOCK = Pattern.compile("^  ([a-z]{2}): \\{$", Pattern.MULTILINE);
  private static final Pattern ENTRY =
      Pattern.compile(
          "^\\s+'[^']+':\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"),?\\s*$",
          Pattern.MULTILINE);

  private PageTexts() {}

  /**
   * Every text of {@code files} (paths under the pages' folder), by language ({@code en}, {@code
   * zh}).
   */
  public static Map<String, List<String>> of(String... files) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (String file : files) {
      String source = read(file);
      Matcher blocks = BLOCK.matcher(source);
      List<int[]> starts = new ArrayList<>();
      List<String> languages = new ArrayList<>();
      while (blocks.find()) {
        starts.add(new int[] {blocks.end()});
        languages.add(blocks.group(1));
      }
      for (int i = 0; i < languages.size(); i++) {
        int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : source.length();
        Matcher entries = ENTRY.matcher(source.substring(starts.get(i)[0], end));
        List<String> values = texts.computeIfAbsent(languages.get(i), l -> new ArrayList<>());
        while (entries.find()) {
          String raw = entries.group(1) != null ? entries.group(1) : entries.group(2);
          values.add(raw.replaceAll("\\\\(.)", "$1"));
        }
      }
    }
    return texts;
  }

  private static String read(String file) {
    try (InputStream in = PageTexts.class.getClassLoader().getResourceAsStream(WEB + file)) {
      if (in == null) {
        throw new IllegalStateException(WEB + file + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The texts the page shows now (text of every element on screen, option labels of visible
   * selects, titles and placeholders, the document's title) that are a text of the language
   * switched away from: {@code arguments[0]}, the texts of that language, {@code arguments[1]},
   * those of the language in use (a text both have, such as "CSV", is no leftover). A text with
   * parameters ("{from} to {to} ({zone})") is matched with anything in their place; one whose words
   * are all parameters ("{user} ({role})") is left out. Data (names, numbers) is not in the
   * dictionary and so never a leftover.
   */
  public static final String LEFTOVERS =
      """
      const [away, inUse] = arguments;
      const kept = new Set(inUse);
      const words = /[A-Za-z\\u4e00-\\u9fff]/;
      const escape = (s) => s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
      const patterns = [];
      const pieces = [];
      away.filter((text) => !kept.has(text)).forEach((text) => {
        const parts = text.split(/\\{\\w+\\}/);
        if (!words.test(parts.join(''))) return;
        patterns.push({ text, re: new RegExp('^' + parts.map(escape).join('[\\\\s\\\\S]*') + '$') });
        // A text without parameters, long or punctuated enough not to be a word of the data, is
        // looked for inside longer texts too: "(none)" in "Calls: (none) · 09:00".
        if (parts.length === 1 && (/[\\u4e00-\\u9fff]{2}/.test(text) || (text.length >= 6 && /[^A-Za-z]/.test(text)))) {
          pieces.push(text);
        }
      });
      const shown = (el) => {
        if (!el || el.closest('[hidden], script, style, template')) return false;
        if (el.tagName === 'OPTION') return shown(el.closest('select'));
        return el.checkVisibility ? el.checkVisibility({ checkVisibilityCSS: true }) : el.offsetParent !== null;
      };
      const texts = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.replace(/\\s+/g, ' ').trim();
        if (text && shown(node.parentElement)) texts.push({ where: node.parentElement.id || node.parentElement.tagName, text });
      }
      document.querySelectorAll('[title], [placeholder]').forEach((el) => {
        if (!shown(el)) return;
        if (el.title) texts.push({ where: (el.id || el.tagName) + '@title', text: el.title.trim() });
        if (el.placeholder) texts.push({ where: (el.id || el.tagName) + '@placeholder', text: el.placeholder.trim() });
      });
      texts.push({ where: 'document.title', text: document.title });
      const left = [];
      texts.forEach(({ where, text }) => {
        const whole = patterns.find((p) => p.re.test(text));
        const piece = whole ? null : pieces.find((p) => text.includes(p));
        if (whole || piece) left.push(where + ': ' + text);
      });
      return [...new Set(left)];
      """;
}
