package org.macm.station.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.core.MacmException;
import org.macm.core.log.StationId;
import org.macm.encounter.GeoPoint;

/** Parses config values (addresses, durations, names) and names the file and key when one is wrong. */
final class ValueReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern POSITION = Pattern.compile("\\s*(-?\\d{1,2}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");

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

    /** {@code "LAT, LON"} in degrees, e.g. a receiver's antenna; absent when the key is. */
    Optional<GeoPoint> position(String key, String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = POSITION.matcher(value);
        if (m.matches()) {
            double lat = Double.parseDouble(m.group(1));
            double lon = Double.parseDouble(m.group(2));
            if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                return Optional.of(new GeoPoint(lat, lon));
            }
        }
        throw new ConfigException("config file " + file + ": key '" + key + "' is '" + value
                + "'; write a position as \"LAT, LON\" in degrees, north and east positive, e.g. \"35.68, 139.77\"");
    }

    InetSocketAddress address(String key, String value) {
        if ("HOST:PORT".equals(value)) {
            throw new ConfigException("config file " + file + ": key '" + key + "' still has the placeholder HOST:PORT; "
                    + "put the peer's address there, e.g. 192.0.2.10:7701");
        }
        return HostPort.parse(value).orElseThrow(() -> new ConfigException("config file " + file + ": key '" + key
                + "' has '" + value + "'; write HOST:PORT, e.g. 127.0.0.1:7701")).socketAddress();
    }

    StationId station(String key, String value) {
        try {
            return StationId.of(value);
        } catch (MacmException e) {
            throw new ConfigException("config file " + file + ": key '" + key + "': " + e.getMessage(), e);
        }
    }
}
