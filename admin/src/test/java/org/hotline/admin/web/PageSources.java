package org.hotline.admin.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pages' sources as the server ships them, for the tests that check their texts. */
final class PageSources {
  private static final String WEB = "org/hotline/admin/web/";
  private static final Pattern KEY = Pattern.compile("^\\s+'([^']+)':", Pattern.MULTILINE);

  private PageSources() {}

  /** The file at {@code path} under the pages' folder ({@code agent/i18n.js}). */
  static String read(String path) throws IOException {
    try (InputStream in = PageSources.class.getClassLoader().getResourceAsStream(WEB + path)) {
      if (in == null) {
        throw new IOException(WEB + path + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The keys of the login form's texts ({@code shared/login-texts.js}), in every language. */
  static Set<String> loginKeys() throws IOException {
    return keys(read("shared/login-texts.js"));
  }

  /** The keys of a dictionary's entries ({@code 'login.submit': ...}) in {@code block}. */
  static Set<String> keys(String block) {
    Set<String> keys = new TreeSet<>();
    Matcher m = KEY.matcher(block);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }
}
