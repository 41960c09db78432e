package org.macm.station.traffic;

import java.util.Optional;

/**
 * The clock check of one direction of a link: how many entries of one author had their time
 * compared with their time of receipt, how many were flagged (written more than
 * {@link ClockReading#TOLERANCE} after they were received), the latest comparison and the latest flagged one.
 * Status and the console's Link page show it; the scheduler logs a WARN from it.
 */
public record ClockCheck(long checked, long flagged, Optional<ClockReading> last, Optional<ClockReading> lastFlagged) {
    public static final ClockCheck NONE = new ClockCheck(0, 0, Optional.empty(), Optional.empty());

    /** True while the latest entry compared is flagged: the clocks are apart now. */
    public boolean apartNow() {
        return last.map(ClockReading::far).orElse(false);
    }

    /** This check with one more entry compared. */
    ClockCheck with(ClockReading r) {
        boolean far = r.far();
        return new ClockCheck(checked + 1, flagged + (far ? 1 : 0), Optional.of(r), far ? Optional.of(r) : lastFlagged);
    }
}
