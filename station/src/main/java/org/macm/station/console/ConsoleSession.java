package org.macm.station.console;

import java.time.Instant;
import java.util.Objects;
import org.macm.station.officer.Officer;

/**
 * A logged-in officer's session: its secret id (the cookie), the CSRF token its forms carry,
 * the officer as the registry knew them at login, and when it was created and last used.
 * Sessions live in memory only; a restarted station asks everyone to log in again.
 */
public record ConsoleSession(String id, String csrf, Officer officer, Instant created, Instant lastUsed) {
    public ConsoleSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(officer, "officer");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    ConsoleSession usedAt(Instant now) {
        return new ConsoleSession(id, csrf, officer, created, now);
    }
}
