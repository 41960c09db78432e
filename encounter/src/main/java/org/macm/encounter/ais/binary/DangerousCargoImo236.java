package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

/**
 * IMO SN.1/Circ.236 dangerous cargo indication (DAC 1, FI 12, addressed): last and next port
 * of call with departure and arrival times, and one dangerous good. Values as transmitted in
 * gpsd's field names; times use 0 (month, day), 24 (hour) and 60 (minute) for not available.
 *
 * @param lastport UN/LOCODE of the last port of call
 * @param nextport UN/LOCODE of the next port of call
 * @param dangerous main dangerous good (text)
 * @param imdcat IMDG class or division
 * @param unid UN number, 0 = not available
 * @param amount amount of cargo
 * @param unit unit of the amount (1 kg, 2 tonnes, 3 thousand tonnes)
 */
public record DangerousCargoImo236(
        String lastport, int lmonth, int lday, int lhour, int lminute,
        String nextport, int nmonth, int nday, int nhour, int nminute,
        String dangerous, String imdcat, int unid, int amount, int unit) implements ApplicationMessage {

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 12;
    }

    static DangerousCargoImo236 read(BinaryData d) {
        return new DangerousCargoImo236(
                d.text(0, 5), u(d, 30, 4), u(d, 34, 5), u(d, 39, 5), u(d, 44, 6),
                d.text(50, 5), u(d, 80, 4), u(d, 84, 5), u(d, 89, 5), u(d, 94, 6),
                d.text(100, 20), d.text(220, 4), u(d, 244, 13), u(d, 257, 10), u(d, 267, 2));
    }
}
