package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Class B static data report, part B (type 24, part number 1): type, vendor, call sign and
 * dimensions (or, for an auxiliary craft whose MMSI is 98xxxxxxx, its mother ship). 168 bits:
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..39 part (1)   40..47 ship type
 *  48..65 vendor id (3 chars)   66..69 unit model   70..89 serial number
 *  90..131 call sign (7 chars)
 * 132..161 to bow (9) | to stern (9) | to port (6) | to starboard (6)
 *          or, for an auxiliary craft, mother ship mmsi (30)
 * 162..167 spare
 * </pre>
 */
public record StaticDataPartB(
        int repeat,
        int mmsi,
        OptionalInt shipType,
        Optional<String> vendorId,
        int unitModel,
        int serialNumber,
        Optional<String> callsign,
        Optional<Dimensions> dimensions,
        OptionalInt mothershipMmsi)
        implements AisMessage {

    @Override
    public int messageType() {
        return 24;
    }
}
