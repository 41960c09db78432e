package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

/** IMO SN.1/Circ.236 extended ship static data (DAC 1, FI 15): the air draught in 0.1 m, 0 = not available. */
public record ExtendedShipStatic(int airdraught) implements ApplicationMessage {

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 15;
    }

    static ExtendedShipStatic read(BinaryData d) {
        return new ExtendedShipStatic(u(d, 0, 11));
    }
}
