package org.macm.encounter.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.RejectReason;

/**
 * The worked examples of Junzi Sun, "The 1090 Megahertz Riddle: A Guide to Decoding Mode S
 * and ADS-B Signals", 2nd edition, TU Delft OPEN Publishing, 2021 (https://mode-s.org/decode),
 * chapters 3 (CRC), 4 (identification), 5 (airborne position), 6 (surface position), 7
 * (airborne velocity) and 10 (altitude and identity codes). Each test quotes the book's
 * message and the values the book derives by hand.
 */
class RiddleGoldenTest {

    private static ModeSMessage decode(String hex) {
        ModeSDecoder decoder = new ModeSDecoder(new ModeSDecoderConfig(16, true));
        DecodeResult<ModeSMessage> r = decoder.accept("*" + hex + ";");
        assertThat(r).as(hex).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded<ModeSMessage>) r).value();
    }

    @Test
    void crc_bookMessagePasses_andOneFlippedBitIsCountedAsBadCrc() {
        // Chapter 3: 8D406B902015A678D4D220AA4BDA has remainder 0.
        assertThat(ModeSFrame.ofHex("8D406B902015A678D4D220AA4BDA").orElseThrow().residual()).isZero();
        ModeSDecoder decoder = new ModeSDecoder();
        DecodeResult<ModeSMessage> r = decoder.accept("*8D406B902015A678D4D220AA4BDB;");
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Rejected.class,
                x -> assertThat(x.reason()).isEqualTo(RejectReason.BAD_CRC));
        assertThat(decoder.stats().snapshot().rejected(RejectReason.BAD_CRC)).isEqualTo(1);
        assertThat(decoder.stats().snapshot().decoded()).isZero();
    }

    @Test
    void identification_klm1023() {
        // Chapter 4: 8D4840D6202CC371C32CE0576098 -> ICAO 4840D6, TC 4, call sign KLM1023.
        assertThat(decode("8D4840D6202CC371C32CE0576098"))
                .isEqualTo(new AircraftIdentification(17, 0x4840D6, 4, "A0", "KLM1023"));
    }

    @Test
    void airbornePosition_globalPair_52_25720N_3_91937E_at38000ft() {
        // Chapter 5: even 8D40621D58C382D690C8AC2863A7 (newer), odd 8D40621D58C386435CC412692AD6.
        AirbornePosition even = (AirbornePosition) decode("8D40621D58C382D690C8AC2863A7");
        AirbornePosition odd = (AirbornePosition) decode("8D40621D58C386435CC412692AD6");
        assertThat(even.odd()).isFalse();
        assertThat(odd.odd()).isTrue();
        assertThat(even.altitudeFeet()).isEqualTo(OptionalInt.of(38000));
        assertThat(even.cprLatitude()).isEqualTo(93000);
        assertThat(even.cprLongitude()).isEqualTo(51372);
        assertThat(odd.cprLatitude()).isEqualTo(74158);
        assertThat(odd.cprLongitude()).isEqualTo(50194);
        GeoPoint p = Cpr.airborneGlobal(even.cprLatitude(), even.cprLongitude(), odd.cprLatitude(), odd.cprLongitude(), false)
                .orElseThrow();
        assertThat(p.latitude()).isCloseTo(52.25720, within(1e-5));
        assertThat(p.longitude()).isCloseTo(3.91937, within(1e-5));
    }

    @Test
    void airbornePosition_localAgainstReference_52_258N_3_918E() {
        // Chapter 5, locally unambiguous decoding: the even message against (52.258, 3.918).
        AirbornePosition even = (AirbornePosition) decode("8D40621D58C382D690C8AC2863A7");
        GeoPoint p = Cpr.airborneLocal(even.cprLatitude(), even.cprLongitude(), false, new GeoPoint(52.258, 3.918))
                .orElseThrow();
        assertThat(p.latitude()).isCloseTo(52.25720, within(1e-5));
        assertThat(p.longitude()).isCloseTo(3.91937, within(1e-5));
    }

    @Test
    void surfacePosition_pairNearReceiver_52_32061N_4_73473E() {
        // Chapter 6: even 8C4841753AAB238733C8CD4020B1, odd (newer) 8C4841753A8A35323FAEBDAC702D,
        // receiver at (51.990, 4.375).
        SurfacePosition even = (SurfacePosition) decode("8C4841753AAB238733C8CD4020B1");
        SurfacePosition odd = (SurfacePosition) decode("8C4841753A8A35323FAEBDAC702D");
        GeoPoint p = Cpr.surfaceGlobal(even.cprLatitude(), even.cprLongitude(), odd.cprLatitude(), odd.cprLongitude(), true,
                new GeoPoint(51.990, 4.375)).orElseThrow();
        assertThat(p.latitude()).isCloseTo(52.32061, within(1e-5));
        assertThat(p.longitude()).isCloseTo(4.73473, within(1e-5));
        // Movement 42 is 18 kt, 40 is 16 kt; track 140.625 and 98.4375 degrees (7 bits of 360/128).
        assertThat(even.groundSpeedKnots().getAsDouble()).isEqualTo(18.0);
        assertThat(even.trackDegrees().getAsDouble()).isEqualTo(140.625);
        assertThat(odd.groundSpeedKnots().getAsDouble()).isEqualTo(16.0);
    }

    @Test
    void velocity_groundSpeed_159kt_track182_88_descending832fpm() {
        // Chapter 7, subtype 1: 8D485020994409940838175B284F -> 159.20 kt, 182.88 deg, -832 ft/min (GNSS).
        AirborneVelocity v = (AirborneVelocity) decode("8D485020994409940838175B284F");
        assertThat(v.subtype()).isEqualTo(1);
        assertThat(v.speedKind()).isEqualTo(SpeedKind.GROUND);
        assertThat(v.speedKnots().getAsDouble()).isCloseTo(159.20, within(0.01));
        assertThat(v.directionDegrees().getAsDouble()).isCloseTo(182.88, within(0.01));
        assertThat(v.verticalRateFeetPerMinute()).isEqualTo(OptionalInt.of(-832));
        assertThat(v.verticalRateSource()).isEqualTo(AltitudeSource.GNSS);
        assertThat(v.gnssMinusBaroFeet()).isEqualTo(OptionalInt.of(550));
    }

    @Test
    void velocity_trueAirspeed_375kt_heading243_98_descending2304fpm() {
        // Chapter 7, subtype 3: 8DA05F219B06B6AF189400CBC33F -> TAS 375 kt, heading 243.98 deg, -2304 ft/min.
        AirborneVelocity v = (AirborneVelocity) decode("8DA05F219B06B6AF189400CBC33F");
        assertThat(v.subtype()).isEqualTo(3);
        assertThat(v.speedKind()).isEqualTo(SpeedKind.TRUE_AIRSPEED);
        assertThat(v.speedKnots().getAsDouble()).isEqualTo(375.0);
        assertThat(v.directionDegrees().getAsDouble()).isCloseTo(243.98, within(0.01));
        assertThat(v.verticalRateFeetPerMinute()).isEqualTo(OptionalInt.of(-2304));
        assertThat(v.verticalRateSource()).isEqualTo(AltitudeSource.BAROMETRIC);
    }

    @Test
    void altitudeReply_df4_38000ft_andIdentityReply_df5_squawk0356() {
        // Chapter 10 (surveillance replies): DF4 20001838CA3804 -> 38000 ft; DF5 2A00516D492B80 -> 0356.
        assertThat(decode("20001838CA3804")).isEqualTo(new AltitudeReply(4, 0xDBBB5F, 0, OptionalInt.of(38000)));
        assertThat(decode("2A00516D492B80")).isEqualTo(new IdentityReply(5, 0x510AF9, 2, "0356"));
    }

    @Test
    void allCall_df11_announces484FDE_airborne_inReplyToInterrogatorCode22() {
        // Chapter 10 (all-call reply): 5D484FDEA248F5 -> DF11, CA 5, ICAO 484FDE; the remainder 0x16 is the overlaid code.
        assertThat(decode("5D484FDEA248F5")).isEqualTo(new AllCallReply(11, 0x484FDE, 5, 0x16));
    }
}
