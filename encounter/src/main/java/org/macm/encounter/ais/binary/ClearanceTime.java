package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

/**
 * IMO SN.1/Circ.289 clearance time to enter port (DAC 1, FI 18, addressed). Values as
 * transmitted: the position in 1/1000 minute, times with 0/24/60 for not available.
 */
public record ClearanceTime(
        int linkage, int month, int day, int hour, int minute, String portname, String destination,
        int lon, int lat) implements ApplicationMessage {

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 18;
    }

    static ClearanceTime read(BinaryData d) {
        return new ClearanceTime(u(d, 0, 10), u(d, 10, 4), u(d, 14, 5), u(d, 19, 5), u(d, 24, 6),
                d.text(30, 20), d.text(150, 5), s(d, 180, 25), s(d, 205, 24));
    }
}
