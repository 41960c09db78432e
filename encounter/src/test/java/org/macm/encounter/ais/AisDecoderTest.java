package org.macm.encounter.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.RejectReason;

class AisDecoderTest {
    private static final String TYPE1 = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
    private static final String TYPE5_PART1 =
            "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
    private static final String TYPE5_PART2 = "!AIVDM,2,2,1,A,88888888880,2*25";

    private final AisDecoder decoder = new AisDecoder();

    private AisReport decoded(String line) {
        DecodeResult<AisReport> result = decoder.accept(line);
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded<AisReport>) result).value();
    }

    private RejectReason rejected(String line) {
        DecodeResult<AisReport> result = decoder.accept(line);
        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected<AisReport>) result).reason();
    }

    @Test
    void decode_classAPosition_givesFieldsInTheirUnits() {
        ClassAPositionReport m = (ClassAPositionReport) decoded(TYPE1).message();
        assertThat(m.mmsi()).isEqualTo(371798000);
        assertThat(m.status()).contains(NavigationStatus.UNDER_WAY_USING_ENGINE);
        assertThat(m.speedKnots()).hasValue(12.3);
        assertThat(m.position().orElseThrow().latitude()).isCloseTo(48.3816333, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(m.position().orElseThrow().longitude()).isCloseTo(-123.3953833, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(m.courseDegrees()).hasValue(224.0);
        assertThat(m.headingDegrees()).hasValue(215);
        assertThat(m.rateOfTurn()).contains(new RateOfTurn.Unmeasured(false));
        assertThat(m.utcSecond()).hasValue(33);
        assertThat(decoder.stats().snapshot().decoded()).isEqualTo(1);
    }

    @Test
    void decode_notAvailableCodes_areAbsentNotNumbers() {
        String line = new Nmea().put(1, 6).put(0, 2).put(412000001, 30).put(15, 4).put(-128, 8).put(1023, 10)
                .put(0, 1).put(181 * 600_000, 28).put(91 * 600_000, 27).put(3600, 12).put(511, 9).put(60, 6)
                .put(0, 2).put(0, 3).put(0, 1).put(0, 19).sentence();
        ClassAPositionReport m = (ClassAPositionReport) decoded(line).message();
        assertThat(m.status()).isEmpty();
        assertThat(m.rateOfTurn()).isEmpty();
        assertThat(m.speedKnots()).isEmpty();
        assertThat(m.position()).isEmpty();
        assertThat(m.courseDegrees()).isEmpty();
        assertThat(m.headingDegrees()).isEmpty();
        assertThat(m.utcSecond()).isEmpty();
        assertThat(m.maneuver()).isEmpty();
        assertThat(decoder.stats().snapshot().outOfRange()).isZero();
    }

    @Test
    void decode_outOfRangeValues_areAbsentAndCounted() {
        String line = new Nmea().put(1, 6).put(0, 2).put(412000001, 30).put(0, 4).put(0, 8).put(100, 10)
                .put(0, 1).put(10 * 600_000, 28).put(95 * 600_000, 27).put(3700, 12).put(400, 9).put(10, 6)
                .put(0, 2).put(0, 3).put(0, 1).put(0, 19).sentence();
        ClassAPositionReport m = (ClassAPositionReport) decoded(line).message();
        assertThat(m.position()).isEmpty();
        assertThat(m.courseDegrees()).isEmpty();
        assertThat(m.headingDegrees()).isEmpty();
        assertThat(m.speedKnots()).hasValue(10.0);
        assertThat(decoder.stats().snapshot().outOfRange()).isEqualTo(3);
    }

    @Test
    void decode_sarAircraft_altitudeAndSpeedNotAvailable_areAbsent() {
        String line = new Nmea().put(9, 6).put(0, 2).put(111232511, 30).put(4095, 12).put(1023, 10).put(0, 1)
                .put(600_000, 28).put(1_200_000, 27).put(1545, 12).put(15, 6).put(0, 8).put(1, 1).put(0, 3)
                .put(0, 1).put(0, 1).put(0, 20).sentence();
        SarAircraftReport m = (SarAircraftReport) decoded(line).message();
        assertThat(m.altitudeMetres()).isEmpty();
        assertThat(m.speedKnots()).isEmpty();
        assertThat(m.position().orElseThrow().latitude()).isEqualTo(2.0);
        assertThat(m.courseDegrees()).hasValue(154.5);
        assertThat(m.dataTerminalReady()).isFalse();
    }

    @Test
    void decode_twoSentenceMessage_isReassembledAndTextTrimmed() {
        assertThat(decoder.accept(TYPE5_PART1)).isInstanceOf(DecodeResult.Pending.class);
        assertThat(decoder.pendingGroups()).isEqualTo(1);
        StaticVoyageData m = (StaticVoyageData) decoded(TYPE5_PART2).message();
        assertThat(m.mmsi()).isEqualTo(351759000);
        assertThat(m.shipName()).contains("EVER DIADEM");
        assertThat(m.callsign()).contains("3FOF8");
        assertThat(m.destination()).contains("NEW YORK");
        assertThat(m.draughtMetres()).hasValue(12.2);
        assertThat(m.dimensions()).contains(new Dimensions(225, 70, 1, 31));
        assertThat(m.imo()).hasValue(9134270);
        assertThat(decoder.pendingGroups()).isZero();
    }

    @Test
    void decode_interleavedGroups_completeIndependently() {
        String otherPart1 = TYPE5_PART1.replace(",2,1,1,A,", ",2,1,2,B,");
        String otherPart2 = TYPE5_PART2.replace(",2,2,1,A,", ",2,2,2,B,");
        assertThat(decoder.accept(TYPE5_PART1)).isInstanceOf(DecodeResult.Pending.class);
        assertThat(decoder.accept(fix(otherPart1))).isInstanceOf(DecodeResult.Pending.class);
        assertThat(decoded(TYPE1).message().mmsi()).isEqualTo(371798000);
        assertThat(decoded(fix(otherPart2)).channel()).isEqualTo("B");
        assertThat(decoded(TYPE5_PART2).channel()).isEqualTo("A");
        assertThat(decoder.stats().snapshot().rejectedTotal()).isZero();
    }

    @Test
    void decode_fragmentWithoutItsFirst_isRejectedAsLost() {
        assertThat(rejected(TYPE5_PART2)).isEqualTo(RejectReason.FRAGMENT_LOST);
        assertThat(decoder.stats().rejections(RejectReason.FRAGMENT_LOST)).isEqualTo(1);
    }

    @Test
    void decode_groupThatNeverCompletes_isDroppedAfterItsSpanAndCounted() {
        AisDecoder small = new AisDecoder(new AisDecoderConfig(1024, 4, 5));
        small.accept(TYPE5_PART1);
        for (int i = 0; i < 6; i++) {
            small.accept(TYPE1);
        }
        assertThat(small.pendingGroups()).isZero();
        assertThat(small.stats().rejections(RejectReason.FRAGMENT_LOST)).isEqualTo(1);
        assertThat(small.accept(TYPE5_PART2)).isInstanceOf(DecodeResult.Rejected.class);
    }

    @Test
    void decode_moreOpenGroupsThanSlots_evictsTheOldestAndStaysBounded() {
        AisDecoder small = new AisDecoder(new AisDecoderConfig(1024, 3, 1000));
        for (int id = 0; id < 10; id++) {
            small.accept(fix(TYPE5_PART1.replace(",2,1,1,A,", ",2,1," + id + ",A,")));
        }
        assertThat(small.pendingGroups()).isEqualTo(3);
        assertThat(small.stats().rejections(RejectReason.FRAGMENT_LOST)).isEqualTo(7);
    }

    @Test
    void decode_repeatedFirstFragment_dropsTheIncompleteGroup() {
        decoder.accept(TYPE5_PART1);
        decoder.accept(TYPE5_PART1);
        assertThat(decoded(TYPE5_PART2).message().messageType()).isEqualTo(5);
        assertThat(decoder.stats().rejections(RejectReason.FRAGMENT_LOST)).isEqualTo(1);
    }

    @Test
    void decode_wrongChecksum_isRejectedAndCounted() {
        assertThat(rejected(TYPE1.replace("*4A", "*4B"))).isEqualTo(RejectReason.BAD_CHECKSUM);
        assertThat(rejected(TYPE1.replace("15RTgt", "15RTgu"))).isEqualTo(RejectReason.BAD_CHECKSUM);
        assertThat(decoder.stats().rejections(RejectReason.BAD_CHECKSUM)).isEqualTo(2);
    }

    @Test
    void decode_badLines_areRejectedPerReason() {
        assertThat(rejected("")).isEqualTo(RejectReason.EMPTY);
        assertThat(rejected("hello world")).isEqualTo(RejectReason.NOT_NMEA);
        assertThat(rejected("!AIVDM,1,1,,A,13")).isEqualTo(RejectReason.TRUNCATED);
        assertThat(rejected("$GPRMC,213950.00,A,5250.53669,N,00542.34920,E,0.020,,070420,,,A*7D")).isEqualTo(RejectReason.NOT_AIS);
        assertThat(rejected(Nmea.withChecksum("AIVDM,1,1,,A,15RT{t,0"))).isEqualTo(RejectReason.BAD_PAYLOAD);
        assertThat(rejected(Nmea.withChecksum("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,7"))).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected(Nmea.withChecksum("AIVDM,1,1,,A,15RTgt,0"))).isEqualTo(RejectReason.SHORT_MESSAGE);
        // ITU defines types 1..27; 28 ('L') is not one
        assertThat(rejected(Nmea.withChecksum("AIVDM,1,1,,A,L5RTgt0PAso;90TKcjM8h6g208CQ,0"))).isEqualTo(RejectReason.UNSUPPORTED_TYPE);
        assertThat(rejected("x".repeat(5000))).isEqualTo(RejectReason.TOO_LONG);
        assertThat(decoder.stats().snapshot().rejectedTotal()).isEqualTo(9);
        assertThat(decoder.stats().snapshot().lines()).isEqualTo(9);
    }

    @Test
    void decode_otherTalkersAndOwnShip_areAccepted() {
        String body = TYPE1.substring(1, TYPE1.indexOf('*'));
        AisReport bs = decoded(Nmea.withChecksum(body.replace("AIVDM", "BSVDM")));
        assertThat(bs.talker()).isEqualTo("BS");
        AisReport own = decoded(Nmea.withChecksum(body.replace("AIVDM", "AIVDO")));
        assertThat(own.ownVessel()).isTrue();
    }

    @Test
    void decode_receiverSuffixAfterChecksum_isIgnored() {
        assertThat(decoded(TYPE1 + ",s28089,d-103,T39.44353985,x147521,r08TPHI1,1242958962").message().mmsi())
                .isEqualTo(371798000);
    }

    @Test
    void decode_tagBlock_givesSourceAndTime() {
        AisReport r = decoded("\\s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*55\\"
                + "!AIVDM,1,1,,B,13F?Vv700<DJuLEtvep`iToV0<00,0*78");
        assertThat(r.source()).contains("rORBCOMM104");
        assertThat(r.receivedAt()).contains(Instant.ofEpochSecond(1418172113));
    }

    @Test
    void decode_tagBlockWithWrongChecksum_isRejected() {
        assertThat(rejected("\\s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*56\\"
                + "!AIVDM,1,1,,B,13F?Vv700<DJuLEtvep`iToV0<00,0*78")).isEqualTo(RejectReason.BAD_TAG_BLOCK);
        assertThat(rejected("\\s:x,c:1*00")).isEqualTo(RejectReason.BAD_TAG_BLOCK);
    }

    @Test
    void decode_longRange_notAvailable_isAbsent() {
        String line = new Nmea().put(27, 6).put(0, 2).put(236091959, 30).put(0, 1).put(0, 1).put(3, 4)
                .put(181 * 600, 18).put(91 * 600, 17).put(63, 6).put(511, 9).put(0, 1).put(0, 1).sentence();
        LongRangeReport m = (LongRangeReport) decoded(line).message();
        assertThat(m.position()).isEmpty();
        assertThat(m.speedKnots()).isEmpty();
        assertThat(m.courseDegrees()).isEmpty();
        assertThat(m.status()).contains(NavigationStatus.RESTRICTED_MANOEUVRABILITY);
    }

    @Test
    void decode_staticDataParts_areSeparateRecords() {
        StaticDataPartA a = (StaticDataPartA) decoded("!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D").message();
        StaticDataPartB b = (StaticDataPartB) decoded("!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40").message();
        assertThat(a.shipName()).contains("PROGUY");
        assertThat(b.callsign()).contains("TC6163");
        assertThat(b.shipType()).hasValue(60);
        assertThat(b.dimensions()).contains(new Dimensions(0, 15, 0, 5));
    }

    /** Recomputes the checksum of a sentence edited by a test. */
    private static String fix(String sentence) {
        return Nmea.withChecksum(sentence.substring(1, sentence.indexOf('*')));
    }
}
