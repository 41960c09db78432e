package org.macm.station.logging;

import java.util.Locale;
import java.util.Optional;

/**
 * How log lines are written: {@code text}, one human-readable line per event with its key/value
 * fields at the end, or {@code json}, one JSON object per line with the fields at its top level.
 */
public enum LogFormat {
    TEXT, JSON;

    /** The word as written on the command line and in station.toml. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code text} or {@code json}, in any case; empty for anything else. */
    public static Optional<LogFormat> fromWord(String word) {
        for (LogFormat f : values()) {
            if (f.word().equalsIgnoreCase(word.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
