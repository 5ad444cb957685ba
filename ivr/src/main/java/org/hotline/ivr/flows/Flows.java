package org.hotline.ivr.flows;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import org.hotline.config.IvrSettings;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.EntryPoints;
import org.hotline.ivr.DemoFlows;
import org.hotline.ivr.FlowDirectory;
import org.hotline.ivr.verb.FlowServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's entry points as the operator's flows file defines them ({@code hotline.ivr.flows}), or
 * the shipped demo flows when there is none, and reloadable while calls run.
 *
 * <p>A {@link #reload} reads and checks the file again and swaps the new flows in at once; a file
 * that does not pass keeps the flows in use. A call keeps the flows it started with (and where
 * their gotos lead) until it ends; new calls get the new flows.
 */
public final class Flows implements EntryPoints {
  private static final Logger log = LoggerFactory.getLogger(Flows.class);

  private final Optional<Path> file;
  private final FlowsReader reader;
  private final AtomicReference<FlowDirectory> current;
  private final AtomicLong reloads = new AtomicLong();
  private final AtomicLong failedReloads = new AtomicLong();

  /** One reload at a time: a lock, not a monitor, as it is held while the file is read. */
  private final ReentrantLock reloading = new ReentrantLock();

  private Flows(Optional<Path> file, FlowsReader reader, FlowDirectory first) {
    this.file = file;
    this.reader = reader;
    this.current = new AtomicReference<>(first);
  }

  /**
   * Loads the flows at start-up: {@code settings.flowsFile()}, or the demo flows when it is empty.
   *
   * @param services what the verbs use
   * @param promptExists whether prompt {@code (language, name)} can be played
   * @throws FlowsException with one line naming the file and what is wrong in it
   */
  public static Flows load(
      IvrSettings settings, FlowServices services, BiPredicate<String, String> promptExists)
      throws FlowsException {
    FlowsReader reader = new FlowsReader(settings, services, promptExists);
    Optional<Path> file = settings.flowsFile();
    FlowDirectory first = read(file, reader);
    log.info(
        "flows from {}: {} flows, numbers {}",
        source(file),
        first.flowNames().size(),
        first.numbers());
    return new Flows(file, reader, first);
  }

  private static FlowDirectory read(Optional<Path> file, FlowsReader reader) throws FlowsException {
    try {
      return file.isPresent() ? reader.read(file.get()) : reader.read(DemoFlows.yaml());
    } catch (FlowsException e) {
      String message = e.getMessage();
      String prefix = source(file) + ": ";
      throw new FlowsException(message.startsWith("flows file ") ? message : prefix + message);
    }
  }

  private static String source(Optional<Path> file) {
    return file.map(Path::toString).orElse(DemoFlows.RESOURCE);
  }

  @Override
  public Optional<CallFlow> flowFor(String dialedNumber) {
    return current.get().flowFor(Objects.requireNonNull(dialedNumber, "dialedNumber"));
  }

  @Override
  public Optional<CallFlow> queueFlow(String queue, String language) {
    return current.get().queueFlow(queue, language);
  }

  /** The flows in use. */
  public FlowDirectory current() {
    return current.get();
  }

  /** The flows file, or empty when the demo flows run. */
  public Optional<Path> file() {
    return file;
  }

  /**
   * Reads the flows file again and, when it passes, puts its flows in use for new calls. Never
   * throws for a bad file: the result carries the one-line reason and the old flows stay.
   */
  public ReloadResult reload() {
    reloading.lock();
    try {
      FlowDirectory next = read(file, reader);
      current.set(next);
      reloads.incrementAndGet();
      String message =
          "reloaded "
              + source(file)
              + ": "
              + next.flowNames().size()
              + " flows, "
              + next.numbers().size()
              + " numbers";
      log.info(message);
      return new ReloadResult(true, message, next.flowNames().size(), next.numbers().size());
    } catch (FlowsException e) {
      failedReloads.incrementAndGet();
      FlowDirectory kept = current.get();
      log.warn("flows not reloaded, keeping those in use: {}", e.getMessage());
      return new ReloadResult(
          false, e.getMessage(), kept.flowNames().size(), kept.numbers().size());
    } finally {
      reloading.unlock();
    }
  }

  /** Reloads that put new flows in use. */
  public long reloads() {
    return reloads.get();
  }

  /** Reloads refused because the file did not pass. */
  public long failedReloads() {
    return failedReloads.get();
  }
}
