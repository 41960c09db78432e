package org.macm.encounter.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AisReport;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.sbs.SbsDecoder;
import org.macm.encounter.sbs.SbsMessage;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Side;
import org.macm.encounter.unit.Unit;
import org.macm.encounter.unit.UnitRegistry;

class TrackStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-29T03:30:00Z");
    private static final GeoPoint P = new GeoPoint(29.8, 125.3);
    private static final Unit KONGO = new Unit(List.of(new Identifier.Mmsi(431999001), new Identifier.Hull("DDG-173")),
            Side.of("JP"), "JS KONGO", "destroyer", UnitKind.VESSEL, true);

    private final TrackStore store = new TrackStore(UnitRegistry.of(List.of(KONGO)), TrackStoreConfig.defaults());

    private static TrackUpdate fix(Identifier id, UnitKind kind, Instant t, GeoPoint p) {
        return TrackUpdate.of(id, kind, t, p, 90, 10, kind == UnitKind.AIRCRAFT ? OptionalDouble.of(10_000) : OptionalDouble.empty());
    }

    @Test
    void staleTracks_areDroppedAfterTheirKindsMaxAge() {
        store.apply(fix(new Identifier.Mmsi(412000001), UnitKind.VESSEL, T0, P));
        store.apply(fix(new Identifier.Icao24(0x780A3F), UnitKind.AIRCRAFT, T0, P));
        assertThat(store.expire(T0.plusSeconds(60))).isEmpty();
        assertThat(store.expire(T0.plusSeconds(61))).singleElement().satisfies(t -> assertThat(t.kind()).isEqualTo(UnitKind.AIRCRAFT));
        assertThat(store.expire(T0.plusSeconds(600))).isEmpty();
        assertThat(store.expire(T0.plusSeconds(601))).singleElement().satisfies(t -> assertThat(t.kind()).isEqualTo(UnitKind.VESSEL));
        assertThat(store.size()).isZero();
    }

    @Test
    void olderOrRepeatedFix_isIgnored() {
        assertThat(store.apply(fix(new Identifier.Mmsi(412000001), UnitKind.VESSEL, T0, P))).isPresent();
        assertThat(store.apply(fix(new Identifier.Mmsi(412000001), UnitKind.VESSEL, T0, P))).isEmpty();
        assertThat(store.apply(fix(new Identifier.Mmsi(412000001), UnitKind.VESSEL, T0.minusSeconds(5), P))).isEmpty();
        assertThat(store.ignoredOutOfOrder()).isEqualTo(2);
    }

    @Test
    void registeredUnit_seenByMmsiAndByHull_isOneTrackWithItsSide_unknownIsThirdParty() {
        store.apply(fix(new Identifier.Mmsi(431999001), UnitKind.VESSEL, T0, P));
        TrackState radar = store.apply(fix(new Identifier.Hull("DDG-173"), UnitKind.VESSEL, T0.plusSeconds(5), P)).orElseThrow();
        assertThat(store.size()).isEqualTo(1);
        assertThat(radar.unit()).isEqualTo(KONGO);
        TrackState other = store.apply(fix(new Identifier.Mmsi(477000001), UnitKind.VESSEL, T0, P)).orElseThrow();
        assertThat(other.unit().side()).isEqualTo(Side.THIRD);
        assertThat(other.unit().registered()).isFalse();
    }

    @Test
    void deadReckoning_movesAlongTheCourse() {
        TrackState s = store.apply(fix(new Identifier.Mmsi(412000001), UnitKind.VESSEL, T0, new GeoPoint(0, 179.95))).orElseThrow();
        GeoPoint later = s.positionAt(T0.plus(Duration.ofMinutes(30)));
        assertThat(later.latitude()).isCloseTo(0, within(1e-9));
        assertThat(later.longitude()).isCloseTo(179.95 + 5 / 60.0 - 360, within(0.001)); // 5 nm east, across 180
    }

    @Test
    void aisStaticData_namesTheTrack_beforeOrAfterItsFirstPosition() {
        AisDecoder decoder = new AisDecoder();
        AisTrackAdapter ais = new AisTrackAdapter();
        // type 5 first (gpsd's sample: EVER DIADEM, 3FOF8), then a type 1 from the same MMSI
        String s1 = nmea("AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0");
        String s2 = nmea("AIVDM,2,2,1,A,88888888880,2");
        decoder.accept(s1);
        AisReport staticData = decoded(decoder.accept(s2));
        assertThat(store.apply(ais.adapt(staticData, T0).orElseThrow())).isEmpty();
        int mmsi = staticData.message().mmsi();
        AisReport position = decoded(decoder.accept(nmea("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0")));
        // re-address the position report to the same MMSI as the static data
        TrackUpdate u = (TrackUpdate) ais.adapt(position, T0.plusSeconds(1)).orElseThrow();
        assertThat(u.speedKnots().getAsDouble()).isCloseTo(12.3, within(1e-9));
        assertThat(u.position().latitude()).isCloseTo(48.38163, within(1e-5));
        TrackState named = store.apply(new TrackUpdate(new Identifier.Mmsi(mmsi), u.kind(), u.time(), u.position(), u.courseDegrees(),
                u.speedKnots(), u.altitudeFeet(), u.verticalRateFeetPerMinute(), u.source(), u.name(), u.callsign(),
                u.sideHint())).orElseThrow();
        assertThat(named.reportedName()).contains("EVER DIADEM");
        assertThat(named.callsign()).contains("3FOF8");
        assertThat(named.displayName()).isEqualTo("EVER DIADEM");
        // a later name for a tracked unit updates it at once
        TrackState renamed = store.apply(new IdentityUpdate(new Identifier.Mmsi(mmsi), T0.plusSeconds(2), Optional.of("EVER DIADEM II"),
                Optional.empty(), TrackSource.AIS)).orElseThrow();
        assertThat(renamed.displayName()).isEqualTo("EVER DIADEM II");
        assertThat(renamed.callsign()).contains("3FOF8");
    }

    @Test
    void sbs_positionAndVelocityMessages_combineIntoOneFix() {
        SbsDecoder decoder = new SbsDecoder();
        SbsTrackAdapter sbs = new SbsTrackAdapter(Duration.ofSeconds(10));
        assertThat(sbs.adapt(sbs(decoder, "MSG,1,1,1,780A3F,1,2026/11/29,03:29:58.000,2026/11/29,03:29:58.000,CCA101  ,,,,,,,,,,,"),
                T0)).hasValueSatisfying(e -> assertThat(((IdentityUpdate) e).callsign()).contains("CCA101"));
        assertThat(sbs.adapt(sbs(decoder, "MSG,4,1,1,780A3F,1,2026/11/29,03:29:59.500,2026/11/29,03:29:59.500,,,420,90.5,,,-1000,,0,0,0,0"),
                T0)).isEmpty();
        TrackUpdate u = (TrackUpdate) sbs.adapt(sbs(decoder,
                "MSG,3,1,1,780A3F,1,2026/11/29,03:30:00.000,2026/11/29,03:30:00.000,,25000,,,29.81,125.29,,,0,0,0,0"), T0).orElseThrow();
        assertThat(u.id()).isEqualTo(new Identifier.Icao24(0x780A3F));
        assertThat(u.time()).isEqualTo(T0);
        assertThat(u.altitudeFeet().getAsDouble()).isEqualTo(25_000);
        assertThat(u.speedKnots().getAsDouble()).isEqualTo(420);
        assertThat(u.courseDegrees().getAsDouble()).isEqualTo(90.5);
        assertThat(u.verticalRateFeetPerMinute().getAsDouble()).isEqualTo(-1000);
        // 20 s later the velocity is stale: the fix comes without it and the store keeps the last one
        TrackUpdate late = (TrackUpdate) sbs.adapt(sbs(decoder,
                "MSG,3,1,1,780A3F,1,2026/11/29,03:30:20.000,2026/11/29,03:30:20.000,,24700,,,29.81,125.33,,,0,0,0,0"), T0).orElseThrow();
        assertThat(late.speedKnots()).isEmpty();
        store.apply(u);
        TrackState s = store.apply(late).orElseThrow();
        assertThat(s.speedKnots()).isEqualTo(420);
        assertThat(s.altitudeFeet().getAsDouble()).isEqualTo(24_700);
        sbs.forget(T0.plusSeconds(21));
        assertThat(sbs.size()).isZero();
    }

    @Test
    void jsonTrackIds_becomeMmsiIcaoOrHull_andSideHintsApplyOnlyToUnlistedUnits() {
        JsonTrackAdapter json = new JsonTrackAdapter();
        var decoder = new org.macm.encounter.json.JsonTrackDecoder();
        TrackUpdate ship = json.adapt(decoded(decoder.accept(
                "{\"id\":\"431999001\",\"kind\":\"vessel\",\"time\":\"2026-11-29T03:30:00Z\",\"lat\":29.8,\"lon\":125.3,"
                        + "\"course\":90,\"speed\":12,\"side\":\"CN\"}")));
        assertThat(ship.id()).isEqualTo(new Identifier.Mmsi(431999001));
        assertThat(store.apply(ship).orElseThrow().unit().side()).isEqualTo(Side.of("JP")); // the registry wins
        TrackUpdate radar = json.adapt(decoded(decoder.accept(
                "{\"id\":\"T-0042\",\"kind\":\"vessel\",\"time\":\"2026-11-29T03:30:00Z\",\"lat\":29.9,\"lon\":125.3,"
                        + "\"course\":90,\"speed\":12,\"side\":\"CN\"}")));
        assertThat(radar.id()).isEqualTo(new Identifier.Hull("T-0042"));
        assertThat(store.apply(radar).orElseThrow().unit().side()).isEqualTo(Side.of("CN"));
    }

    private static SbsMessage sbs(SbsDecoder decoder, String line) {
        return decoded(decoder.accept(line));
    }

    private static <T> T decoded(DecodeResult<T> r) {
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded<T>) r).value();
    }

    private static String nmea(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return String.format("!%s*%02X", body, sum);
    }
}
