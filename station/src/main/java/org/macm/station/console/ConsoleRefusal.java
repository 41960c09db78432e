package org.macm.station.console;

import java.util.Optional;

/**
 * A console request refused or redirected before (or instead of) its handler: not logged in
 * (to the login page), a stale form (403), a role too low (403), no such page (404). The
 * console answers it with a page in the officer's language (its sentence is a UiText key),
 * never a stack trace.
 */
public final class ConsoleRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<String> location;
    private final String textKey;
    private final transient Object[] args;

    private ConsoleRefusal(int status, Optional<String> location, String textKey, Object... args) {
        super(textKey, null, false, false);
        this.status = status;
        this.location = location;
        this.textKey = textKey;
        this.args = args.clone();
    }

    public static ConsoleRefusal redirect(String location) {
        return new ConsoleRefusal(303, Optional.of(location), "");
    }

    public static ConsoleRefusal status(int status, String textKey, Object... args) {
        return new ConsoleRefusal(status, Optional.empty(), textKey, args);
    }

    public int status() {
        return status;
    }

    public Optional<String> location() {
        return location;
    }

    public String textKey() {
        return textKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
