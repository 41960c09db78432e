package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

import java.util.ArrayList;
import java.util.List;

/**
 * IMO SN.1/Circ.289 route information (DAC 1, FI 27 broadcast / FI 28 addressed): a
 * recommended or mandatory route as up to 16 waypoints, from a start time for {@code duration}
 * minutes. Waypoints in 1/10000 minute, as transmitted.
 *
 * @param sender 0 ship, 1 authority
 * @param rtype route type code (IMO 289 table)
 */
public record RouteInformation(
        int fi, int linkage, int sender, int rtype, int month, int day, int hour, int minute,
        int duration, List<Waypoint> waypoints) implements ApplicationMessage {
    private static final int FIRST = 61;
    private static final int SIZE = 55;
    private static final int MAX = 16;

    public RouteInformation {
        waypoints = List.copyOf(waypoints);
    }

    /** One waypoint in 1/10000 minute. */
    public record Waypoint(int lon, int lat) {}

    @Override
    public int dac() {
        return 1;
    }

    /** Reads as many waypoints as the count field says (at most 16); missing bits read as zero. */
    static RouteInformation read(int fi, BinaryData d) {
        int count = Math.min(MAX, u(d, 56, 5));
        List<Waypoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int a = FIRST + SIZE * i;
            points.add(new Waypoint(s(d, a, 28), s(d, a + 28, 27)));
        }
        return new RouteInformation(fi, u(d, 0, 10), u(d, 10, 3), u(d, 13, 5), u(d, 18, 4), u(d, 22, 5),
                u(d, 27, 5), u(d, 32, 6), u(d, 38, 18), points);
    }
}
