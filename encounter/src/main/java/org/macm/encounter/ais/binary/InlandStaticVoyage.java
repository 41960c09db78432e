package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

/**
 * Inland AIS ship static and voyage data (DAC 200, FI 10, broadcast), sent on European inland
 * waterways: the European vessel number and what the convoy is and carries. Values as
 * transmitted: length and beam in 0.1 m, draught in 0.01 m.
 *
 * @param vin European vessel identification number (ENI)
 * @param shiptype ERI ship or convoy type (e.g. 8010 motor freighter)
 * @param hazard blue cones or lights 0-3, 4 B-flag, 5 unknown
 * @param loaded 0 n/a, 1 unloaded, 2 loaded
 */
public record InlandStaticVoyage(
        String vin, int length, int beam, int shiptype, int hazard, int draught, int loaded,
        boolean speedQ, boolean courseQ, boolean headingQ) implements ApplicationMessage {

    /** Data bits of the layout (168-bit message); gpsd and this decoder accept no other length. */
    static final int BITS = 112;

    /** The highest hazard code; a higher one means the data is not this layout. */
    static final int HAZARD_MAX = 5;

    @Override
    public int dac() {
        return 200;
    }

    @Override
    public int fi() {
        return 10;
    }

    static InlandStaticVoyage read(BinaryData d) {
        return new InlandStaticVoyage(d.text(0, 8), u(d, 48, 13), u(d, 61, 10), u(d, 71, 14), u(d, 85, 3),
                u(d, 88, 11), u(d, 99, 2), d.flag(101), d.flag(102), d.flag(103));
    }
}
