package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

import java.util.ArrayList;
import java.util.List;

/**
 * IMO SN.1/Circ.289 VTS-generated or synthetic targets (DAC 1, FI 17, broadcast): up to four
 * targets a VTS centre tracks by radar, each identified by MMSI, IMO number, call sign or
 * other text. Positions in 1/1000 minute, course in degrees, speed in knots, as transmitted.
 */
public record VtsTargets(List<Target> targets) implements ApplicationMessage {
    private static final int SIZE = 122;
    private static final int MAX = 4;

    public VtsTargets {
        targets = List.copyOf(targets);
    }

    /**
     * One target.
     *
     * @param idtype 0 MMSI, 1 IMO number, 2 call sign, 3 other
     * @param id the MMSI or IMO number in decimal, or the call sign or other identifier text
     */
    public record Target(int idtype, String id, int lat, int lon, int course, int second, int speed) {}

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 17;
    }

    static VtsTargets read(BinaryData d) {
        List<Target> targets = new ArrayList<>(MAX);
        for (int i = 0; i < MAX && SIZE * i < d.bitLength(); i++) {
            int a = SIZE * i;
            int idtype = u(d, a, 2);
            // 42 bits hold either a number or seven six-bit characters
            String id = idtype < 2 ? Long.toString(d.unsigned(a + 2, 42)) : d.text(a + 2, 7);
            targets.add(new Target(idtype, id, s(d, a + 48, 24), s(d, a + 72, 25), u(d, a + 97, 9),
                    u(d, a + 106, 6), u(d, a + 112, 10)));
        }
        return new VtsTargets(targets);
    }
}
