package org.hotline.sip.guard;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hotline.config.Cidr;

/**
 * The banned source addresses, each until its ban runs out. Asked for every SIP packet, so a
 * look-up is one hash-map read (and no clock read for an address that is not banned). Trusted
 * networks are never banned.
 */
final class BanList {
  private final Clock clock;
  private final Duration length;
  private final List<Cidr> trusted;
  private final Consumer<Ban> onBan;
  private final Map<InetAddress, Ban> bans = new ConcurrentHashMap<>();

  /**
   * @param length how long a ban lasts
   * @param trusted networks never banned
   * @param onBan told of each new ban (to log, count and audit it)
   */
  BanList(Clock clock, Duration length, List<Cidr> trusted, Consumer<Ban> onBan) {
    this.clock = clock;
    this.length = length;
    this.trusted = List.copyOf(trusted);
    this.onBan = onBan;
  }

  boolean trusted(InetAddress address) {
    for (Cidr c : trusted) {
      if (c.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code address} is banned now; a ban that has run out is removed here. */
  boolean banned(InetAddress address) {
    Ban ban = bans.get(address);
    if (ban == null) {
      return false;
    }
    if (clock.instant().isBefore(ban.until())) {
      return true;
    }
    bans.remove(address, ban);
    return false;
  }

  /** Bans {@code address} for the configured time, unless it is trusted or banned already. */
  Optional<Ban> ban(InetAddress address, String reason) {
    if (trusted(address)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Ban ban = new Ban(address.getHostAddress(), reason, now, now.plus(length));
    Ban before = bans.putIfAbsent(address, ban);
    if (before != null && now.isBefore(before.until())) {
      return Optional.empty();
    }
    if (before != null) {
      bans.put(address, ban);
    }
    onBan.accept(ban);
    return Optional.of(ban);
  }

  /** Lifts the ban of {@code address}; whether there was one. */
  boolean lift(InetAddress address) {
    return bans.remove(address) != null;
  }

  /** The bans in force, the newest first. */
  List<Ban> current() {
    Instant now = clock.instant();
    bans.values().removeIf(b -> !now.isBefore(b.until()));
    return bans.values().stream().sorted(Comparator.comparing(Ban::since).reversed()).toList();
  }

  int size() {
    return bans.size();
  }
}
