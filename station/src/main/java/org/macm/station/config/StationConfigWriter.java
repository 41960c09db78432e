package org.macm.station.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;

/**
 * Writes a {@code station.toml} from a {@link ConfigSpec}: every key, commented, in the
 * order docs/CONFIG.md lists them. It is the one place the file is written, by
 * {@code macm init}, {@code macm demo} and the tests' pinned pair, so that what the tests
 * run is what an operator gets; {@link ConfigFile} reads it back.
 */
public final class StationConfigWriter {
    private StationConfigWriter() {
    }

    /** The file's text. */
    public static String render(ConfigSpec spec) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # MACM station configuration. Keys are documented in docs/CONFIG.md.
                # Paths are relative to this file's folder.

                # This station's name, as its peers know it (required).
                station = %s

                # The SQLite store holding every log of this station.
                store = %s

                # Private keys (mode 0600) and the TLS certificate made by 'macm init'.
                signing-key = "keys/signing.key"
                tls-key = "keys/tls.key"
                tls-certificate = "keys/tls.crt"

                [link]
                # Addresses peers connect to ('macm init' chose a free port; --listen sets it).
                # Use a routable address to accept a real peer, and tell its operator.
                listen = %s
                heartbeat-interval = %s
                heartbeat-misses = %d

                # Who dials: a station dials each peer that has a [[peers]] table here, at every
                # endpoint (each endpoint is a path); it accepts any pinned peer on [link] listen.
                # One side dialling is enough. If both dial, the link has paths both ways:
                # 'macm status' lists the dialled ones by address and the accepted ones as
                # "inbound from ...", and the link is UP while any path is. 'macm peer add'
                # prints the table to paste here.
                """.formatted(quoted(spec.station().value()), quoted(spec.store().toString()), addresses(spec.listen()),
                quoted(duration(spec.heartbeatInterval())), spec.heartbeatMisses()));
        if (spec.peers().isEmpty()) {
            out.append("""
                    # [[peers]]
                    # station = "cn-mnd"
                    # endpoints = ["192.0.2.10:7701", "198.51.100.10:7701"]

                    """);
        }
        for (Map.Entry<StationId, List<InetSocketAddress>> peer : spec.peers().entrySet()) {
            out.append("[[peers]]\nstation = ").append(quoted(peer.getKey().value())).append("\nendpoints = ")
                    .append(addresses(peer.getValue())).append("\n\n");
        }
        spec.api().ifPresent(api -> out.append("""
                [api]
                # The local API that the CLI and the console use ('macm init' chose a free port;
                # --api-listen sets it). Loopback only unless you mean it.
                listen = %s

                """.formatted(quoted(address(api)))));
        Map<Precedence, Duration> d = spec.ackDeadlines();
        out.append("""
                [deadlines]
                # How long a duty officer has to acknowledge a message, by precedence.
                flash = %s
                immediate = %s
                priority = %s
                routine = %s

                [link-tests]
                interval = %s
                human-ack = %s
                """.formatted(quoted(duration(d.get(Precedence.FLASH))), quoted(duration(d.get(Precedence.IMMEDIATE))),
                quoted(duration(d.get(Precedence.PRIORITY))), quoted(duration(d.get(Precedence.ROUTINE))),
                quoted(duration(spec.testInterval())), spec.testHumanAck()));
        return out.toString();
    }

    /** Writes the file, replacing what is there. */
    public static void write(ConfigSpec spec, Path file) {
        write(spec, file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Writes a new file; refuses to replace one that exists. */
    public static void create(ConfigSpec spec, Path file) {
        write(spec, file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static void write(ConfigSpec spec, Path file, OpenOption... options) {
        try {
            Files.writeString(file, render(spec), StandardCharsets.UTF_8, options);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException("cannot write config file " + file + ": it exists already", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot write config file " + file + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot write config file " + file + ": its folder does not exist", e);
        } catch (IOException e) {
            throw new ConfigException("cannot write config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The shortest exact form ConfigFile reads: 500ms, 2s, 10m, 1h. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s % 60 != 0 || s == 0) {
            return s + "s";
        }
        return s % 3600 == 0 ? s / 3600 + "h" : s / 60 + "m";
    }

    private static String addresses(List<InetSocketAddress> list) {
        return list.stream().map(a -> quoted(address(a))).collect(Collectors.joining(", ", "[", "]"));
    }

    /** As {@link HostPort} writes it (an IPv6 host in brackets), so the reader parses it back. */
    private static String address(InetSocketAddress a) {
        return new HostPort(a.getHostString(), a.getPort()).toString();
    }

    /** A TOML basic string. */
    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
