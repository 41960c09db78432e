package org.macm.station.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing at the console: after {@link #MAX_FAILURES} wrong passwords for one
 * account (or from one address) within {@link #WINDOW}, that account (or address) is locked
 * out for {@link #LOCKOUT}, and the lockout is logged at WARN so the watch floor's monitoring
 * sees it. A lockout refuses even the right password, so guessing learns nothing while it lasts.
 */
public final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final ConcurrentMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> lockedUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** When the account or the address is locked out, until when. */
    public Optional<Instant> lockedOut(String account, String address) {
        Instant now = clock.instant();
        return latest(until("account:" + account, now), until("address:" + address, now));
    }

    /**
     * Counts a wrong password; the failure that reaches the limit starts a lockout, logged in
     * one WARN line naming what it locks (the account, the address, or both at once).
     */
    public void failed(String account, String address) {
        List<String> locked = new ArrayList<>(2);
        if (count("account:" + account)) {
            locked.add("officer account '" + account + "'");
        }
        if (count("address:" + address)) {
            locked.add("address " + address);
        }
        if (!locked.isEmpty()) {
            LOG.warn("console login locked out: {} after {} wrong passwords within {} min; locked for {} min",
                    String.join(" and ", locked), MAX_FAILURES, WINDOW.toMinutes(), LOCKOUT.toMinutes());
        }
    }

    /** A good login clears the account's count (the address keeps its own). */
    public void succeeded(String account) {
        failures.remove("account:" + account);
    }

    /** Counts one failure for {@code key}; true when it starts a lockout. */
    private boolean count(String key) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
                times.removeFirst();
            }
            if (times.size() >= MAX_FAILURES) {
                times.clear();
                lockedUntil.put(key, now.plus(LOCKOUT));
                return true;
            }
            return false;
        }
    }

    private Optional<Instant> until(String key, Instant now) {
        Instant until = lockedUntil.get(key);
        if (until == null) {
            return Optional.empty();
        }
        if (!until.isAfter(now)) {
            lockedUntil.remove(key, until);
            return Optional.empty();
        }
        return Optional.of(until);
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
