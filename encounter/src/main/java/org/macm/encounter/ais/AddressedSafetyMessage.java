package org.macm.encounter.ais;

/**
 * Addressed safety-related message (type 12): free text from one station to another, e.g. a
 * warning to a ship on a collision course. The text is what the sender typed, six-bit ASCII,
 * untrusted like every radio input. 72 to 1008 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 sequence   40..69 destination mmsi
 * 70 retransmitted   71 spare   72.. text (six-bit, up to 156 characters)
 * </pre>
 *
 * @param sequence the sender's sequence number for addressed messages (0..3)
 * @param destinationMmsi the station the text is for
 * @param retransmitted whether a station retransmitted it
 */
public record AddressedSafetyMessage(int repeat, int mmsi, int sequence, int destinationMmsi, boolean retransmitted,
        String text) implements AisMessage {

    @Override
    public int messageType() {
        return 12;
    }
}
