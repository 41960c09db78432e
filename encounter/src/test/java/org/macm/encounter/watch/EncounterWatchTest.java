package org.macm.encounter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.ClearReason;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.alert.Lifecycle;
import org.macm.encounter.alert.ZoneAlert;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.engine.GridEncounterEngine;
import org.macm.encounter.json.JsonTrack;
import org.macm.encounter.json.JsonTrackDecoder;
import org.macm.encounter.track.JsonTrackAdapter;
import org.macm.encounter.track.TrackStore;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.UnitRegistryReader;
import org.macm.encounter.zone.ZoneReader;
import org.macm.encounter.zone.ZoneWatch;

/** Decoded lines in, alerts out: registry, store, grid engine and zones wired as a source would. */
class EncounterWatchTest {
    private static final String UNITS = """
            [[unit]]
            side = "JP"
            name = "JS KONGO"
            kind = "vessel"
            type = "destroyer"
            mmsi = "431999001"
            [[unit]]
            side = "CN"
            name = "NANCHANG"
            kind = "vessel"
            type = "destroyer"
            mmsi = "412000101"
            hull = "101"
            """;
    private static final String ZONES = """
            {"type": "Feature", "properties": {"name": "JP exercise area A", "kind": "exercise-area", "side": "JP"},
             "geometry": {"type": "Polygon", "coordinates": [[[125.0, 30.0], [125.5, 30.0], [125.5, 29.5], [125.0, 29.5], [125.0, 30.0]]]}}
            """;

    @Test
    void jsonFixes_raiseAnEncounterAndAZoneEntry_andStaleTracksClearThem() {
        List<AlertEvent> events = new ArrayList<>();
        Parties parties = Parties.of("JP", "CN");
        EncounterConfig config = EncounterConfig.defaults(parties);
        TrackStore store = new TrackStore(new UnitRegistryReader().readToml("units.toml", UNITS), config.ages());
        ZoneWatch zones = new ZoneWatch(parties, new ZoneReader().read("zones.geojson", ZONES), Duration.ofSeconds(60), 0.5,
                config.ages());
        EncounterWatch watch = new EncounterWatch(store, new GridEncounterEngine(config), zones, events::add);
        JsonTrackDecoder decoder = new JsonTrackDecoder();
        JsonTrackAdapter adapter = new JsonTrackAdapter();
        Instant t0 = Instant.parse("2026-11-29T03:30:00Z");
        for (int s = 0; s <= 120; s += 10) {
            Instant t = t0.plusSeconds(s);
            // KONGO steams east inside its own area; NANCHANG (by hull number, from radar) comes west into it
            for (String line : new String[] {
                    line("431999001", t, 29.75, 125.40 + s * 0.00005, 90),
                    line("101", t, 29.76, 125.502 - s * 0.00005, 270)}) {
                DecodeResult<JsonTrack> r = decoder.accept(line);
                watch.accept(adapter.adapt(((DecodeResult.Decoded<JsonTrack>) r).value()));
            }
            watch.tick(t);
        }
        assertThat(events).filteredOn(e -> e.lifecycle() == Lifecycle.NEW).hasSize(2)
                .anySatisfy(e -> assertThat(e.alert()).isInstanceOf(EncounterAlert.class))
                .anySatisfy(e -> assertThat(e.alert()).isInstanceOfSatisfying(ZoneAlert.class,
                        z -> assertThat(z.unit().unit().name()).isEqualTo("NANCHANG")));
        watch.tick(t0.plus(Duration.ofMinutes(13)));
        assertThat(events).filteredOn(e -> e.lifecycle() == Lifecycle.CLEARED).hasSize(2)
                .allSatisfy(e -> assertThat(((AlertEvent.Cleared) e).reason()).isEqualTo(ClearReason.TRACK_LOST));
        assertThat(store.size()).isZero();
        assertThat(watch.engine().active()).isEmpty();
    }

    private static String line(String id, Instant t, double lat, double lon, double course) {
        return String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"kind\":\"vessel\",\"time\":\"%s\",\"lat\":%.5f,\"lon\":%.5f,\"course\":%.0f,\"speed\":10}",
                id, t, lat, lon, course);
    }
}
