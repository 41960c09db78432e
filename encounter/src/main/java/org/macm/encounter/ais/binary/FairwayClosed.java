package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

/**
 * IMO SN.1/Circ.236 fairway closed (DAC 1, FI 13, broadcast): why, from where to where, and
 * the time it is closed. Values as transmitted.
 *
 * @param radius extent of the closure in {@code extunit} (10001 = not available)
 * @param extunit unit of the radius (0 n/a, 1 km, 2 NM, 3 reserved)
 */
public record FairwayClosed(
        String reason, String closefrom, String closeto, int radius, int extunit,
        int fday, int fmonth, int fhour, int fminute, int tday, int tmonth, int thour, int tminute)
        implements ApplicationMessage {

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 13;
    }

    static FairwayClosed read(BinaryData d) {
        return new FairwayClosed(d.text(0, 20), d.text(120, 20), d.text(240, 20), u(d, 360, 10), u(d, 370, 2),
                u(d, 372, 5), u(d, 377, 4), u(d, 381, 5), u(d, 386, 6),
                u(d, 392, 5), u(d, 397, 4), u(d, 401, 5), u(d, 406, 6));
    }
}
