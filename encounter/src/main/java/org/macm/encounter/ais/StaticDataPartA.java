package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Class B static data report, part A (type 24, part number 0): the name. 160 bits (168
 * accepted):
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..39 part (0)   40..159 name (20 chars)
 * </pre>
 *
 * Part A and part B arrive as separate messages; joining them per MMSI is the track
 * store's job, not the decoder's.
 */
public record StaticDataPartA(int repeat, int mmsi, Optional<String> shipName) implements AisMessage {

    @Override
    public int messageType() {
        return 24;
    }
}
