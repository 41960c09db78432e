package org.macm.encounter.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.macm.encounter.EncounterException;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.ClearReason;
import org.macm.encounter.alert.Lifecycle;
import org.macm.encounter.alert.ZoneAlert;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.TrackSource;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.track.TrackStoreConfig;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.Side;
import org.macm.encounter.unit.Unit;

class ZoneTest {
    private static final String AREA = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature",
               "properties": {"name": "JP exercise area A", "kind": "exercise-area", "side": "JP"},
               "geometry": {"type": "Polygon", "coordinates": [[[124.5, 30.0], [125.5, 30.0], [125.5, 29.5],
                            [124.5, 29.5], [124.5, 30.0]]]}}]}
            """;
    private static final Instant T0 = Instant.parse("2026-11-29T03:30:00Z");

    private final List<AlertEvent> events = new ArrayList<>();
    private final ZoneWatch watch = new ZoneWatch(Parties.of("JP", "CN"), new ZoneReader().read("zones.geojson", AREA),
            Duration.ofSeconds(60), 0.5, TrackStoreConfig.defaults());

    private static TrackState ship(String side, int mmsi, double lat, double lon, Instant t) {
        Unit u = new Unit(List.of(new Identifier.Mmsi(mmsi)), Side.of(side), side + " " + mmsi, "frigate", UnitKind.VESSEL, true);
        return new TrackState(u, UnitKind.VESSEL, new GeoPoint(lat, lon), t, 90, 10, OptionalDouble.empty(), 0, TrackSource.AIS,
                Optional.empty(), Optional.empty());
    }

    @Test
    void otherSidesShip_enteringTheZone_raisesOnce_andClearsAfterLeavingBeyondTheMargin() {
        watch.update(ship("CN", 412000001, 29.75, 124.40, T0), events::add); // outside, west
        assertThat(events).isEmpty();
        watch.update(ship("CN", 412000001, 29.75, 124.60, T0.plusSeconds(10)), events::add);
        watch.update(ship("CN", 412000001, 29.75, 124.90, T0.plusSeconds(20)), events::add);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.lifecycle()).isEqualTo(Lifecycle.NEW);
            ZoneAlert z = (ZoneAlert) e.alert();
            assertThat(z.zoneName()).isEqualTo("JP exercise area A");
            assertThat(z.zoneKind()).isEqualTo("exercise-area");
            assertThat(((AlertEvent.Raised) e).draft().fields().get("zone").get("name").asText()).isEqualTo("JP exercise area A");
        });
        // just outside the east edge, within the 0.5 nm margin: no clear however long
        watch.update(ship("CN", 412000001, 29.75, 125.505, T0.plusSeconds(30)), events::add);
        watch.update(ship("CN", 412000001, 29.75, 125.505, T0.plusSeconds(300)), events::add);
        assertThat(events).hasSize(1);
        // clearly outside: cleared only after 60 s
        watch.update(ship("CN", 412000001, 29.75, 125.6, T0.plusSeconds(310)), events::add);
        watch.update(ship("CN", 412000001, 29.75, 125.7, T0.plusSeconds(360)), events::add);
        assertThat(events).hasSize(1);
        watch.update(ship("CN", 412000001, 29.75, 125.7, T0.plusSeconds(370)), events::add);
        assertThat(events).hasSize(2);
        assertThat(((AlertEvent.Cleared) events.get(1)).reason()).isEqualTo(ClearReason.LEFT_ZONE);
    }

    @Test
    void ownSidesShip_andThirdParties_inTheZone_raiseNothing() {
        watch.update(ship("JP", 431000001, 29.75, 125.0, T0), events::add);
        watch.update(ship("THIRD", 477000001, 29.75, 125.0, T0), events::add);
        assertThat(events).isEmpty();
    }

    @Test
    void unitInsideWhoseTrackIsLost_isClearedAtOnce() {
        watch.update(ship("CN", 412000001, 29.75, 125.0, T0), events::add);
        watch.tick(T0.plusSeconds(60), events::add);
        assertThat(events).hasSize(1);
        watch.tick(T0.plusSeconds(601), events::add); // vessel max age 10 min
        assertThat(events).hasSize(2);
        assertThat(((AlertEvent.Cleared) events.get(1)).reason()).isEqualTo(ClearReason.TRACK_LOST);
    }

    @Test
    void multiPolygon_eachPartCounts() {
        String multi = """
                {"type": "Feature", "properties": {"name": "CN area", "kind": "exercise-area", "side": "CN"},
                 "geometry": {"type": "MultiPolygon", "coordinates": [
                   [[[124, 28], [124.2, 28], [124.2, 28.2], [124, 28.2], [124, 28]]],
                   [[[126, 28], [126.2, 28], [126.2, 28.2], [126, 28.2], [126, 28]]]]}}
                """;
        ZoneWatch w = new ZoneWatch(Parties.of("JP", "CN"), new ZoneReader().read("cn.geojson", multi), Duration.ofSeconds(60), 0.5,
                TrackStoreConfig.defaults());
        w.update(ship("JP", 431000001, 28.1, 125.0, T0), events::add);
        assertThat(events).isEmpty();
        w.update(ship("JP", 431000001, 28.1, 126.1, T0.plusSeconds(10)), events::add);
        assertThat(events).hasSize(1);
    }

    @Test
    void badGeoJson_errorsNameTheFileAndThePath() {
        ZoneReader reader = new ZoneReader();
        assertThatThrownBy(() -> reader.read("z.geojson", AREA.replace("\"side\": \"JP\"", "\"sides\": \"JP\"")))
                .isInstanceOf(EncounterException.class)
                .hasMessage("z.geojson: features[1].properties.side: required (a non-empty string)");
        assertThatThrownBy(() -> reader.read("z.geojson", AREA.replace("\"Polygon\"", "\"LineString\"")))
                .hasMessage("z.geojson: features[1].geometry.type: must be Polygon or MultiPolygon, got LineString");
        assertThatThrownBy(() -> reader.read("z.geojson", AREA.replace("[124.5, 30.0]]]", "[124.5, 30.1]]]")))
                .hasMessage("z.geojson: features[1].geometry.coordinates[1]: a ring must end where it starts");
        assertThatThrownBy(() -> reader.read("z.geojson", AREA.replace("[125.5, 29.5]", "[195.5, 29.5]")))
                .hasMessageStartingWith("z.geojson: features[1].geometry.coordinates[1][3]: [lon, lat] out of range");
        assertThatThrownBy(() -> reader.read("z.geojson", "{\"type\": \"FeatureCollection\""))
                .hasMessageStartingWith("z.geojson is not valid JSON (line 1)");
        String bowTie = AREA.replace("[125.5, 30.0], [125.5, 29.5]", "[125.5, 29.5], [125.5, 30.0]");
        assertThat(bowTie).isNotEqualTo(AREA);
        assertThatThrownBy(() -> reader.read("z.geojson", bowTie))
                .hasMessageContaining("features[1]: zone 'JP exercise area A': the polygon is not valid");
    }
}
