package org.macm.station.logging;

import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.event.Level;

/**
 * The {@code [log]} table of station.toml: the file {@code macm run} writes its log to, beside
 * standard error, rolled over by size and by day.
 *
 * @param file         the active file (resolved against the station folder)
 * @param level        the least severe level written to the file (default INFO)
 * @param format       text or json (default text)
 * @param maxFileSize  bytes after which the file is rolled over (default 10 MB)
 * @param maxHistory   days of rolled-over files kept (default 14)
 * @param totalSizeCap bytes all rolled-over files may take together; the oldest go first (default 1 GB)
 */
public record LogFile(Path file, Level level, LogFormat format, long maxFileSize, int maxHistory, long totalSizeCap) {
    public static final Level DEFAULT_LEVEL = Level.INFO;
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_HISTORY = 14;
    public static final long DEFAULT_TOTAL_SIZE_CAP = 1024L * 1024 * 1024;

    public LogFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(format, "format");
        if (maxFileSize < 1 || maxHistory < 1 || totalSizeCap < maxFileSize) {
            throw new IllegalArgumentException("bad rotation: " + maxFileSize + " " + maxHistory + " " + totalSizeCap);
        }
    }
}
