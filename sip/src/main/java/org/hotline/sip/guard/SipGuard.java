package org.hotline.sip.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.hotline.config.Cidr;
import org.hotline.config.SipGuardSettings;
import org.hotline.sip.stack.IntakeGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP edge's defences against guessers, scanners and floods: bans per source address, digest
 * failures counted per address and per user, per-source request rates, and the caps on calls. The
 * {@link Admission} step and the UDP intake ask it about every request and packet; the registrar
 * and the feature codes tell it of every digest failure.
 *
 * <p>Only the address that fails is banned, never the user: a stranger guessing an agent's password
 * cannot lock the agent's own phone out. Trusted networks are never banned nor limited.
 */
public final class SipGuard implements IntakeGate {
  private static final Logger log = LoggerFactory.getLogger(SipGuard.class);

  /** Source addresses tracked at most for failures and rates. */
  static final int MAX_SOURCES = 65_536;

  private final SipGuardSettings settings;
  private final BanList bans;
  private final FailureCounter<InetAddress> failuresBySource;
  private final FailureCounter<String> failuresByUser;
  private final RateLimits rates;
  private final ScannerAgents scanners;
  private final CallCounts calls = new CallCounts();
  private final TokenBucket callRate;
  private final LongSupplier nanos;
  private final GuardMetrics metrics;

  /**
   * @param onBan told of each new ban, after it is logged and counted (the audit log)
   * @param nanos a monotonic clock in nanoseconds, for the rate limits
   */
  public SipGuard(
      SipGuardSettings settings,
      Clock clock,
      LongSupplier nanos,
      MeterRegistry registry,
      Consumer<Ban> onBan) {
    this.settings = settings;
    this.nanos = nanos;
    this.metrics = new GuardMetrics(registry);
    this.bans =
        new BanList(
            clock,
            settings.ban(),
            settings.trusted(),
            ban -> {
              metrics.bans.increment();
              log.warn(
                  "SIP source {} banned until {}: {}", ban.address(), ban.until(), ban.reason());
              onBan.accept(ban);
            });
    this.failuresBySource =
        new FailureCounter<>(clock, settings.window(), settings.maxFailures(), MAX_SOURCES);
    this.failuresByUser =
        new FailureCounter<>(clock, settings.window(), Integer.MAX_VALUE, MAX_SOURCES);
    Map<RequestClass, Integer> r = new EnumMap<>(RequestClass.class);
    r.put(RequestClass.REGISTER, settings.registerRate());
    r.put(RequestClass.INVITE, settings.inviteRate());
    r.put(RequestClass.OPTIONS, settings.optionsRate());
    r.put(RequestClass.OTHER, settings.otherRate());
    this.rates = new RateLimits(r, nanos, MAX_SOURCES);
    this.scanners = new ScannerAgents(settings.scannerAgents());
    this.callRate =
        new TokenBucket(settings.maxCallRate(), settings.maxCallRate(), nanos.getAsLong());
    registry.gauge("hotline.sip.banned", bans, BanList::size);
  }

  @Override
  public boolean banned(InetAddress source) {
    return bans.banned(source);
  }

  @Override
  public void dropped(DropReason reason) {
    metrics.dropped(reason == DropReason.BANNED ? "banned" : "intake-full").increment();
  }

  /** A digest failure (wrong password, unknown user) from {@code source} for {@code user}. */
  public void authFailed(InetAddress source, String user) {
    metrics.authFailures.increment();
    int byUser = failuresByUser.fail(user);
    if (bans.trusted(source)) {
      log.debug(
          "SIP digest failure for '{}' from trusted {} ({} for the user within {})",
          user,
          source.getHostAddress(),
          byUser,
          settings.window());
      return;
    }
    int bySource = failuresBySource.fail(source);
    // The first failure of an address is worth a line; the next ones until the ban would let a
    // guesser fill the log, so they are at DEBUG, and the ban itself is a WARN line.
    if (bySource == 1) {
      log.info(
          "SIP digest failure for '{}' from {} (a ban after {} within {})",
          user,
          source.getHostAddress(),
          settings.maxFailures(),
          settings.window());
    } else {
      log.debug(
          "SIP digest failure for '{}' from {}: {} of {} from the address, {} for the user within {}",
          user,
          source.getHostAddress(),
          bySource,
          settings.maxFailures(),
          byUser,
          settings.window());
    }
    if (bySource >= settings.maxFailures()) {
      failuresBySource.clear(source);
      bans.ban(source, bySource + " digest failures within " + settings.window());
    }
  }

  /**
   * What to do with a new request (outside a dialog, not a retransmission) before any work is
   * queued for it.
   */
  Verdict admit(InetAddress source, RequestClass kind, String userAgent) {
    Optional<String> scanner = scanners.match(userAgent);
    if (scanner.isPresent()) {
      metrics.dropped("scanner").increment();
      bans.ban(source, "scanner User-Agent '" + scanner.get() + "'");
      return Verdict.DROP;
    }
    if (!bans.trusted(source) && !rates.allow(source, kind)) {
      return refuse("rate-limit");
    }
    if (kind == RequestClass.INVITE) {
      if (calls.total() >= settings.maxCalls()) {
        return refuse("max-calls");
      }
      if (!bans.trusted(source) && calls.from(source) >= settings.maxCallsPerSource()) {
        return refuse("max-calls-per-source");
      }
      if (!callRate.take(nanos.getAsLong())) {
        return refuse("max-call-rate");
      }
    }
    return Verdict.ADMIT;
  }

  /** Counts a 503 for overload. */
  Verdict overloaded(String why) {
    return refuse(why);
  }

  private Verdict refuse(String reason) {
    metrics.refused(reason).increment();
    return Verdict.REFUSE;
  }

  /** The calls up, in all and per source, that the call layer keeps true. */
  public CallCounts calls() {
    return calls;
  }

  /** The bans in force, the newest first. */
  public List<Ban> bans() {
    return bans.current();
  }

  /**
   * Lifts the ban of {@code address} (an IP address literal); false when it was not banned.
   *
   * @throws IllegalArgumentException when {@code address} is not an IP address literal
   */
  public boolean lift(String address) {
    Cidr one = Cidr.parse(address);
    if (one.prefix() != one.network().getAddress().length * 8) {
      throw new IllegalArgumentException("not one IP address: " + address);
    }
    boolean lifted = bans.lift(one.network());
    failuresBySource.clear(one.network());
    if (lifted) {
      log.warn("SIP ban of {} lifted", address);
    }
    return lifted;
  }

  /** Forgets counts that no longer matter; run every minute or so. */
  public void purge() {
    failuresBySource.purge();
    failuresByUser.purge();
    rates.purge();
  }

  /** The settings the guard was made with. */
  public SipGuardSettings settings() {
    return settings;
  }

  /** What the admission step does with a request. */
  enum Verdict {
    ADMIT,
    /** Dropped unanswered. */
    DROP,
    /** Answered 503 with Retry-After. */
    REFUSE
  }

  private static final class GuardMetrics {
    private final MeterRegistry registry;
    final Counter bans;
    final Counter authFailures;
    private final Map<String, Counter> dropped = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new java.util.concurrent.ConcurrentHashMap<>();

    GuardMetrics(MeterRegistry registry) {
      this.registry = registry;
      this.bans =
          Counter.builder("hotline.sip.bans")
              .description("source addresses banned")
              .register(registry);
      this.authFailures =
          Counter.builder("hotline.sip.auth.failures")
              .description("SIP digest failures (wrong password or unknown user)")
              .register(registry);
    }

    Counter dropped(String reason) {
      return dropped.computeIfAbsent(
          reason,
          r ->
              Counter.builder("hotline.sip.dropped")
                  .description("SIP packets dropped unanswered")
                  .tag("reason", r)
                  .register(registry));
    }

    Counter refused(String reason) {
      return refused.computeIfAbsent(
          reason,
          r ->
              Counter.builder("hotline.sip.refused")
                  .description("new SIP requests answered 503 with Retry-After")
                  .tag("reason", r)
                  .register(registry));
    }
  }
}
