package org.macm.station.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.core.MacmException;
import org.macm.core.log.StationId;

/** Parses config values (addresses, durations, names) and names the file and key when one is wrong. */
final class ValueReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9a-fA-F:]+]|[^:\\s]+):(\\d{1,5})");

    private final Path file;

    ValueReader(Path file) {
        this.file = file;
    }

    Duration duration(String key, String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new ConfigException("config file " + file + ": key '" + key + "' is '" + value
                    + "'; write a duration like 500ms, 2s, 5m or 6h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    InetSocketAddress address(String key, String value) {
        Matcher m = value == null ? null : ADDRESS.matcher(value.strip());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) > 65535) {
            throw new ConfigException("config file " + file + ": key '" + key + "' has '" + value
                    + "'; write HOST:PORT, e.g. 127.0.0.1:7701");
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return new InetSocketAddress(host, Integer.parseInt(m.group(2)));
    }

    StationId station(String key, String value) {
        try {
            return StationId.of(value);
        } catch (MacmException e) {
            throw new ConfigException("config file " + file + ": key '" + key + "': " + e.getMessage(), e);
        }
    }
}
