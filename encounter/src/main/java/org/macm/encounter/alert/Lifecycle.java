package org.macm.encounter.alert;

/** The stage of an alert an {@link AlertEvent} reports. */
public enum Lifecycle {
    /** The alert is raised; it carries a draft notice. */
    NEW,
    /** A raised alert's figures changed enough to show again. */
    UPDATED,
    /** The situation is over (with hysteresis) or a unit was lost. */
    CLEARED
}
