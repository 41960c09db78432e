package org.macm.station.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.station.StationException;
import org.macm.station.logging.LogFile;
import org.macm.station.logging.LogFormat;
import org.macm.station.logging.LogSettings;
import org.slf4j.event.Level;

/** Reads station.toml's {@code [log]} table into a {@link LogFile}; every error names the file and the key. */
final class LogTable {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(B|KB|MB|GB)", Pattern.CASE_INSENSITIVE);

    private LogTable() {
    }

    static Optional<LogFile> read(Path config, Path base, ConfigFile.RawLog log) {
        if (log == null) {
            return Optional.empty();
        }
        if (log.file() == null || log.file().isBlank()) {
            throw new ConfigException("config file " + config + ": [log] needs 'file' (e.g. file = \"log/macm.log\", "
                    + "relative to the station folder); the other [log] keys apply to that file");
        }
        Level level = LogFile.DEFAULT_LEVEL;
        if (log.level() != null) {
            try {
                level = LogSettings.level("config file " + config + ": key 'log.level' is '" + log.level() + "'", log.level());
            } catch (StationException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }
        LogFormat format = log.format() == null ? LogFormat.TEXT : LogFormat.fromWord(log.format())
                .orElseThrow(() -> new ConfigException("config file " + config + ": key 'log.format' is '" + log.format()
                        + "'; write text or json"));
        long maxFileSize = size(config, "log.max-file-size", log.maxFileSize(), LogFile.DEFAULT_MAX_FILE_SIZE);
        int maxHistory = log.maxHistory() == null ? LogFile.DEFAULT_MAX_HISTORY : log.maxHistory();
        if (maxHistory < 1) {
            throw new ConfigException("config file " + config + ": key 'log.max-history' is " + maxHistory
                    + "; write the number of days of rolled-over files to keep, 1 or more (e.g. 14)");
        }
        long cap = size(config, "log.total-size-cap", log.totalSizeCap(), Math.max(LogFile.DEFAULT_TOTAL_SIZE_CAP, maxFileSize));
        if (cap < maxFileSize) {
            throw new ConfigException("config file " + config + ": key 'log.total-size-cap' (" + log.totalSizeCap()
                    + ") is smaller than 'log.max-file-size' (" + log.maxFileSize() + "); make it at least as large");
        }
        return Optional.of(new LogFile(base.resolve(log.file()).normalize(), level, format, maxFileSize, maxHistory, cap));
    }

    private static long size(Path config, String key, String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(value.strip());
        long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
        if (n < 1) {
            throw new ConfigException("config file " + config + ": key '" + key + "' is '" + value
                    + "'; write a size like 500KB, 10MB or 1GB");
        }
        return n * switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
    }
}
