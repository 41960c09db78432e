package org.macm.encounter.ais;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Data link management (type 20): a base station reserves slots for its own transmissions.
 * 72 to 160 bits, 30 bits per reservation (1 to 4):
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare
 * 40..51 offset 1   52..55 slots 1   56..58 timeout 1   59..69 increment 1
 * 70..99 reservation 2   100..129 reservation 3   130..159 reservation 4  (same layout)
 * </pre>
 *
 * Only the reservations the message is long enough to hold are present.
 */
public record DataLinkManagement(int repeat, int mmsi, SlotReservation first, Optional<SlotReservation> second,
        Optional<SlotReservation> third, Optional<SlotReservation> fourth) implements AisMessage {

    @Override
    public int messageType() {
        return 20;
    }

    /** Every reservation, in the order sent. */
    public List<SlotReservation> reservations() {
        return Stream.of(Optional.of(first), second, third, fourth).flatMap(Optional::stream).toList();
    }
}
