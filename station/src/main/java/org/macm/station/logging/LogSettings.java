package org.macm.station.logging;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.macm.station.StationException;
import org.slf4j.event.Level;

/**
 * Everything {@link LogSetup} needs to configure logging for one process: the format and level
 * of standard error ({@code --log-format}, {@code MACM_LOG_LEVEL}) and, for {@code macm run},
 * the log file of station.toml's {@code [log]} table.
 *
 * @param stderrFormat text (the default) or json
 * @param stderrLevel  the least severe level on standard error (default WARN)
 * @param file         the log file, if configured
 */
public record LogSettings(LogFormat stderrFormat, Level stderrLevel, Optional<LogFile> file) {
    /** The environment variable that sets the level on standard error, as it always has. */
    public static final String LEVEL_VARIABLE = "MACM_LOG_LEVEL";

    public LogSettings {
        Objects.requireNonNull(stderrFormat, "stderrFormat");
        Objects.requireNonNull(stderrLevel, "stderrLevel");
        Objects.requireNonNull(file, "file");
    }

    /** Standard error in {@code format} at the level {@code MACM_LOG_LEVEL} in {@code env} names (WARN if unset). */
    public static LogSettings stderr(LogFormat format, Map<String, String> env) {
        String value = env.get(LEVEL_VARIABLE);
        Level level = value == null || value.isBlank() ? Level.WARN : level(LEVEL_VARIABLE + " is '" + value + "'", value);
        return new LogSettings(format, level, Optional.empty());
    }

    /** The same, also writing {@code file}. */
    public LogSettings withFile(Optional<LogFile> logFile) {
        return new LogSettings(stderrFormat, stderrLevel, logFile);
    }

    /**
     * Reads a level word ({@code error}, {@code warn}, {@code info}, {@code debug}, {@code trace},
     * any case); {@code what} starts the error message for anything else.
     */
    public static Level level(String what, String word) {
        try {
            return Level.valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StationException(what + "; write error, warn, info, debug or trace", e);
        }
    }
}
