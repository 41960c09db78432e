package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

/**
 * IMO SN.1/Circ.289 text description (DAC 1, FI 29 broadcast / FI 30 addressed): free text
 * that explains another message with the same linkage ID, e.g. an {@link AreaNotice}.
 */
public record TextDescription(int fi, int linkage, String text) implements ApplicationMessage {

    @Override
    public int dac() {
        return 1;
    }

    static TextDescription read(int fi, BinaryData d) {
        return new TextDescription(fi, u(d, 0, 10), d.text(10, Math.max(0, (d.bitLength() - 10) / 6)));
    }
}
