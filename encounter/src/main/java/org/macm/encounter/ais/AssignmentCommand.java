package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Assignment mode command (type 16): a base station with authority sets the reporting rate or
 * the slots of one or two stations. 96 bits (one station, 4 spare bits) or 144 bits (two):
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare
 * 40..69 mmsi A   70..81 offset A   82..91 increment A
 * 92..121 mmsi B   122..133 offset B   134..143 increment B   (144 bits)
 * </pre>
 *
 * @param first the assignment of station A
 * @param second the assignment of station B, in the 144-bit form
 */
public record AssignmentCommand(int repeat, int mmsi, SlotAssignment first, Optional<SlotAssignment> second)
        implements AisMessage {

    @Override
    public int messageType() {
        return 16;
    }
}
