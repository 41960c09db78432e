package org.macm.station.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.macm.core.log.Precedence;
import org.macm.station.config.StationConfig;

/**
 * What a reload ({@code SIGHUP}, {@code systemctl reload}) changes: the keys of {@code station.toml}
 * that differ between the running config and the file just read, each marked as applied live or as
 * needing a restart. Only what the running parts read afresh on every use can change live: the
 * acknowledgement deadlines (announced again to each peer, docs/PROTOCOL.md §14) and the link-test
 * settings. Addresses, peers, keys, the store, the link's heartbeat and reconnect timers, the
 * console and the encounter watch are wired into running parts at start.
 *
 * @param changes one per changed key, in the file's order; empty when nothing changed
 * @param config  the config to run on from now: the running one with the live keys taken from the file
 */
public record ConfigReload(List<Change> changes, StationConfig config) {
    public ConfigReload {
        changes = List.copyOf(changes);
        Objects.requireNonNull(config, "config");
    }

    /**
     * One changed key.
     *
     * @param key     the key as written in station.toml, e.g. {@code deadlines.flash}
     * @param applied true if it took effect at once, false if it needs a restart
     */
    public record Change(String key, boolean applied) {
        /** The line printed and logged for it: {@code reload: KEY applied} or {@code reload: KEY changed, needs a restart}. */
        public String line() {
            return "reload: " + key + (applied ? " applied" : " changed, needs a restart");
        }
    }

    /** Compares {@code running} with {@code read} (the file as it is now). */
    public static ConfigReload between(StationConfig running, StationConfig read) {
        StationConfig live = new StationConfig(running.station(), running.store(), running.signingKeyFile(),
                running.tlsKeyFile(), running.tlsCertificateFile(), running.listen(), running.dial(),
                running.heartbeatInterval(), running.heartbeatMisses(), running.reconnectMin(), running.reconnectMax(),
                running.api(), read.ackDeadlines(), read.testInterval(), read.testHumanAck(), running.watch(),
                running.console(), running.metrics(), running.log());
        List<Change> changes = new ArrayList<>();
        Differ d = new Differ(running, read, changes);
        d.restart("station", StationConfig::station);
        d.restart("store", StationConfig::store);
        d.restart("signing-key", StationConfig::signingKeyFile);
        d.restart("tls-key", StationConfig::tlsKeyFile);
        d.restart("tls-certificate", StationConfig::tlsCertificateFile);
        d.restart("link.listen", StationConfig::listen);
        d.restart("link.heartbeat-interval", StationConfig::heartbeatInterval);
        d.restart("link.heartbeat-misses", StationConfig::heartbeatMisses);
        d.restart("link.reconnect-min", StationConfig::reconnectMin);
        d.restart("link.reconnect-max", StationConfig::reconnectMax);
        d.restart("peers", StationConfig::dial);
        d.restart("api.listen", StationConfig::api);
        d.restart("console", StationConfig::console);
        for (Precedence p : Precedence.values()) {
            d.live("deadlines." + p.name().toLowerCase(java.util.Locale.ROOT), c -> c.ackDeadline(p));
        }
        d.live("link-tests.interval", StationConfig::testInterval);
        d.live("link-tests.human-ack", StationConfig::testHumanAck);
        d.restart("watch", StationConfig::watch);
        d.restart("metrics.listen", StationConfig::metrics);
        d.restart("log", StationConfig::log);
        // Sections added after this class was written are not compared one by one above: if
        // the file differs in anything else, say so rather than claim there was no change.
        if (changes.stream().noneMatch(c -> !c.applied()) && !sameExceptLive(live, read)) {
            changes.add(new Change("other settings", false));
        }
        return new ConfigReload(changes, live);
    }

    /** True if {@code live} (running config + live keys of {@code read}) is {@code read}: nothing else differs. */
    private static boolean sameExceptLive(StationConfig live, StationConfig read) {
        return live.equals(read);
    }

    /** True if a deadline changed: the peers must be told (an announcement in the log to each). */
    public boolean deadlinesChanged() {
        return changes.stream().anyMatch(c -> c.applied() && c.key().startsWith("deadlines."));
    }

    /** Collects the changed keys of two configs. */
    private record Differ(StationConfig before, StationConfig after, List<Change> out) {
        void restart(String key, Function<StationConfig, Object> value) {
            compare(key, value, false);
        }

        void live(String key, Function<StationConfig, Object> value) {
            compare(key, value, true);
        }

        private void compare(String key, Function<StationConfig, Object> value, boolean applied) {
            if (!Objects.equals(value.apply(before), value.apply(after))) {
                out.add(new Change(key, applied));
            }
        }
    }
}
