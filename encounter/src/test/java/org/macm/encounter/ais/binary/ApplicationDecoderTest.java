package org.macm.encounter.ais.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The application layouts gpsd's corpora do not exercise (the gpsd comparison is
 * ApplicationConformanceTest), built field by field from the IMO 236/289 tables, and the rules
 * on which envelope and length an application needs.
 */
class ApplicationDecoderTest {
    private final ApplicationDecoder decoder = new ApplicationDecoder();

    private static Bits areaNoticeHeader() {
        // linkage 7, notice 35 (entry prohibited), 3 March 12:30 UTC for 90 minutes
        return new Bits().put(7, 10).put(35, 7).put(3, 4).put(3, 5).put(12, 5).put(30, 6).put(90, 18);
    }

    @Test
    void areaNotice_readsEveryShapeInOrder() {
        Bits b = areaNoticeHeader();
        b.put(0, 3).put(1, 2).put(-4_000_000, 25).put(2_500_000, 24).put(4, 3).put(100, 12).put(0, 18);
        b.put(1, 3).put(0, 2).put(600_000, 25).put(-600_000, 24).put(2, 3).put(20, 8).put(30, 8).put(45, 9).put(0, 5);
        b.put(2, 3).put(2, 2).put(1, 25).put(2, 24).put(1, 3).put(5, 12).put(10, 9).put(350, 9);
        b.put(3, 3).put(1, 2).put(90, 10).put(12, 10).put(180, 10).put(7, 10).put(0, 10).put(0, 10).put(0, 10).put(0, 10).put(0, 2);
        b.put(4, 3).put(0, 2).put(1, 10).put(2, 10).put(3, 10).put(4, 10).put(5, 10).put(6, 10).put(7, 10).put(8, 10).put(0, 2);
        b.put(5, 3).text("NO ENTRY", 14);
        b.put(6, 3).put(0, 84);

        AreaNotice n = (AreaNotice) decoder.decode(1, 22, false, b.data()).orElseThrow();

        assertThat(n).isEqualTo(new AreaNotice(22, 7, 35, 3, 3, 12, 30, 90, List.of(
                new SubArea.Circle(1, -4_000_000, 2_500_000, 4, 100),
                new SubArea.Rectangle(0, 600_000, -600_000, 2, 20, 30, 45),
                new SubArea.Sector(2, 1, 2, 1, 5, 10, 350),
                new SubArea.Polyline(1, List.of(new SubArea.Leg(90, 12), new SubArea.Leg(180, 7))),
                new SubArea.Polygon(0, List.of(new SubArea.Leg(1, 2), new SubArea.Leg(3, 4), new SubArea.Leg(5, 6),
                        new SubArea.Leg(7, 8))),
                new SubArea.AssociatedText("NO ENTRY"),
                new SubArea.Reserved(6))));
    }

    @Test
    void areaNotice_addressedIsFi23_andAPartialSubAreaIsPadding() {
        Bits b = areaNoticeHeader().put(0, 3).put(0, 2).put(1, 25).put(1, 24).put(4, 3).put(0, 12).put(0, 18);
        b.put(0, 40); // not a whole sub-area

        AreaNotice n = (AreaNotice) decoder.decode(1, 23, true, b.data()).orElseThrow();

        assertThat(n.fi()).isEqualTo(23);
        assertThat(n.subAreas()).containsExactly(new SubArea.Circle(0, 1, 1, 4, 0));
    }

    @Test
    void areaNotice_shorterThanItsHeader_isNotDecoded() {
        assertThat(decoder.decode(1, 22, false, new Bits().put(0, 54).data())).isEmpty();
    }

    @Test
    void areaNotice_keepsAtMostTenSubAreas() {
        Bits b = areaNoticeHeader();
        for (int i = 0; i < 11; i++) {
            b.put(5, 3).text("AREA " + i, 14);
        }
        AreaNotice n = (AreaNotice) decoder.decode(1, 22, false, b.data()).orElseThrow();
        assertThat(n.subAreas()).hasSize(10).last().isEqualTo(new SubArea.AssociatedText("AREA 9"));
    }

    @Test
    void applications_belongToTheirEnvelope() {
        BinaryData met = new Bits().put(0, 304).data();
        assertThat(decoder.decode(1, 31, false, met)).containsInstanceOf(MetHydroReport.class);
        // IMO numbers addressed and broadcast FIs apart: FI 31 addressed is not met/hydro data
        assertThat(decoder.decode(1, 31, true, met)).isEmpty();
        assertThat(decoder.decode(1, 22, true, met)).isEmpty();
        assertThat(decoder.decode(1, 23, false, met)).isEmpty();
    }

    @Test
    void unknownApplications_stayHex() {
        BinaryData d = new Bits().put(0xABCDEF, 24).data();
        assertThat(decoder.decode(366, 56, false, d)).isEmpty();
        assertThat(decoder.decode(1, 40, true, d)).isEmpty();
        assertThat(decoder.decode(1023, 63, false, d)).isEmpty();
    }

    @Test
    void metHydro_shorterThanItsLayout_isNotDecoded() {
        assertThat(decoder.decode(1, 31, false, new Bits().put(0, 293).data())).isEmpty();
        assertThat(decoder.decode(1, 11, false, new Bits().put(0, 289).data())).isEmpty();
    }

    @Test
    void routeInformation_readsTheCountedWaypoints() {
        Bits b = new Bits().put(3, 10).put(1, 3).put(2, 5).put(6, 4).put(15, 5).put(8, 5).put(0, 6).put(120, 18).put(2, 5);
        b.put(-12_345_678, 28).put(23_456_789, 27).put(1, 28).put(-1, 27);

        RouteInformation r = (RouteInformation) decoder.decode(1, 27, false, b.data()).orElseThrow();

        assertThat(r).isEqualTo(new RouteInformation(27, 3, 1, 2, 6, 15, 8, 0, 120, List.of(
                new RouteInformation.Waypoint(-12_345_678, 23_456_789), new RouteInformation.Waypoint(1, -1))));
    }

    @Test
    void vtsTargets_identifyByNumberOrText() {
        Bits b = new Bits();
        b.put(0, 2).put(244_123_456L, 42).put(0, 4).put(3_000_000, 24).put(-250_000, 25).put(270, 9).put(12, 6).put(105, 10);
        b.put(2, 2).text("PDAB", 7).put(0, 4).put(1, 24).put(2, 25).put(3, 9).put(4, 6).put(5, 10);

        VtsTargets t = (VtsTargets) decoder.decode(1, 17, false, b.data()).orElseThrow();

        assertThat(t.targets()).containsExactly(
                new VtsTargets.Target(0, "244123456", 3_000_000, -250_000, 270, 12, 105),
                new VtsTargets.Target(2, "PDAB", 1, 2, 3, 4, 5));
    }

    @Test
    void textDescription_takesTheWholeCharactersAfterTheLinkage() {
        Bits b = new Bits().put(42, 10).text("BUOY ADRIFT", 11).put(0, 4);
        assertThat(decoder.decode(1, 29, false, b.data())).contains(new TextDescription(29, 42, "BUOY ADRIFT"));
        assertThat(decoder.decode(1, 30, true, b.data())).contains(new TextDescription(30, 42, "BUOY ADRIFT"));
    }

    @Test
    void dangerousCargo289_listsTheCargosThatFit() {
        Bits b = new Bits().put(2, 2).put(500, 10).put(1, 4).put(1203, 13).put(2, 4).put(33, 13);
        assertThat(decoder.decode(1, 25, true, b.data())).contains(new DangerousCargo(2, 500, List.of(
                new DangerousCargo.Cargo(1, 1203), new DangerousCargo.Cargo(2, 33))));
    }

    @Test
    void personsOnBoard_onlyInTheTwoLengthsImoDefines() {
        assertThat(decoder.decode(1, 16, true, new Bits().put(1234, 13).put(0, 35).data()))
                .contains(new PersonsOnBoard(1234));
        assertThat(decoder.decode(1, 16, false, new Bits().put(17, 13).put(0, 3).data()))
                .contains(new PersonsOnBoard(17));
        assertThat(decoder.decode(1, 16, false, new Bits().put(0, 240).data())).isEmpty();
    }

    @Test
    void berthing_namesItsServicesInImoOrder() {
        Bits b = new Bits().put(5, 10).put(250, 9).put(123, 8).put(2, 3).put(7, 4).put(4, 5).put(6, 5).put(15, 6).flag(true);
        for (int i = 0; i < 26; i++) {
            b.put(i % 4, 2);
        }
        b.text("PIER 7", 20).put(-60_000, 25).put(60_000, 24);

        BerthingData m = (BerthingData) decoder.decode(1, 20, true, b.data()).orElseThrow();

        assertThat(m.berthName()).isEqualTo("PIER 7");
        assertThat(m.services()).hasSize(26).startsWith(0, 1, 2, 3, 0);
        assertThat(List.of(m.berthLength(), m.berthDepth(), m.position(), m.berthLon(), m.berthLat()))
                .containsExactly(250, 123, 2, -60_000, 60_000);
        assertThat(m.availability()).isTrue();
    }

    @Test
    void inlandStatic_refusesOtherLengthsAndHazardCodes() {
        Bits ok = new Bits().text("02103547", 8).put(390, 13).put(50, 10).put(8010, 14).put(5, 3).put(204, 11).put(1, 2)
                .put(0, 3).put(0, 8);
        assertThat(decoder.decode(200, 10, false, ok.data())).containsInstanceOf(InlandStaticVoyage.class);
        Bits badHazard = new Bits().text("02103547", 8).put(390, 13).put(50, 10).put(8010, 14).put(6, 3).put(0, 32);
        assertThat(decoder.decode(200, 10, false, badHazard.data())).isEmpty();
        assertThat(decoder.decode(200, 10, false, ok.put(0, 6).data())).isEmpty();
    }

    @Test
    void atonMonitoring_ukAndIreland_exactLength() {
        Bits b = new Bits().put(274, 10).put(1, 10).put(1, 10).put(2, 2).put(2, 2).flag(false).put(0, 8).flag(true).put(0, 4);
        Optional<ApplicationMessage> ie = decoder.decode(250, 10, true, b.data());
        assertThat(ie).contains(new AtonMonitoring(250, 274, 1, 1, 2, 2, false, 0, true));
        assertThat(decoder.decode(235, 10, true, b.put(0, 1).data())).isEmpty();
    }
}
