package org.macm.encounter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.encounter.engine.Fixes.CN;
import static org.macm.encounter.engine.Fixes.JP;
import static org.macm.encounter.engine.Fixes.T0;
import static org.macm.encounter.engine.Fixes.aircraft;
import static org.macm.encounter.engine.Fixes.offset;
import static org.macm.encounter.engine.Fixes.plane;
import static org.macm.encounter.engine.Fixes.ship;
import static org.macm.encounter.engine.Fixes.vessel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.ClearReason;
import org.macm.encounter.alert.DraftNotice;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.alert.Lifecycle;
import org.macm.encounter.alert.PairKind;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.Side;
import org.macm.encounter.unit.Unit;

/** The alert lifecycle, run on both engines: they must behave the same. */
class EngineLifecycleTest {
    private static final GeoPoint ECS = new GeoPoint(29.8, 125.3);
    private static final EncounterConfig CONFIG = EncounterConfig.defaults(Parties.of("JP", "CN"));

    static Stream<Arguments> engines() {
        Function<EncounterConfig, EncounterEngine> grid = GridEncounterEngine::new;
        Function<EncounterConfig, EncounterEngine> naive = NaiveEncounterEngine::new;
        return Stream.of(Arguments.of("grid", grid), Arguments.of("naive", naive));
    }

    private final List<AlertEvent> events = new ArrayList<>();

    private List<AlertEvent> of(Lifecycle l) {
        return events.stream().filter(e -> e.lifecycle() == l).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void headOnShips_raiseOnceWithDraft_thenClearOncePassed(String name, Function<EncounterConfig, EncounterEngine> make) {
        EncounterEngine engine = make.apply(CONFIG);
        Unit jp = ship(JP, 431999001);
        Unit cn = ship(CN, 412000101);
        GeoPoint cnStart = offset(ECS, 12, 0.5);
        for (int s = 0; s <= 60 * 60; s += 10) {
            Instant t = T0.plusSeconds(s);
            engine.update(vessel(jp, t, org.macm.encounter.geo.Earth.deadReckon(ECS, 90, 12, s), 90, 12), events::add);
            engine.update(vessel(cn, t, org.macm.encounter.geo.Earth.deadReckon(cnStart, 270, 12, s), 270, 12), events::add);
            engine.tick(t, events::add);
        }
        assertThat(of(Lifecycle.NEW)).hasSize(1);
        assertThat(of(Lifecycle.CLEARED)).hasSize(1);
        AlertEvent.Raised raised = (AlertEvent.Raised) of(Lifecycle.NEW).get(0);
        EncounterAlert alert = (EncounterAlert) raised.alert();
        assertThat(alert.kind()).isEqualTo(PairKind.SURFACE);
        assertThat(alert.a().unit()).isEqualTo(jp);
        assertThat(alert.cpaNm()).isLessThanOrEqualTo(2.0).isGreaterThan(0.4);
        // 12 nm at 24 kn closing: CPA 0.5 nm at 30 min; raised once 20 minutes ahead they are within
        // 2 nm, i.e. at about 10 nm apart (5 min in), 25 minutes before the CPA
        assertThat(alert.time()).isBetween(T0.plusSeconds(270), T0.plusSeconds(330));
        assertThat(alert.tcpaMinutes()).isBetween(24.0, 26.0);
        assertThat(of(Lifecycle.UPDATED)).isNotEmpty();
        AlertEvent.Cleared cleared = (AlertEvent.Cleared) of(Lifecycle.CLEARED).get(0);
        assertThat(cleared.reason()).isEqualTo(ClearReason.PASSED);
        assertThat(cleared.alert().id()).isEqualTo(alert.id());
        assertThat(engine.active()).isEmpty();

        DraftNotice draft = raised.draft();
        assertThat(draft.template()).isEqualTo("unplanned-encounter");
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.alertId()).isEqualTo(alert.id());
        ObjectNode f = draft.fields();
        assertThat(f.get("time").asText()).matches("2026-11-29T03:\\d\\d:\\d\\dZ");
        assertThat(f.get("unitA").get("mmsi").asText()).isEqualTo("431999001");
        assertThat(f.get("unitA").get("side").asText()).isEqualTo("JP");
        assertThat(f.get("unitA").get("type").asText()).isEqualTo("destroyer");
        assertThat(f.get("unitB").get("mmsi").asText()).isEqualTo("412000101");
        assertThat(f.get("positionA").get("lat").isNumber()).isTrue();
        assertThat(f.get("positionB").get("lon").asDouble()).isGreaterThan(125.3);
        assertThat(f.get("cpa").asDouble()).isEqualTo(Math.round(alert.cpaNm() * 100) / 100.0);
        assertThat(f.get("tcpa").asDouble()).isEqualTo(Math.round(alert.tcpaMinutes() * 10) / 10.0);
        assertThat(f.has("altitudeA")).isFalse();
        assertThat(f.has("verticalSeparation")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void pairHoveringAtTheThreshold_doesNotFlap_andClearsOnceClearlyApart(String name,
            Function<EncounterConfig, EncounterEngine> make) {
        EncounterEngine engine = make.apply(CONFIG);
        Unit jp = ship(JP, 431999001);
        Unit cn = ship(CN, 412000101);
        int s = 0;
        for (; s < 30 * 60; s += 10) {
            Instant t = T0.plusSeconds(s);
            double east = 2.0 + 0.15 * Math.sin(s / 20.0); // 1.85 .. 2.15 nm: in and out of 2 nm all the time
            engine.update(vessel(jp, t, ECS, 0, 0), events::add);
            engine.update(vessel(cn, t, offset(ECS, east, 0), 0, 0), events::add);
            engine.tick(t, events::add);
        }
        assertThat(of(Lifecycle.NEW)).hasSize(1);
        assertThat(of(Lifecycle.CLEARED)).isEmpty();
        Instant apart = T0.plusSeconds(s);
        for (; s < 40 * 60; s += 10) {
            Instant t = T0.plusSeconds(s);
            engine.update(vessel(jp, t, ECS, 0, 0), events::add);
            engine.update(vessel(cn, t, offset(ECS, 3, 0), 0, 0), events::add);
            engine.tick(t, events::add);
        }
        assertThat(of(Lifecycle.CLEARED)).hasSize(1);
        AlertEvent.Cleared cleared = (AlertEvent.Cleared) of(Lifecycle.CLEARED).get(0);
        assertThat(cleared.reason()).isEqualTo(ClearReason.SEPARATED);
        assertThat(cleared.alert().time()).isEqualTo(apart.plus(CONFIG.clearAfter()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void sameSide_andThirdParties_raiseNothingByDefault(String name, Function<EncounterConfig, EncounterEngine> make) {
        EncounterEngine engine = make.apply(CONFIG);
        engine.update(vessel(ship(JP, 431999001), T0, ECS, 0, 0), events::add);
        engine.update(vessel(ship(JP, 431999002), T0, offset(ECS, 0.5, 0), 0, 0), events::add);
        engine.update(vessel(ship(Side.THIRD, 477000001), T0, offset(ECS, 0, 0.5), 0, 0), events::add);
        assertThat(events).isEmpty();
        EncounterEngine withThird = make.apply(CONFIG.withParties(new Parties(JP, CN, true)));
        withThird.update(vessel(ship(JP, 431999001), T0, ECS, 0, 0), events::add);
        withThird.update(vessel(ship(Side.THIRD, 477000001), T0, offset(ECS, 0, 0.5), 0, 0), events::add);
        assertThat(of(Lifecycle.NEW)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aircraftPair_carriesAltitudesInTheAlertAndTheDraft(String name, Function<EncounterConfig, EncounterEngine> make) {
        EncounterEngine engine = make.apply(CONFIG);
        engine.update(aircraft(plane(JP, 0x84A001), T0, ECS, 90, 300, 20_000, 0), events::add);
        engine.update(aircraft(plane(CN, 0x780001), T0, offset(ECS, 15, 1), 270, 300, 20_500, 0), events::add);
        assertThat(of(Lifecycle.NEW)).hasSize(1);
        AlertEvent.Raised raised = (AlertEvent.Raised) events.get(0);
        EncounterAlert alert = (EncounterAlert) raised.alert();
        assertThat(alert.kind()).isEqualTo(PairKind.AIR);
        assertThat(alert.verticalSeparationFeet().getAsDouble()).isEqualTo(500.0);
        ObjectNode f = raised.draft().fields();
        assertThat(f.get("altitudeA").asLong()).isEqualTo(20_000);
        assertThat(f.get("altitudeB").asLong()).isEqualTo(20_500);
        assertThat(f.get("verticalSeparation").asLong()).isEqualTo(500);
        assertThat(f.get("unitB").get("icao24").asText()).isEqualTo("780001");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void staleTrack_clearsItsAlertsAsTrackLost(String name, Function<EncounterConfig, EncounterEngine> make) {
        EncounterEngine engine = make.apply(CONFIG);
        TrackState cn = aircraft(plane(CN, 0x780001), T0, offset(ECS, 2, 0), 270, 200, 800, 0);
        engine.update(vessel(ship(JP, 431999001), T0, ECS, 0, 0), events::add);
        engine.update(cn, events::add);
        assertThat(of(Lifecycle.NEW)).hasSize(1);
        assertThat(((EncounterAlert) events.get(0).alert()).kind()).isEqualTo(PairKind.MIXED);
        engine.tick(T0.plusSeconds(59), events::add);
        assertThat(of(Lifecycle.CLEARED)).isEmpty();
        engine.tick(T0.plusSeconds(61), events::add); // aircraft max age is 1 minute
        assertThat(of(Lifecycle.CLEARED)).singleElement()
                .satisfies(e -> assertThat(((AlertEvent.Cleared) e).reason()).isEqualTo(ClearReason.TRACK_LOST));
        engine.remove(cn.unit().identifiers().get(0), T0.plusSeconds(61), events::add);
        assertThat(engine.size()).isEqualTo(1);
    }
}
