package org.macm.encounter.ais;

/**
 * Safety-related broadcast message (type 14): free text to all stations, e.g. a navigational
 * warning or an AIS-SART's "SART ACTIVE". The text is untrusted like every radio input. 40 to
 * 1008 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare   40.. text (six-bit, up to 161 characters)
 * </pre>
 */
public record SafetyBroadcast(int repeat, int mmsi, String text) implements AisMessage {

    @Override
    public int messageType() {
        return 14;
    }
}
