package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

import java.util.ArrayList;
import java.util.List;

/**
 * A tidal window (DAC 1, addressed): when a ship may pass points, with the current there. FI 14
 * is the IMO 236 form (latitude first, 93-bit entries), FI 32 the IMO 289 form (longitude first,
 * 88-bit entries); both carry up to three {@link Tide}s. Values as transmitted, positions in
 * 1/1000 minute, current speed in 0.1 knot.
 */
public record TidalWindow(int fi, int month, int day, List<Tide> tidals) implements ApplicationMessage {
    private static final int FIRST = 9;
    private static final int MAX = 3;

    public TidalWindow {
        tidals = List.copyOf(tidals);
    }

    /** One point with the time window and the current (direction degrees, speed 0.1 kn). */
    public record Tide(int lon, int lat, int fromHour, int fromMin, int toHour, int toMin, int cdir, int cspeed) {}

    @Override
    public int dac() {
        return 1;
    }

    /** Reads every entry that starts within the data (a cut-off last entry reads as zeros). */
    static TidalWindow read(int fi, BinaryData d) {
        boolean imo236 = fi == 14;
        int size = imo236 ? 93 : 88;
        List<Tide> tides = new ArrayList<>(MAX);
        for (int i = 0; i < MAX && FIRST + size * i < d.bitLength(); i++) {
            int a = FIRST + size * i;
            int t = a + (imo236 ? 55 : 49);
            int lon = imo236 ? s(d, a + 27, 28) : s(d, a, 25);
            int lat = imo236 ? s(d, a, 27) : s(d, a + 25, 24);
            tides.add(new Tide(lon, lat, u(d, t, 5), u(d, t + 5, 6), u(d, t + 11, 5), u(d, t + 16, 6),
                    u(d, t + 22, 9), u(d, t + 31, imo236 ? 7 : 8)));
        }
        return new TidalWindow(fi, u(d, 0, 4), u(d, 4, 5), tides);
    }
}
