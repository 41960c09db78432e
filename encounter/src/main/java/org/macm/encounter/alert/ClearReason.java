package org.macm.encounter.alert;

/** Why an alert was cleared. */
public enum ClearReason {
    /** The predicted closest approach stayed outside the clear margin for the hold time. */
    SEPARATED,
    /** The closest approach is past and the units are outside the threshold, for the hold time. */
    PASSED,
    /** The unit left the zone (beyond the margin) for the hold time. */
    LEFT_ZONE,
    /** A unit's track went stale or was removed: the situation can no longer be judged. */
    TRACK_LOST
}
