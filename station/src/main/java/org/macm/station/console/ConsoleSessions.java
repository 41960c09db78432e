package org.macm.station.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.macm.station.officer.Officer;

/**
 * The console's sessions, in memory. A session id is 256 random bits, made new at every
 * login (so an id planted before login is worth nothing: no session fixation), and a session
 * unused for the idle timeout is gone. Each session has its own CSRF token.
 */
public final class ConsoleSessions {
    private final ConcurrentMap<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;
    private final SecureRandom random;

    public ConsoleSessions(Clock clock, Duration idleTimeout, SecureRandom random) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.random = random;
    }

    /** A new session for {@code officer}, with a fresh id and CSRF token. */
    public ConsoleSession open(Officer officer) {
        Instant now = clock.instant();
        ConsoleSession s = new ConsoleSession(secret(), secret(), officer, now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, marked as used now; empty when unknown or idle too long (then it is ended). */
    public Optional<ConsoleSession> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ConsoleSession s = sessions.computeIfPresent(id, (k, v) -> expired(v, now) ? null : v.usedAt(now));
        return Optional.ofNullable(s);
    }

    /** The live session with this id without counting this as use (the event stream does not keep a session alive). */
    public Optional<ConsoleSession> peek(String id) {
        if (id == null) {
            return Optional.empty();
        }
        ConsoleSession s = sessions.get(id);
        return s == null || expired(s, clock.instant()) ? Optional.empty() : Optional.of(s);
    }

    /** Ends a session (logout). */
    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of an account (disabled or password changed). */
    public void endAll(String officerName) {
        sessions.values().removeIf(s -> s.officer().name().equals(officerName));
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private boolean expired(ConsoleSession s, Instant now) {
        return !s.lastUsed().plus(idleTimeout).isAfter(now);
    }

    /** 256 random bits, URL-safe base64: unguessable, and safe in a cookie or a form field. */
    String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
