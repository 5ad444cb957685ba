package org.hotline.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.sip.stack.ContactRouter;

/**
 * The bindings of every registered user: where to reach each agent's phone. Thread-safe; each
 * user's bindings change under that user's lock only.
 *
 * <p>A Contact URI belongs to one user at a time: calls are routed to a phone by its Contact (and,
 * behind NAT, by where its REGISTER came from), so a second user binding the same Contact would
 * take the first one's calls. Such a REGISTER is refused until the first binding ends.
 */
public final class LocationService {
  private final Clock clock;
  private final RegistrationListener listener;
  private final Map<String, Map<String, Binding>> byUser = new ConcurrentHashMap<>();

  /** The user each live Contact URI is bound to. */
  private final Map<String, String> ownerByContact = new ConcurrentHashMap<>();

  public LocationService(Clock clock, RegistrationListener listener) {
    this.clock = clock;
    this.listener = listener;
  }

  /** The live bindings of {@code user}. */
  public List<Binding> bindings(String user) {
    Map<String, Binding> m = byUser.get(user);
    if (m == null) {
      return List.of();
    }
    Instant now = clock.instant();
    synchronized (m) {
      return m.values().stream().filter(b -> b.expiresAt().isAfter(now)).toList();
    }
  }

  /** The most recently registered live binding of {@code user}: where a call to them goes. */
  public Optional<Binding> newest(String user) {
    return bindings(user).stream().max(Comparator.comparing(Binding::registeredAt));
  }

  /**
   * Applies one REGISTER's contacts: a binding with a past or zero expiry is removed, others are
   * added or refreshed. A refresh with an older CSeq of the same Call-ID is ignored (RFC 3261
   * section 10.3 step 7).
   *
   * @return false, with nothing changed, when a Contact to add is bound to another user now
   */
  public boolean update(String user, List<Binding> changes) {
    Instant now = clock.instant();
    List<String> claimed = new ArrayList<>();
    for (Binding b : changes) {
      if (b.expiresAt().isAfter(now) && !claim(b.contactUri(), user, now)) {
        claimed.forEach(uri -> ownerByContact.remove(uri, user));
        return false;
      }
      claimed.add(b.contactUri());
    }
    Map<String, Binding> m = byUser.computeIfAbsent(user, u -> new ConcurrentHashMap<>());
    boolean before;
    boolean after;
    synchronized (m) {
      before = hasLive(m, now);
      for (Binding b : changes) {
        Binding old = m.get(b.contactUri());
        if (old != null && old.callId().equals(b.callId()) && old.cseq() > b.cseq()) {
          continue;
        }
        if (b.expiresAt().isAfter(now)) {
          m.put(b.contactUri(), b);
          route(b);
        } else if (m.remove(b.contactUri()) != null) {
          release(b.contactUri(), user);
        }
      }
      after = hasLive(m, now);
    }
    notify(user, before, after);
    return true;
  }

  /**
   * Makes {@code user} the owner of {@code contactUri}, unless another user has a live binding of
   * it: a lapsed one's Contact is free.
   */
  private boolean claim(String contactUri, String user, Instant now) {
    while (true) {
      String owner = ownerByContact.putIfAbsent(contactUri, user);
      if (owner == null || owner.equals(user)) {
        return true;
      }
      Map<String, Binding> theirs = byUser.get(owner);
      Binding live = null;
      if (theirs != null) {
        synchronized (theirs) {
          live = theirs.get(contactUri);
        }
      }
      if (live != null && live.expiresAt().isAfter(now)) {
        return false;
      }
      if (ownerByContact.replace(contactUri, owner, user)) {
        return true;
      }
    }
  }

  /** {@code user}'s binding of {@code contactUri} is gone: the Contact is free again. */
  private void release(String contactUri, String user) {
    if (ownerByContact.remove(contactUri, user)) {
      ContactRouter.forget(contactUri);
    }
  }

  /** Removes every binding of {@code user} ({@code Contact: *}). */
  public void removeAll(String user) {
    Map<String, Binding> m = byUser.get(user);
    if (m == null) {
      return;
    }
    boolean before;
    synchronized (m) {
      before = hasLive(m, clock.instant());
      m.values().forEach(b -> release(b.contactUri(), user));
      m.clear();
    }
    notify(user, before, false);
  }

  /** Drops lapsed bindings and tells the listener of users left with none. */
  public void expire() {
    Instant now = clock.instant();
    for (Map.Entry<String, Map<String, Binding>> e : byUser.entrySet()) {
      Map<String, Binding> m = e.getValue();
      boolean lost;
      synchronized (m) {
        boolean had = !m.isEmpty();
        List<Binding> lapsed = new ArrayList<>();
        m.values()
            .forEach(
                b -> {
                  if (!b.expiresAt().isAfter(now)) {
                    lapsed.add(b);
                  }
                });
        lapsed.forEach(
            b -> {
              m.remove(b.contactUri());
              release(b.contactUri(), e.getKey());
            });
        lost = had && m.isEmpty();
      }
      if (lost) {
        listener.unregistered(e.getKey());
      }
    }
  }

  /** How many users have at least one live binding. */
  public int registeredUsers() {
    Instant now = clock.instant();
    return (int)
        byUser.values().stream()
            .filter(
                m -> {
                  synchronized (m) {
                    return hasLive(m, now);
                  }
                })
            .count();
  }

  private static boolean hasLive(Map<String, Binding> m, Instant now) {
    return m.values().stream().anyMatch(b -> b.expiresAt().isAfter(now));
  }

  private void notify(String user, boolean before, boolean after) {
    if (!before && after) {
      listener.registered(user);
    } else if (before && !after) {
      listener.unregistered(user);
    }
  }

  private static void route(Binding b) {
    if (b.behindNat()) {
      ContactRouter.reachAt(b.contactUri(), b.sourceHost(), b.sourcePort(), b.transport());
    } else {
      ContactRouter.forget(b.contactUri());
    }
  }
}
