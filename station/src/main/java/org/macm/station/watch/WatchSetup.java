package org.macm.station.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.engine.GridEncounterEngine;
import org.macm.encounter.engine.Threshold;
import org.macm.station.config.WatchConfig;
import org.macm.encounter.track.TrackStore;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.UnitRegistryReader;
import org.macm.encounter.watch.EncounterWatch;
import org.macm.encounter.zone.ZoneReader;
import org.macm.encounter.zone.ZoneWatch;

/** Builds an encounter watch from a unit registry, optional zones and the two parties, with the default thresholds. */
public final class WatchSetup {
    private WatchSetup() {
    }

    public static EncounterWatch create(Path units, Optional<Path> zones, String firstParty, String secondParty,
            Consumer<AlertEvent> listener) {
        return create(units, zones, firstParty, secondParty, WatchConfig.Thresholds.DEFAULTS, listener);
    }

    /** As above, with the alert thresholds of {@code [watch]}. */
    public static EncounterWatch create(Path units, Optional<Path> zones, String firstParty, String secondParty,
            WatchConfig.Thresholds t, Consumer<AlertEvent> listener) {
        EncounterConfig d = EncounterConfig.defaults(Parties.of(firstParty, secondParty));
        EncounterConfig config = new EncounterConfig(d.parties(),
                new Threshold(t.surfaceNm(), OptionalDouble.empty(), t.surfaceWithin()),
                new Threshold(t.airNm(), OptionalDouble.of(t.airFeet()), t.airWithin()),
                d.mixed(), d.clearFactor(), d.clearAfter(), d.updateFraction(), d.updateShift(), d.ages(),
                d.cellSizeNm());
        TrackStore store = new TrackStore(new UnitRegistryReader().read(units), config.ages());
        ZoneWatch zoneWatch = new ZoneWatch(config.parties(), zones.map(z -> new ZoneReader().read(z)).orElse(List.of()),
                Duration.ofSeconds(60), 0.5, config.ages());
        return new EncounterWatch(store, new GridEncounterEngine(config), zoneWatch, listener);
    }
}
