package org.macm.station.traffic;

import java.time.Duration;
import java.time.Instant;

/**
 * One entry's own time beside its time of receipt (docs/PROTOCOL.md §14): the receiving
 * station's clock against the author's. An entry written more than {@link #TOLERANCE} after it
 * was received is flagged, since one of the two clocks is wrong; the difference changes no
 * deadline. An entry written long before it was received is not: it may have waited for the
 * link. A clock that is behind shows as the other station's entries being ahead.
 *
 * @param id       {@code AUTHOR/SEQ} of the entry
 * @param written  the entry's own {@code time} (the author's clock)
 * @param received its time of receipt (the receiving station's clock)
 */
public record ClockReading(String id, Instant written, Instant received) {
    /** How far an entry's time may be from its time of receipt before it is flagged. */
    public static final Duration TOLERANCE = Duration.ofMinutes(2);

    /** The author's clock minus the receiver's: positive when the entry claims a later time. */
    public Duration offset() {
        return Duration.between(received, written);
    }

    /** True when the entry claims a time more than {@link #TOLERANCE} after its time of receipt. */
    public boolean far() {
        return offset().compareTo(TOLERANCE) > 0;
    }

    /** The difference as a person reads it: "+73 d 4 h", "-3 min 20 s", "+0 s". */
    public String offsetText() {
        Duration d = offset();
        return (d.isNegative() ? "-" : "+") + DeadlineText.of(d.abs());
    }
}
