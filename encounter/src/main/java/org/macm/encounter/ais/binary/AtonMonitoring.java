package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

/**
 * GLA aid-to-navigation monitoring data (DAC 235 UK or 250 Ireland, FI 10, addressed): the
 * health of a lighthouse or buoy. Voltages in 0.05 V as transmitted.
 *
 * @param racon 0 no RACON, 1 not monitored, 2 operational, 3 error
 * @param light 0 no light, 1 on, 2 off, 3 error
 * @param alarm whether the station reports an alarm
 * @param statExt external status bits
 * @param offPos whether the aid is off its position
 */
public record AtonMonitoring(
        int dac, int anaInt, int anaExt1, int anaExt2, int racon, int light, boolean alarm, int statExt,
        boolean offPos) implements ApplicationMessage {

    /** Data bits of the layout (136-bit message); gpsd and this decoder accept no other length. */
    static final int BITS = 48;

    @Override
    public int fi() {
        return 10;
    }

    static AtonMonitoring read(int dac, BinaryData d) {
        return new AtonMonitoring(dac, u(d, 0, 10), u(d, 10, 10), u(d, 20, 10), u(d, 30, 2), u(d, 32, 2),
                d.flag(34), u(d, 35, 8), d.flag(43));
    }
}
