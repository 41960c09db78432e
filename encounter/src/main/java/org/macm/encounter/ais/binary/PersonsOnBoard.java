package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

/**
 * Number of persons on board (DAC 1, FI 16; IMO 236 sends 16 data bits, IMO 289 48): 0 = not
 * available, 8191 = 8191 or more.
 */
public record PersonsOnBoard(int persons) implements ApplicationMessage {

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 16;
    }

    static PersonsOnBoard read(BinaryData d) {
        return new PersonsOnBoard(u(d, 0, 13));
    }
}
