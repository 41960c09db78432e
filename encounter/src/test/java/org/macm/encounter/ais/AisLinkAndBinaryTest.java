package org.macm.encounter.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.RejectReason;

/**
 * The binary and data link message types (6, 7, 8, 10, 13, 15, 16, 17, 20, 22, 23, 25, 26):
 * each field where ITU-R M.1371 puts it, entries held only when sent in full, positions outside
 * the globe absent and counted, and short messages rejected. Field-by-field agreement with gpsd
 * and libais on real sentences is in the conformance package.
 */
class AisLinkAndBinaryTest {
    private final AisDecoder decoder = new AisDecoder();

    private AisMessage decoded(String line) {
        DecodeResult<AisReport> result = decoder.accept(line);
        assertThat(result).as(line).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded<AisReport>) result).value().message();
    }

    private static Nmea header(int type, int mmsi) {
        return new Nmea().put(type, 6).put(0, 2).put(mmsi, 30);
    }

    @Test
    void addressedBinary_givesEnvelopeDacFiAndTheDataBits() {
        // gpsd sample.aivdm: type 6 from 150834090 to 313240222, DAC 669 FI 11, data "48:eb2f118f7ff1"
        AddressedBinaryMessage m = (AddressedBinaryMessage) decoded("!AIVDM,1,1,,B,6B?n;be:cbapalgc;i6?Ow4,2*4A");
        assertThat(m.mmsi()).isEqualTo(150834090);
        assertThat(m.destinationMmsi()).isEqualTo(313240222);
        assertThat(m.sequence()).isEqualTo(3);
        assertThat(m.dac()).isEqualTo(669);
        assertThat(m.fi()).isEqualTo(11);
        assertThat(m.data().bitLength()).isEqualTo(48);
        assertThat(m.data().hex()).isEqualTo("eb2f118f7ff1");
        assertThat(m.application()).isEmpty();
    }

    @Test
    void binaryBroadcast_dataIsEverythingAfterTheFi() {
        String line = header(8, 366999712).put(0, 2).put(366, 10).put(56, 6).put(0xABCDE, 20).sentence();
        BinaryBroadcast m = (BinaryBroadcast) decoded(line);
        assertThat(m.dac()).isEqualTo(366);
        assertThat(m.fi()).isEqualTo(56);
        assertThat(m.data().bitLength()).isEqualTo(20); // the fill bits are not data
        assertThat(m.data().unsigned(0, 20)).isEqualTo(0xABCDE);
    }

    @Test
    void acknowledgement_cutInsideAnEntry_holdsOnlyTheEntriesSentInFull() {
        String twoAndAHalf = header(7, 2655651).put(0, 2).put(265538450, 30).put(1, 2).put(123456789, 30).put(2, 2)
                .put(987, 20).sentence();
        Acknowledgement m = (Acknowledgement) decoded(twoAndAHalf);
        assertThat(m.messageType()).isEqualTo(7);
        assertThat(m.acknowledged()).containsExactly(new Acknowledged(265538450, 1), new Acknowledged(123456789, 2));
        assertThat(m.third()).isEmpty();
    }

    @Test
    void safetyAcknowledgement_isType13() {
        Acknowledgement m = (Acknowledgement) decoded(header(13, 211378120).put(0, 2).put(211217560, 30).put(0, 2).sentence());
        assertThat(m.messageType()).isEqualTo(13);
        assertThat(m.first()).isEqualTo(new Acknowledged(211217560, 0));
    }

    @Test
    void utcInquiry_namesTheStationAsked() {
        UtcInquiry m = (UtcInquiry) decoded(header(10, 366814480).put(0, 2).put(366832740, 30).put(0, 2).sentence());
        assertThat(m.destinationMmsi()).isEqualTo(366832740);
    }

    @Test
    void interrogation_lengthAndZeroTypeSayWhichRequestsThereAre() {
        String one = header(15, 368578000).put(0, 2).put(5158, 30).put(5, 6).put(0, 12).put(0, 2).sentence();
        assertThat(((Interrogation) decoded(one)).requests()).containsExactly(new InterrogationRequest(5158, 5, 0));
        // the 160-bit form with the first station's second request zeroed, as the standard says
        String two = header(15, 3669702).put(0, 2).put(111, 30).put(3, 6).put(10, 12).put(0, 2)
                .put(0, 6).put(0, 12).put(0, 2).put(222, 30).put(5, 6).put(20, 12).put(0, 2).sentence();
        Interrogation m = (Interrogation) decoded(two);
        assertThat(m.second()).isEmpty();
        assertThat(m.third()).contains(new InterrogationRequest(222, 5, 20));
    }

    @Test
    void assignmentCommand_144Bits_assignsTwoStations() {
        String line = header(16, 2053501).put(0, 2).put(224251000, 30).put(200, 12).put(0, 10)
                .put(224251001, 30).put(100, 12).put(7, 10).sentence();
        AssignmentCommand m = (AssignmentCommand) decoded(line);
        assertThat(m.first()).isEqualTo(new SlotAssignment(224251000, 200, 0));
        assertThat(m.second()).contains(new SlotAssignment(224251001, 100, 7));
    }

    @Test
    void dgnss_referencePositionInTenthsOfAMinute_andCorrectionsAsBits() {
        String line = header(17, 2734450).put(0, 2).put(17478, 18).put(35992, 17).put(0, 5).put(0x7c05, 16).sentence();
        DgnssBroadcast m = (DgnssBroadcast) decoded(line);
        assertThat(m.referencePosition()).contains(new GeoPoint(35992 / 600.0, 17478 / 600.0));
        assertThat(m.data().unsigned(0, 16)).isEqualTo(0x7c05);
    }

    @Test
    void dataLinkManagement_oneReservationPer30Bits() {
        String line = header(20, 3669705).put(0, 2).put(2182, 12).put(5, 4).put(7, 3).put(225, 11)
                .put(100, 12).put(1, 4).put(3, 3).put(0, 11).sentence();
        DataLinkManagement m = (DataLinkManagement) decoded(line);
        assertThat(m.reservations())
                .containsExactly(new SlotReservation(2182, 5, 7, 225), new SlotReservation(100, 1, 3, 0));
    }

    @Test
    void channelManagement_broadcastGivesARegion_addressedGivesStations() {
        Nmea common = header(22, 3160048).put(0, 2).put(2087, 12).put(2088, 12).put(0, 4).put(1, 1);
        String broadcast = common.put(-44100, 18).put(27330, 17).put(-48100, 18).put(25400, 17)
                .put(0, 1).put(0, 1).put(1, 1).put(4, 3).put(0, 23).sentence();
        ChannelManagement b = (ChannelManagement) decoded(broadcast);
        assertThat(b.lowPower()).isTrue();
        assertThat(b.addressed()).isFalse();
        assertThat(b.region()).contains(new Region(new GeoPoint(45.55, -73.5), new GeoPoint(25400 / 600.0, -48100 / 600.0)));
        assertThat(b.firstMmsi()).isEmpty();
        assertThat(b.channelBNarrow()).isTrue();
        assertThat(b.zoneSize()).isEqualTo(4);

        String addressed = header(22, 17419965).put(0, 2).put(3584, 12).put(8, 12).put(1, 4).put(0, 1)
                .put(28144881, 30).put(0, 5).put(268435519, 30).put(0, 5).put(1, 1).put(0, 2).put(4, 3).put(0, 23).sentence();
        ChannelManagement a = (ChannelManagement) decoded(addressed);
        assertThat(a.region()).isEmpty();
        assertThat(a.firstMmsi()).hasValue(28144881);
        assertThat(a.secondMmsi()).hasValue(268435519);
    }

    @Test
    void groupAssignment_regionOutsideTheGlobe_isAbsentAndCounted() {
        // north-east latitude 100 degrees: no sender can mean it
        String line = header(23, 2268120).put(0, 2).put(1578, 18).put(60000, 17).put(1096, 18).put(30408, 17)
                .put(6, 4).put(0, 8).put(0, 22).put(1, 2).put(9, 4).put(2, 4).put(0, 6).sentence();
        GroupAssignment m = (GroupAssignment) decoded(line);
        assertThat(m.region()).isEmpty();
        assertThat(decoder.stats().snapshot().outOfRange()).isEqualTo(1);
        assertThat(m.stationType()).isEqualTo(6);
        assertThat(m.txRxMode()).isEqualTo(1);
        assertThat(m.reportInterval()).isEqualTo(9);
        assertThat(m.quietMinutes()).isEqualTo(2);
    }

    @Test
    void singleSlotBinary_addressedAndStructured_headerFlagsPlaceTheFields() {
        String line = header(25, 440006460).put(1, 1).put(1, 1).put(134218384, 30).put(1, 10).put(31, 6)
                .put(0xF0F0, 16).sentence();
        SingleSlotBinary m = (SingleSlotBinary) decoded(line);
        assertThat(m.destinationMmsi()).hasValue(134218384);
        assertThat(m.dac()).hasValue(1);
        assertThat(m.fi()).hasValue(31);
        assertThat(m.data().unsigned(0, 16)).isEqualTo(0xF0F0);

        SingleSlotBinary plain = (SingleSlotBinary) decoded(header(25, 1).put(0, 1).put(0, 1).put(0xAB, 8).sentence());
        assertThat(plain.destinationMmsi()).isEmpty();
        assertThat(plain.dac()).isEmpty();
        assertThat(plain.application()).isEmpty();
        assertThat(plain.data().hex()).startsWith("ab");
    }

    @Test
    void multiSlotBinary_radioStatusIsTheLast20Bits() {
        String line = header(26, 137920605).put(0, 1).put(1, 1).put(200, 10).put(1, 6).put(0x3C, 8)
                .put(0x80001, 20).sentence();
        MultiSlotBinary m = (MultiSlotBinary) decoded(line);
        // 84 bits: no padding, so the data is exactly the 8 bits sent
        assertThat(m.data().bitLength()).isEqualTo(8);
        assertThat(m.data().hex()).isEqualTo("3c");
        assertThat(m.radio()).isEqualTo(0x80001);
        assertThat(m.dac()).hasValue(200);
    }

    @Test
    void binaryHeaderLongerThanTheMessage_isRejectedAsShort() {
        String addressedStructured26 = header(26, 1).put(1, 1).put(1, 1).put(0, 30).put(0, 10).sentence();
        DecodeResult<AisReport> r = decoder.accept(addressedStructured26);
        assertThat(r).isEqualTo(new DecodeResult.Rejected<>(RejectReason.SHORT_MESSAGE, "AIS type 26 needs 106 bits, got 80"));
        assertThat(decoder.accept(header(6, 1).put(0, 40).sentence())).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(decoder.stats().rejections(RejectReason.SHORT_MESSAGE)).isEqualTo(2);
    }

    @Test
    void commentLine_isCountedAsACommentNotARejection() {
        assertThat(decoder.accept("# Type 7: from Kurt Schwehr")).isEqualTo(new DecodeResult.Skipped<>("comment"));
        assertThat(decoder.accept("   #indented")).isInstanceOf(DecodeResult.Skipped.class);
        var s = decoder.stats().snapshot();
        assertThat(s.comments()).isEqualTo(2);
        assertThat(s.rejectedTotal()).isZero();
        assertThat(s.lines()).isEqualTo(2);
        assertThat(Optional.of(s.decoded())).contains(0L);
    }
}
