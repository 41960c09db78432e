package org.macm.encounter.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.IdentityUpdate;
import org.macm.encounter.track.TrackEvent;
import org.macm.encounter.track.TrackSource;
import org.macm.encounter.track.TrackUpdate;
import org.macm.encounter.unit.Identifier;

/**
 * From decoded Mode S messages to track events: a position needs both CPR halves (or a
 * recent fix of the same aircraft), carries the latest velocity, and a call sign becomes an
 * identity. Messages are the Riddle's worked examples (see {@link RiddleGoldenTest}).
 */
class ModeSTrackAdapterTest {
    private static final Instant T0 = Instant.parse("2016-03-14T23:00:00Z");
    private final ModeSDecoder decoder = new ModeSDecoder();

    private ModeSMessage m(String hex) {
        return ((DecodeResult.Decoded<ModeSMessage>) decoder.accept("*" + hex + ";")).value();
    }

    @Test
    void airborne_oneHalfGivesNothing_thePairGivesTheFix_withVelocityAndAltitude() {
        ModeSTrackAdapter adapter = new ModeSTrackAdapter(Duration.ofSeconds(10), Optional.empty());
        assertThat(adapter.adapt(m("8D40621D58C386435CC412692AD6"), T0)).isEmpty();
        // The velocity of another aircraft must not leak; this one's velocity is what we want.
        assertThat(adapter.adapt(m("8D485020994409940838175B284F"), T0.plusSeconds(1))).isEmpty();
        Optional<TrackEvent> fix = adapter.adapt(m("8D40621D58C382D690C8AC2863A7"), T0.plusSeconds(2));
        assertThat(fix).get().isInstanceOfSatisfying(TrackUpdate.class, u -> {
            assertThat(u.id()).isEqualTo(new Identifier.Icao24(0x40621D));
            assertThat(u.kind()).isEqualTo(UnitKind.AIRCRAFT);
            assertThat(u.source()).isEqualTo(TrackSource.ADSB);
            assertThat(u.position().latitude()).isCloseTo(52.25720, within(1e-5));
            assertThat(u.position().longitude()).isCloseTo(3.91937, within(1e-5));
            assertThat(u.altitudeFeet().getAsDouble()).isEqualTo(38000.0);
            assertThat(u.speedKnots()).isEmpty();
        });
        assertThat(adapter.size()).isEqualTo(2);
    }

    @Test
    void airborne_halvesTooFarApartGiveNoFix_thenAFixAllowsLocalDecodingOfOneHalf() {
        ModeSTrackAdapter adapter = new ModeSTrackAdapter(Duration.ofSeconds(10), Optional.empty());
        adapter.adapt(m("8D40621D58C386435CC412692AD6"), T0);
        assertThat(adapter.adapt(m("8D40621D58C382D690C8AC2863A7"), T0.plusSeconds(11))).isEmpty();
        assertThat(adapter.adapt(m("8D40621D58C386435CC412692AD6"), T0.plusSeconds(12))).isPresent();
        // One half, 20 s after that fix: decoded locally against it.
        Optional<TrackEvent> local = adapter.adapt(m("8D40621D58C382D690C8AC2863A7"), T0.plusSeconds(32));
        assertThat(local).get().isInstanceOfSatisfying(TrackUpdate.class,
                u -> assertThat(u.position().latitude()).isCloseTo(52.25720, within(1e-5)));
    }

    @Test
    void airborne_velocityRidesWithTheNextFix_whileFresh() {
        ModeSTrackAdapter adapter = new ModeSTrackAdapter(Duration.ofSeconds(10), Optional.empty());
        // The velocity example's address differs from the position example's, so build the
        // pair's aircraft a velocity from the same ME field under its own address.
        ModeSMessage velocity = m("8D485020994409940838175B284F");
        AirborneVelocity v = (AirborneVelocity) velocity;
        AirborneVelocity mine = new AirborneVelocity(17, 0x40621D, v.subtype(), v.speedKind(), v.speedKnots(),
                v.directionDegrees(), v.verticalRateFeetPerMinute(), v.verticalRateSource(), v.gnssMinusBaroFeet());
        adapter.adapt(mine, T0);
        adapter.adapt(m("8D40621D58C386435CC412692AD6"), T0.plusSeconds(1));
        TrackUpdate u = (TrackUpdate) adapter.adapt(m("8D40621D58C382D690C8AC2863A7"), T0.plusSeconds(2)).orElseThrow();
        assertThat(u.speedKnots().getAsDouble()).isCloseTo(159.20, within(0.01));
        assertThat(u.courseDegrees().getAsDouble()).isCloseTo(182.88, within(0.01));
        assertThat(u.verticalRateFeetPerMinute().getAsDouble()).isEqualTo(-832.0);
        TrackUpdate stale = (TrackUpdate) adapter.adapt(m("8D40621D58C386435CC412692AD6"), T0.plusSeconds(20)).orElseThrow();
        assertThat(stale.speedKnots()).isEmpty();
    }

    @Test
    void surface_pairNeedsTheReceiver_andCarriesItsOwnSpeedAndTrack() {
        ModeSTrackAdapter blind = new ModeSTrackAdapter(Duration.ofSeconds(10), Optional.empty());
        blind.adapt(m("8C4841753AAB238733C8CD4020B1"), T0);
        assertThat(blind.adapt(m("8C4841753A8A35323FAEBDAC702D"), T0.plusSeconds(2))).isEmpty();

        ModeSTrackAdapter adapter = new ModeSTrackAdapter(Duration.ofSeconds(10), Optional.of(new GeoPoint(51.990, 4.375)));
        adapter.adapt(m("8C4841753AAB238733C8CD4020B1"), T0);
        TrackUpdate u = (TrackUpdate) adapter.adapt(m("8C4841753A8A35323FAEBDAC702D"), T0.plusSeconds(2)).orElseThrow();
        assertThat(u.position().latitude()).isCloseTo(52.32061, within(1e-5));
        assertThat(u.position().longitude()).isCloseTo(4.73473, within(1e-5));
        assertThat(u.speedKnots().getAsDouble()).isEqualTo(16.0);
        assertThat(u.courseDegrees().getAsDouble()).isEqualTo(98.4375);
        assertThat(u.altitudeFeet().getAsDouble()).isZero();
    }

    @Test
    void identification_becomesAnIdentityUpdate_andForgetDropsQuietAircraft() {
        ModeSTrackAdapter adapter = new ModeSTrackAdapter(Duration.ofSeconds(10), Optional.empty());
        assertThat(adapter.adapt(m("8D4840D6202CC371C32CE0576098"), T0)).contains(
                new IdentityUpdate(new Identifier.Icao24(0x4840D6), T0, Optional.empty(), Optional.of("KLM1023"), TrackSource.ADSB));
        adapter.adapt(m("8D485020994409940838175B284F"), T0.plusSeconds(60));
        adapter.forget(T0.plusSeconds(30));
        assertThat(adapter.size()).isEqualTo(1);
    }
}
