package org.macm.encounter.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.macm.encounter.EncounterException;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.engine.EncounterEngine;
import org.macm.encounter.engine.GridEncounterEngine;
import org.macm.encounter.track.SafetyText;
import org.macm.encounter.track.TrackEvent;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.track.TrackStore;
import org.macm.encounter.unit.UnitRegistry;
import org.macm.encounter.unit.UnitRegistryReader;
import org.macm.encounter.zone.Zone;
import org.macm.encounter.zone.ZoneReader;
import org.macm.encounter.zone.ZoneWatch;

/**
 * The encounter watch as one object a source or the CLI drives: track events go into the
 * {@link TrackStore}, each new state into the {@link EncounterEngine} and the {@link ZoneWatch},
 * safety texts a party's unit sent into the {@link SafetyWatch}, and alert events out to the
 * consumer given at construction, synchronously. Call
 * {@link #tick} about once a second (on recorded time when replaying) to age out stale tracks
 * and let alerts clear while no fixes arrive. Not thread-safe: one thread drives it.
 *
 * <pre>
 * var watch = EncounterWatch.builder(EncounterConfig.defaults(parties)).units(unitsFile).zones(zonesFile)
 *         .build(events::add);
 * var feed = FeedFormat.AIS.reader();
 * each line: feed.read(line, arrival).ifPresent(watch::accept);
 * every second: watch.tick(now);
 * </pre>
 */
public final class EncounterWatch {
    private final TrackStore store;
    private final EncounterEngine engine;
    private final ZoneWatch zones;
    private final SafetyWatch safety;
    private final Consumer<AlertEvent> out;

    private EncounterWatch(TrackStore store, EncounterEngine engine, ZoneWatch zones, SafetyWatch safety,
            Consumer<AlertEvent> out) {
        this.store = Objects.requireNonNull(store, "store");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Starts a watch judging pairs by {@code config}; name its unit registry, and its zones if any. */
    public static Builder builder(EncounterConfig config) {
        return new Builder(config);
    }

    /**
     * Assembles a watch as the station and the CLI run it: a track store over the unit
     * registry, the grid engine, and a zone watch (alerts clear 60 s after a unit has left a
     * zone by more than half a nautical mile), all with the config's track ages.
     */
    public static final class Builder {
        private static final Duration ZONE_CLEAR_AFTER = Duration.ofSeconds(60);
        private static final double ZONE_MARGIN_NM = 0.5;

        private final EncounterConfig config;
        private Optional<UnitRegistry> units = Optional.empty();
        private List<Zone> zones = List.of();

        private Builder(EncounterConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The unit registry (required): who is on which side. */
        public Builder units(UnitRegistry registry) {
            this.units = Optional.of(registry);
            return this;
        }

        /** Reads the unit registry from {@code file} (.toml or .csv). */
        public Builder units(Path file) {
            return units(new UnitRegistryReader().read(file));
        }

        /** The announced zones (none by default). */
        public Builder zones(List<Zone> zones) {
            this.zones = List.copyOf(zones);
            return this;
        }

        /** Reads the zones from a GeoJSON {@code file}. */
        public Builder zones(Path file) {
            return zones(new ZoneReader().read(file));
        }

        /** The watch, which sends its alert events to {@code out}. */
        public EncounterWatch build(Consumer<AlertEvent> out) {
            UnitRegistry registry = units.orElseThrow(() -> new EncounterException(
                    "the encounter watch needs a unit registry: without one every unit is a third party"));
            TrackStore store = new TrackStore(registry, config.ages());
            ZoneWatch zoneWatch = new ZoneWatch(config.parties(), zones, ZONE_CLEAR_AFTER, ZONE_MARGIN_NM, config.ages());
            return new EncounterWatch(store, new GridEncounterEngine(config), zoneWatch,
                    new SafetyWatch(registry, config.parties()), out);
        }
    }

    /**
     * Applies one track event; returns the unit's new state when it changed. A safety text
     * changes no state: a party's unit's raises an alert.
     */
    public Optional<TrackState> accept(TrackEvent event) {
        if (event instanceof SafetyText s) {
            safety.accept(s, store, out);
            return Optional.empty();
        }
        Optional<TrackState> state = store.apply(event);
        if (state.isPresent()) {
            engine.update(state.get(), out);
            zones.update(state.get(), out);
        }
        return state;
    }

    /** Ages out stale tracks (clearing their alerts) and re-judges active alerts at {@code now}. */
    public void tick(Instant now) {
        List<TrackState> dropped = store.expire(now);
        for (TrackState t : dropped) {
            engine.remove(t.unit().identifiers().get(0), now, out);
            zones.remove(t.unit().identifiers().get(0), now, out);
        }
        engine.tick(now, out);
        zones.tick(now, out);
    }

    /** The track store, for display. */
    public TrackStore store() {
        return store;
    }

    /** The engine, for its active alerts. */
    public EncounterEngine engine() {
        return engine;
    }
}
