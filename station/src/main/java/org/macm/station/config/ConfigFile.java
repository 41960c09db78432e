package org.macm.station.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.macm.core.MacmException;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.encounter.feed.FeedFormat;
import org.macm.station.FileProblem;
import org.macm.template.Language;

/**
 * Reads {@code station.toml}, which {@link StationConfigWriter} writes. Unknown keys are
 * refused (a misspelt key would otherwise be silently ignored), and every error names the
 * file and the key.
 */
public final class ConfigFile {
    /** The file's keys, as written; {@code station} is required, the others have defaults. */
    record Raw(
            @JsonProperty("station") String station,
            @JsonProperty("store") JsonNode store,
            @JsonProperty("signing-key") String signingKey,
            @JsonProperty("tls-key") String tlsKey,
            @JsonProperty("tls-certificate") String tlsCertificate,
            @JsonProperty("link") RawLink link,
            @JsonProperty("peers") List<RawPeer> peers,
            @JsonProperty("api") RawApi api,
            @JsonProperty("console") RawConsole console,
            @JsonProperty("deadlines") RawDeadlines deadlines,
            @JsonProperty("link-tests") RawTests tests,
            @JsonProperty("watch") RawWatch watch,
            @JsonProperty("metrics") RawMetrics metrics,
            @JsonProperty("log") RawLog log) {
    }

    /** {@code [metrics]}: where /metrics, /healthz and /readyz listen; absent, no metrics listener. */
    record RawMetrics(@JsonProperty("listen") String listen) {
    }

    /** {@code [log]}: the file {@code macm run} logs to, and its rotation. */
    record RawLog(@JsonProperty("file") String file, @JsonProperty("level") String level,
            @JsonProperty("format") String format, @JsonProperty("max-file-size") String maxFileSize,
            @JsonProperty("max-history") Integer maxHistory, @JsonProperty("total-size-cap") String totalSizeCap) {
    }

    /** {@code [watch]}: the encounter watch inside the running station. */
    record RawWatch(@JsonProperty("units") String units, @JsonProperty("zones") String zones,
            @JsonProperty("side") String side, @JsonProperty("other-side") String otherSide,
            @JsonProperty("sources") List<RawSource> sources,
            @JsonProperty("surface-cpa-nm") Double surfaceNm, @JsonProperty("surface-within") String surfaceWithin,
            @JsonProperty("air-cpa-nm") Double airNm, @JsonProperty("air-vertical-ft") Double airFeet,
            @JsonProperty("air-within") String airWithin, @JsonProperty("receiver") String receiver) {
    }

    /** {@code [[watch.sources]]} */
    record RawSource(@JsonProperty("kind") String kind, @JsonProperty("format") String format,
            @JsonProperty("file") String file, @JsonProperty("address") String address,
            @JsonProperty("speed") Double speed) {
    }

    /** {@code [link]} */
    record RawLink(@JsonProperty("listen") List<String> listen,
            @JsonProperty("heartbeat-interval") String heartbeatInterval,
            @JsonProperty("heartbeat-misses") Integer heartbeatMisses,
            @JsonProperty("reconnect-min") String reconnectMin,
            @JsonProperty("reconnect-max") String reconnectMax) {
    }

    /** {@code [[peers]]} */
    record RawPeer(@JsonProperty("station") String station, @JsonProperty("endpoints") List<String> endpoints) {
    }

    /** {@code [api]} */
    record RawApi(@JsonProperty("listen") String listen) {
    }

    /** {@code [console]} */
    record RawConsole(@JsonProperty("listen") String listen, @JsonProperty("tls-certificate") String tlsCertificate,
            @JsonProperty("tls-key") String tlsKey, @JsonProperty("language") String language,
            @JsonProperty("time-zone") String timeZone, @JsonProperty("idle-timeout") String idleTimeout) {
    }

    /** {@code [deadlines]}: the human acknowledgement deadline per precedence. */
    record RawDeadlines(@JsonProperty("flash") String flash, @JsonProperty("immediate") String immediate,
            @JsonProperty("priority") String priority, @JsonProperty("routine") String routine) {
    }

    /** {@code [link-tests]} */
    record RawTests(@JsonProperty("interval") String interval, @JsonProperty("human-ack") Boolean humanAck) {
    }

    private final TomlMapper mapper = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Reads and validates the config at {@code file}; relative paths are taken from its folder. */
    public StationConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist: is this a station folder? "
                    + "Create one with: macm init --station NAME --dir DIR", e);
        } catch (IOException e) {
            throw new ConfigException(FileProblem.cannotRead("config file", file, e), e);
        }
        Raw raw;
        try {
            raw = mapper.readValue(text, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException("config file " + file + ": unknown key '" + e.getPropertyName()
                    + "' (known keys: " + known + ")", e);
        } catch (MismatchedInputException e) {
            throw new ConfigException("config file " + file + ": " + WrongType.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + " is not valid TOML (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
        }
        if (raw == null || raw.station() == null) {
            throw new ConfigException("config file " + file + ": required key 'station' is missing "
                    + "(e.g. station = \"jp-mod\")");
        }
        StationId station;
        try {
            station = StationId.of(raw.station());
        } catch (MacmException e) {
            throw new ConfigException("config file " + file + ": key 'station': " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        ValueReader v = new ValueReader(file);
        RawLink link = raw.link() == null ? new RawLink(null, null, null, null, null) : raw.link();
        List<InetSocketAddress> listen = link.listen() == null ? List.of()
                : link.listen().stream().map(a -> v.address("link.listen", a)).toList();
        Map<StationId, List<InetSocketAddress>> dial = new LinkedHashMap<>();
        if (raw.peers() != null) {
            for (int i = 0; i < raw.peers().size(); i++) {
                RawPeer p = raw.peers().get(i);
                String key = "peers[" + (i + 1) + "]";
                if (p == null || p.station() == null) {
                    throw new ConfigException("config file " + file + ": " + key + " needs 'station'");
                }
                StationId peer = v.station(key + ".station", p.station());
                List<InetSocketAddress> endpoints = p.endpoints() == null ? List.of()
                        : p.endpoints().stream().map(a -> v.address(key + ".endpoints", a)).toList();
                if (dial.put(peer, endpoints) != null) {
                    throw new ConfigException("config file " + file + ": peer " + peer + " is listed twice in [[peers]]");
                }
            }
        }
        Duration heartbeat = v.duration("link.heartbeat-interval", link.heartbeatInterval(), Duration.ofSeconds(2));
        int misses = link.heartbeatMisses() == null ? 3 : link.heartbeatMisses();
        if (misses < 1) {
            throw new ConfigException("config file " + file + ": key 'link.heartbeat-misses' must be 1 or more");
        }
        Duration reconnectMin = v.duration("link.reconnect-min", link.reconnectMin(), Duration.ofMillis(200));
        Duration reconnectMax = v.duration("link.reconnect-max", link.reconnectMax(), Duration.ofSeconds(10));
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new ConfigException("config file " + file + ": key 'link.reconnect-max' must be at least 'link.reconnect-min'");
        }
        InetSocketAddress api = raw.api() == null || raw.api().listen() == null
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), 0) : v.address("api.listen", raw.api().listen());
        Map<Precedence, Duration> deadlines = new EnumMap<>(Precedence.class);
        RawDeadlines d = raw.deadlines() == null ? new RawDeadlines(null, null, null, null) : raw.deadlines();
        deadlines.put(Precedence.FLASH, v.duration("deadlines.flash", d.flash(), Precedence.FLASH.defaultAckDeadline()));
        deadlines.put(Precedence.IMMEDIATE, v.duration("deadlines.immediate", d.immediate(),
                Precedence.IMMEDIATE.defaultAckDeadline()));
        deadlines.put(Precedence.PRIORITY, v.duration("deadlines.priority", d.priority(),
                Precedence.PRIORITY.defaultAckDeadline()));
        deadlines.put(Precedence.ROUTINE, v.duration("deadlines.routine", d.routine(), Precedence.ROUTINE.defaultAckDeadline()));
        try {
            // Announced to the peer in our log (docs/PROTOCOL.md §14), so held to the announcement's rule.
            new LinkParameters(deadlines);
        } catch (MalformedEntryException e) {
            throw new ConfigException("config file " + file + ": [deadlines]: " + e.getMessage()
                    + " (they are announced to the peer), e.g. \"5m\"");
        }
        RawTests t = raw.tests() == null ? new RawTests(null, null) : raw.tests();
        Optional<WatchConfig> watch = raw.watch() == null ? Optional.empty() : Optional.of(watch(file, base, v, raw.watch()));
        return new StationConfig(station,
                StoreTable.read(file, base, raw.store(), mapper),
                path(base, raw.signingKey(), "keys/signing.key"),
                path(base, raw.tlsKey(), "keys/tls.key"),
                path(base, raw.tlsCertificate(), "keys/tls.crt"),
                listen, dial, heartbeat, misses, reconnectMin, reconnectMax, api, deadlines,
                v.duration("link-tests.interval", t.interval(), Duration.ofHours(1)),
                t.humanAck() != null && t.humanAck(), watch, console(file, base, v, raw.console()),
                metrics(file, v, raw.metrics()), LogTable.read(file, base, raw.log()));
    }

    private static Optional<InetSocketAddress> metrics(Path file, ValueReader v, RawMetrics m) {
        if (m == null) {
            return Optional.empty();
        }
        if (m.listen() == null) {
            throw new ConfigException("config file " + file + ": [metrics] needs 'listen', e.g. listen = \"127.0.0.1:9464\" "
                    + "(or remove [metrics] to leave the metrics listener off)");
        }
        if (m.listen().strip().matches("\\d{1,5}")) {
            // A bare port: loopback, so metrics leave the host only when an address is written out.
            return Optional.of(v.address("metrics.listen", "127.0.0.1:" + m.listen().strip()));
        }
        return Optional.of(v.address("metrics.listen", m.listen()));
    }

    private static ConsoleConfig console(Path file, Path base, ValueReader v, RawConsole c) {
        ConsoleConfig d = ConsoleConfig.defaults();
        if (c == null) {
            return d;
        }
        InetSocketAddress listen = c.listen() == null ? d.listen() : v.address("console.listen", c.listen());
        if ((c.tlsCertificate() == null) != (c.tlsKey() == null)) {
            throw new ConfigException("config file " + file + ": [console] needs both 'tls-certificate' and 'tls-key' "
                    + "(PEM files) for HTTPS, or neither for plain HTTP on loopback");
        }
        Optional<ConsoleConfig.Tls> tls = c.tlsCertificate() == null ? Optional.empty()
                : Optional.of(new ConsoleConfig.Tls(base.resolve(c.tlsCertificate()), base.resolve(c.tlsKey())));
        Language language = c.language() == null ? d.language() : Language.fromTag(c.language())
                .orElseThrow(() -> new ConfigException("config file " + file + ": key 'console.language' is '"
                        + c.language() + "'; write ja, zh-Hans or en"));
        Optional<ZoneId> zone = Optional.empty();
        if (c.timeZone() != null) {
            try {
                zone = Optional.of(ZoneId.of(c.timeZone()));
            } catch (DateTimeException e) {
                throw new ConfigException("config file " + file + ": key 'console.time-zone' is '" + c.timeZone()
                        + "'; write a zone like Asia/Tokyo, Asia/Shanghai or UTC", e);
            }
        }
        Duration idle = v.duration("console.idle-timeout", c.idleTimeout(), d.idleTimeout());
        if (idle.isZero()) {
            throw new ConfigException("config file " + file + ": key 'console.idle-timeout' must be longer than 0");
        }
        return new ConsoleConfig(listen, tls, language, zone, idle);
    }

    private static WatchConfig watch(Path file, Path base, ValueReader v, RawWatch w) {
        if (w.units() == null || w.side() == null || w.otherSide() == null) {
            throw new ConfigException("config file " + file + ": [watch] needs 'units', 'side' and 'other-side'");
        }
        List<WatchConfig.Source> sources = new java.util.ArrayList<>();
        List<RawSource> raw = w.sources() == null ? List.of() : w.sources();
        for (int i = 0; i < raw.size(); i++) {
            RawSource r = raw.get(i);
            String key = "watch.sources[" + (i + 1) + "]";
            FeedFormat format;
            try {
                format = FeedFormat.valueOf(String.valueOf(r.format()).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("config file " + file + ": key '" + key + ".format' is '" + r.format()
                        + "'; use ais, sbs, json, avr or beast", e);
            }
            String kind = String.valueOf(r.kind());
            WatchConfig.Source source = switch (kind) {
                case "replay" -> {
                    if (r.file() == null) {
                        throw new ConfigException("config file " + file + ": " + key + " (replay) needs 'file'");
                    }
                    if (!format.replayable()) {
                        throw new ConfigException("config file " + file + ": " + key + " replays raw Mode S, but its frames "
                                + "carry no date to put on the watch's recorded clock; serve the capture to a tcp-server "
                                + "source instead (e.g. nc 127.0.0.1 PORT < FILE)");
                    }
                    yield new WatchConfig.Source.Replay(format, base.resolve(r.file()).normalize(),
                            r.speed() == null ? 1.0 : r.speed());
                }
                case "tcp-client" -> new WatchConfig.Source.TcpClient(format, v.address(key + ".address", r.address()));
                case "tcp-server" -> new WatchConfig.Source.TcpServer(format, v.address(key + ".address", r.address()));
                case "udp" -> {
                    if (format == FeedFormat.BEAST) {
                        throw new ConfigException("config file " + file + ": " + key + " reads Beast over UDP, where a "
                                + "datagram may cut a frame; use kind = \"tcp-client\" (readsb port 30005) or \"tcp-server\"");
                    }
                    yield new WatchConfig.Source.Udp(format, v.address(key + ".address", r.address()));
                }
                default -> throw new ConfigException("config file " + file + ": key '" + key + ".kind' is '" + kind
                        + "'; use replay, tcp-client, tcp-server or udp");
            };
            sources.add(source);
        }
        oneClock(file, sources);
        WatchConfig.Thresholds d = WatchConfig.Thresholds.DEFAULTS;
        WatchConfig.Thresholds thresholds = new WatchConfig.Thresholds(
                w.surfaceNm() == null ? d.surfaceNm() : w.surfaceNm(),
                v.duration("watch.surface-within", w.surfaceWithin(), d.surfaceWithin()),
                w.airNm() == null ? d.airNm() : w.airNm(),
                w.airFeet() == null ? d.airFeet() : w.airFeet(),
                v.duration("watch.air-within", w.airWithin(), d.airWithin()));
        return new WatchConfig(base.resolve(w.units()).normalize(),
                Optional.ofNullable(w.zones()).map(z -> base.resolve(z).normalize()), w.side(), w.otherSide(), sources,
                thresholds, v.position("watch.receiver", w.receiver()));
    }

    /**
     * The watch has one clock (docs/ENCOUNTER.md, "One clock per watch"): recorded time when it
     * replays, the present when it is fed live. A replay beside a live feed would move the
     * clock by hours in either direction, and replays at two speeds would drift apart.
     */
    private static void oneClock(Path file, List<WatchConfig.Source> sources) {
        List<WatchConfig.Source.Replay> replays = sources.stream().filter(WatchConfig.Source.Replay.class::isInstance)
                .map(WatchConfig.Source.Replay.class::cast).toList();
        if (!replays.isEmpty() && replays.size() < sources.size()) {
            throw new ConfigException("config file " + file + ": [watch] mixes replays with live feeds, but the watch has one "
                    + "clock (recorded time or the present); replay in another station or with 'macm watch --replay'");
        }
        if (replays.stream().map(WatchConfig.Source.Replay::speed).distinct().count() > 1) {
            throw new ConfigException("config file " + file + ": the replays in [watch] have different speeds, but they play "
                    + "on one recorded clock; give every replay the same 'speed'");
        }
    }

    private static Path path(Path base, String value, String fallback) {
        return base.resolve(value == null ? fallback : value).normalize();
    }
}
