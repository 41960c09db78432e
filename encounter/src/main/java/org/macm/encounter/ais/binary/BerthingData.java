package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

import java.util.ArrayList;
import java.util.List;

/**
 * IMO SN.1/Circ.289 berthing data (DAC 1, FI 20, addressed): the berth a ship is given, when,
 * and which services it offers. Values as transmitted: berth length in metres, depth in 0.1 m,
 * the berth position in 1/1000 minute.
 *
 * @param position mooring position code (1 port side, 2 starboard, ...)
 * @param services the 26 two-bit service codes in IMO 289 order (agent, fuel, chandler,
 *     stevedore, electrical, water, customs, cartage, crane, lift, medical, navrepair,
 *     provisions, shiprepair, surveyor, steam, tugs, solidwaste, liquidwaste, hazardouswaste,
 *     ballast, additional, regional1, regional2, future1, future2): 0 not available, 1 yes,
 *     2 no, 3 unknown
 */
public record BerthingData(
        int linkage, int berthLength, int berthDepth, int position, int month, int day, int hour,
        int minute, boolean availability, List<Integer> services, String berthName, int berthLon,
        int berthLat) implements ApplicationMessage {

    /** Bits the layout needs. */
    static final int BITS = 272;

    private static final int SERVICES = 26;

    public BerthingData {
        services = List.copyOf(services);
    }

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 20;
    }

    static BerthingData read(BinaryData d) {
        List<Integer> services = new ArrayList<>(SERVICES);
        for (int i = 0; i < SERVICES; i++) {
            services.add(u(d, 51 + 2 * i, 2));
        }
        return new BerthingData(u(d, 0, 10), u(d, 10, 9), u(d, 19, 8), u(d, 27, 3), u(d, 30, 4),
                u(d, 34, 5), u(d, 39, 5), u(d, 44, 6), d.flag(50), services, d.text(103, 20),
                s(d, 223, 25), s(d, 248, 24));
    }
}
