package org.macm.encounter.ais;

/**
 * UTC and date inquiry (type 10): a station asks another (usually a base station) for the
 * time, which it answers with a type 11. 72 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare   40..69 destination mmsi   70..71 spare
 * </pre>
 *
 * @param destinationMmsi the station asked
 */
public record UtcInquiry(int repeat, int mmsi, int destinationMmsi) implements AisMessage {

    @Override
    public int messageType() {
        return 10;
    }
}
