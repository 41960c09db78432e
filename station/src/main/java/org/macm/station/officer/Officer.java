package org.macm.station.officer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.macm.station.StationException;
import org.macm.template.Language;

/**
 * One console account, without its password: the account name an officer logs in with
 * ({@code [a-z0-9][a-z0-9._-]{0,31}}), the display name the station signs into the
 * acknowledgements the officer makes (one line of at most 80 characters, no control
 * characters), the role, whether the account may log in, the language the console is shown
 * in when the officer chose one, and when the account was created and last changed. The
 * password hash lives only in {@link OfficerRegistry}, so nothing that prints an officer can
 * print it.
 */
public record Officer(String name, String displayName, Role role, boolean enabled, Optional<Language> language,
        Instant created, Instant changed) {
    static final int MAX_DISPLAY = 80;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    public Officer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(changed, "changed");
        checkName(name);
        checkDisplayName(displayName);
    }

    /** Refuses an account name that is not 1-32 of a-z, 0-9, dot, dash and underscore, starting with a letter or digit. */
    public static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new StationException("'" + name + "' is not a valid officer name: use 1-32 lower-case letters, digits, "
                    + "dots, dashes and underscores, starting with a letter or digit (e.g. wang.hao)");
        }
    }

    private static void checkDisplayName(String display) {
        if (display.isBlank()) {
            throw new StationException("the display name is blank: give the name to sign acknowledgements with "
                    + "(e.g. \"Lt Col Wang Hao\")");
        }
        if (display.codePoints().anyMatch(Officer::isControl)) {
            throw new StationException("the display name holds a control character (a line break or tab, say): "
                    + "write it on one line");
        }
        if (display.codePointCount(0, display.length()) > MAX_DISPLAY) {
            throw new StationException("the display name is longer than " + MAX_DISPLAY + " characters: shorten it");
        }
        if (!display.equals(display.strip())) {
            throw new StationException("the display name starts or ends with a space: remove it");
        }
    }

    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** This account with {@code enabled} set, changed at {@code now}. */
    public Officer withEnabled(boolean on, Instant now) {
        return new Officer(name, displayName, role, on, language, created, now);
    }

    /** This account changed at {@code now} (its password was replaced). */
    public Officer changedAt(Instant now) {
        return new Officer(name, displayName, role, enabled, language, created, now);
    }
}
