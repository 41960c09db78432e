package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.u;

import java.util.ArrayList;
import java.util.List;

/**
 * An IMO SN.1/Circ.289 area notice: a hazard, restriction or instruction that holds for an
 * area and a time, broadcast (DAC 1, FI 22, type 8) or addressed (DAC 1, FI 23, type 6). The
 * area is the union of up to ten {@link SubArea}s; a polyline or polygon continues from the
 * circle or polyline before it, so their order matters.
 *
 * @param linkage message linkage ID, shared with a text description (FI 29/30) that explains it
 * @param notice notice description code 0-127 (IMO 289 table; 126 cancels, 127 undefined)
 * @param month start month 1-12, 0 = not available
 * @param day start day 1-31, 0 = not available
 * @param hour start hour 0-23, 24 = not available
 * @param minute start minute 0-59, 60 = not available
 * @param duration minutes the notice lasts from its start; 262143 = not available, 0 = cancel
 */
public record AreaNotice(
        int fi, int linkage, int notice, int month, int day, int hour, int minute, int duration,
        List<SubArea> subAreas) implements ApplicationMessage {

    /** Bits of the header before the first sub-area. */
    static final int HEADER_BITS = 55;

    private static final int MAX_SUB_AREAS = 10;

    public AreaNotice {
        subAreas = List.copyOf(subAreas);
    }

    @Override
    public int dac() {
        return 1;
    }

    /** Reads the header and every whole sub-area; a partial last sub-area is padding and dropped. */
    static AreaNotice read(int fi, BinaryData d) {
        int count = Math.min(MAX_SUB_AREAS, (d.bitLength() - HEADER_BITS) / SubArea.BITS);
        List<SubArea> areas = new ArrayList<>(Math.max(0, count));
        for (int i = 0; i < count; i++) {
            areas.add(SubArea.read(d, HEADER_BITS + i * SubArea.BITS));
        }
        return new AreaNotice(
                fi, u(d, 0, 10), u(d, 10, 7), u(d, 17, 4), u(d, 21, 5), u(d, 26, 5), u(d, 31, 6),
                u(d, 37, 18), areas);
    }
}
