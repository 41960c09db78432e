package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

import java.util.ArrayList;
import java.util.List;

/**
 * IMO SN.1/Circ.289 dangerous cargo indication (DAC 1, FI 25, addressed): the total amount and
 * up to 28 cargo entries, each a code (IMDG, IBC, ... ) and its subtype.
 */
public record DangerousCargo(int unit, int amount, List<Cargo> cargos) implements ApplicationMessage {
    private static final int FIRST = 12;
    private static final int SIZE = 17;
    private static final int MAX = 28;

    public DangerousCargo {
        cargos = List.copyOf(cargos);
    }

    /** One cargo: the code of the list it is from and its class or number in that list. */
    public record Cargo(int code, int subtype) {}

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 25;
    }

    static DangerousCargo read(BinaryData d) {
        List<Cargo> cargos = new ArrayList<>();
        for (int i = 0; i < MAX && FIRST + SIZE * i < d.bitLength(); i++) {
            int a = FIRST + SIZE * i;
            cargos.add(new Cargo(u(d, a, 4), u(d, a + 4, 13)));
        }
        return new DangerousCargo(u(d, 0, 2), u(d, 2, 10), cargos);
    }
}
