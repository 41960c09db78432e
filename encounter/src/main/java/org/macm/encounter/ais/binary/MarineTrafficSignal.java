package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

/**
 * IMO SN.1/Circ.289 marine traffic signal (DAC 1, FI 19, broadcast): the signal a traffic
 * light at a lock, bridge or port entrance shows now and next. Position in 1/1000 minute.
 *
 * @param status 0 n/a, 1 in regular service, 2 irregular, 3 reserved
 * @param signal signal in service code (IMO 289 table)
 * @param hour UTC hour of the next signal shift, 24 = not available
 * @param minute UTC minute of the next signal shift, 60 = not available
 */
public record MarineTrafficSignal(
        int linkage, String station, int lon, int lat, int status, int signal, int hour, int minute,
        int nextsignal) implements ApplicationMessage {

    /** Bits the layout needs. */
    static final int BITS = 202;

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 19;
    }

    static MarineTrafficSignal read(BinaryData d) {
        return new MarineTrafficSignal(u(d, 0, 10), d.text(10, 20), s(d, 130, 25), s(d, 155, 24),
                u(d, 179, 2), u(d, 181, 5), u(d, 186, 5), u(d, 191, 6), u(d, 197, 5));
    }
}
