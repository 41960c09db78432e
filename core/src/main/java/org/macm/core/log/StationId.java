package org.macm.core.log;

import java.util.Objects;
import java.util.regex.Pattern;
import org.macm.core.MacmException;

/**
 * A station's name, such as {@code jp-mod} or {@code cn-mnd}: 2 to 32 characters, lower-case
 * ASCII letters, digits and dashes, starting with a letter. The narrow alphabet keeps names
 * safe in file names, URLs and log lines, and identical on both sides.
 */
public record StationId(String value) implements Comparable<StationId> {
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public StationId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new MacmException("'" + value + "' is not a valid station name: use 2-32 lower-case letters, "
                    + "digits and dashes, starting with a letter (e.g. jp-mod)");
        }
    }

    public static StationId of(String value) {
        return new StationId(value);
    }

    @Override
    public int compareTo(StationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
