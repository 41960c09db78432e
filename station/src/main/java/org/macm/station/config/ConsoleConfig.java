package org.macm.station.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.macm.template.Language;

/**
 * The {@code [console]} section of station.toml: where the duty-officer console listens
 * (loopback and any free port unless configured), the certificate pair that turns on HTTPS,
 * the language the console speaks to an officer who chose none, the time zone local times are
 * shown in (by default the language's own), and how long a session may sit idle.
 *
 * @param listen      the console's address (default 127.0.0.1, port 0 = any free port)
 * @param tls         certificate and key PEM files; empty serves plain HTTP
 * @param language    the UI language for officers who chose none (default en)
 * @param zone        the zone for local times; empty uses the officer's language's zone
 * @param idleTimeout a session unused this long ends (default 15 min)
 */
public record ConsoleConfig(InetSocketAddress listen, Optional<Tls> tls, Language language, Optional<ZoneId> zone,
        Duration idleTimeout) {
    public ConsoleConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** Loopback, a free port, plain HTTP, English, the language's zone, 15 minutes idle. */
    public static ConsoleConfig defaults() {
        return new ConsoleConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty(),
                Language.EN, Optional.empty(), Duration.ofMinutes(15));
    }

    /** The zone an officer reading {@code language} sees local times in. */
    public ZoneId zoneFor(Language officerLanguage) {
        return zone.orElse(officerLanguage.defaultZone());
    }

    /** A certificate chain and its private key, both PEM, for the console's HTTPS. */
    public record Tls(Path certificate, Path key) {
        public Tls {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }
}
