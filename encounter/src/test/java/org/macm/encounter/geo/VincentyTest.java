package org.macm.encounter.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;

class VincentyTest {
    private static double dms(int d, int m, double s) {
        double v = Math.abs(d) + m / 60.0 + s / 3600.0;
        return d < 0 ? -v : v;
    }

    /** Vincenty (1975) / Geoscience Australia's worked example: Flinders Peak to Buninyong. */
    private static final GeoPoint FLINDERS = new GeoPoint(dms(-37, 57, 3.72030), dms(144, 25, 29.52440));
    private static final GeoPoint BUNINYONG = new GeoPoint(dms(-37, 39, 10.15610), dms(143, 55, 35.38390));

    @Test
    void inverse_flindersPeakToBuninyong_matchesPublishedDistanceAndAzimuth() {
        double[] r = Vincenty.inverse(FLINDERS, BUNINYONG);
        assertThat(r[0]).isCloseTo(54_972.271, within(0.001));
        assertThat(r[1]).isCloseTo(dms(306, 52, 5.37), within(0.5 / 3600));
    }

    @Test
    void direct_thenInverse_roundTripsToTheMillimetre() {
        GeoPoint p = Vincenty.direct(FLINDERS, dms(306, 52, 5.37), 54_972.271);
        assertThat(p.latitude()).isCloseTo(BUNINYONG.latitude(), within(1e-7));
        assertThat(p.longitude()).isCloseTo(BUNINYONG.longitude(), within(1e-7));
        GeoPoint q = Vincenty.direct(new GeoPoint(75, 179.9), 80, 20_000);
        assertThat(Vincenty.distance(new GeoPoint(75, 179.9), q)).isCloseTo(20_000, within(0.001));
    }

    @Test
    void deadReckon_staysWithinTwoMetresOfTheRhumbLineDistance_over20nm() {
        for (double lat : new double[] {0, 30, 60, 75, -45}) {
            for (double course : new double[] {0, 45, 90, 135, 200, 300}) {
                GeoPoint from = new GeoPoint(lat, 179.8);
                GeoPoint to = Earth.deadReckon(from, course, 20, 3600);
                // a rhumb line of 20 nm is 20 nm along; its chord (the geodesic) is at most a few metres shorter
                double d = Vincenty.distance(from, to);
                assertThat(d).as("lat %s course %s", lat, course).isCloseTo(20 * Earth.NM, within(20.0));
            }
        }
    }
}
