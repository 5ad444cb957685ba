package org.hotline.sip.media;

import static org.hotline.sip.media.RtpFixtures.tone;
import static org.hotline.sip.media.RtpFixtures.wav;
import static org.hotline.sip.media.RtpFixtures.wav16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.prompt.EncodedPrompt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

  private static final Prompt WELCOME = new Prompt("en", "welcome");
  private static final Prompt GOODBYE = new Prompt("en", "goodbye");

  @TempDir Path classpathRoot;
  @TempDir Path overrideDir;
  private URLClassLoader classpath;

  @BeforeEach
  void shipPrompts() throws IOException {
    write(classpathRoot.resolve("prompts/en/welcome.wav"), wav16(tone(1600))); // 10 frames
    write(classpathRoot.resolve("prompts/en/goodbye.wav"), wav16(tone(800))); // 5 frames
    classpath = new URLClassLoader(new URL[] {classpathRoot.toUri().toURL()}, null);
  }

  @Test
  void shippedPrompt_isFoundOnTheClassPath_andEncodedInTheAskedCodec() {
    PromptLibrary library = new PromptLibrary(Optional.empty(), classpath);
    EncodedPrompt prompt = library.find(WELCOME, Codec.PCMA).orElseThrow();
    assertEquals(10, prompt.frameCount());
    assertEquals(Codec.PCMA, prompt.codec());
  }

  @Test
  void overrideFile_winsOverTheShippedOne() throws IOException {
    write(overrideDir.resolve("en/welcome.wav"), wav16(tone(320)));
    PromptLibrary library = new PromptLibrary(Optional.of(overrideDir), classpath);
    assertEquals(2, library.find(WELCOME, Codec.PCMU).orElseThrow().frameCount());
    assertEquals(
        5,
        library.find(GOODBYE, Codec.PCMU).orElseThrow().frameCount(),
        "prompts not overridden still come from the class path");
  }

  @Test
  void prompts_areCachedPerCodec() {
    PromptLibrary library = new PromptLibrary(Optional.empty(), classpath);
    assertSame(
        library.find(WELCOME, Codec.PCMU).orElseThrow(),
        library.find(WELCOME, Codec.PCMU).orElseThrow());
  }

  @Test
  void missingPrompt_isEmpty() {
    PromptLibrary library = new PromptLibrary(Optional.of(overrideDir), classpath);
    assertTrue(library.find(new Prompt("zh", "welcome"), Codec.PCMU).isEmpty());
  }

  @Test
  void promptInAFormatWeCannotPlay_isEmpty() throws IOException {
    write(overrideDir.resolve("en/welcome.wav"), wav(1, 2, 44100, 16, new byte[400]));
    PromptLibrary library = new PromptLibrary(Optional.of(overrideDir), classpath);
    assertTrue(library.find(WELCOME, Codec.PCMU).isEmpty());
    assertTrue(library.find(WELCOME, Codec.PCMU).isEmpty());
  }

  @Test
  void namesThatWouldLeaveTheDirectory_areRefused() throws IOException {
    write(overrideDir.resolve("secret.wav"), wav16(tone(160)));
    PromptLibrary library = new PromptLibrary(Optional.of(overrideDir), classpath);
    assertTrue(library.find(new Prompt("en", "../secret"), Codec.PCMU).isEmpty());
    assertTrue(library.find(new Prompt("..", "secret"), Codec.PCMU).isEmpty());
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
