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
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.feed.FeedFormat;
import org.macm.encounter.feed.FeedReader;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.UnitRegistryReader;
import org.macm.encounter.zone.ZoneReader;

/** Feed lines in, alerts out: registry, store, grid engine and zones wired by the builder, as the station does. */
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
        EncounterWatch watch = EncounterWatch.builder(EncounterConfig.defaults(Parties.of("JP", "CN")))
                .units(new UnitRegistryReader().readToml("units.toml", UNITS))
                .zones(new ZoneReader().read("zones.geojson", ZONES))
                .build(events::add);
        FeedReader feed = FeedFormat.JSON.reader();
        Instant t0 = Instant.parse("2026-11-29T03:30:00Z");
        for (int s = 0; s <= 120; s += 10) {
            Instant t = t0.plusSeconds(s);
            // KONGO steams east inside its own area; NANCHANG (by hull number, from radar) comes west into it
            for (String line : new String[] {
                    line("431999001", t, 29.75, 125.40 + s * 0.00005, 90),
                    line("101", t, 29.76, 125.502 - s * 0.00005, 270)}) {
                watch.accept(feed.read(line, Instant.EPOCH).orElseThrow());
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
        assertThat(watch.store().size()).isZero();
        assertThat(watch.engine().active()).isEmpty();
    }

    private static String line(String id, Instant t, double lat, double lon, double course) {
        return String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"kind\":\"vessel\",\"time\":\"%s\",\"lat\":%.5f,\"lon\":%.5f,\"course\":%.0f,\"speed\":10}",
                id, t, lat, lon, course);
    }
}
