package org.macm.encounter.track;

import java.time.Instant;
import org.macm.encounter.unit.Identifier;

/**
 * What a feed adapter makes of a decoded report for the {@link TrackStore}: a kinematic
 * {@link TrackUpdate} (a position fix) or an {@link IdentityUpdate} (a name or call sign
 * without a position, e.g. AIS type 5 or 24, SBS MSG 1), or a {@link SafetyText} a unit sent
 * (AIS type 12 or 14), which the store passes by and the watch shows as an alert.
 */
public sealed interface TrackEvent permits TrackUpdate, IdentityUpdate, SafetyText {

    /** The identifier the feed used. */
    Identifier id();

    /** When the report was made (the feed's time stamp, else the time it arrived). */
    Instant time();
}
