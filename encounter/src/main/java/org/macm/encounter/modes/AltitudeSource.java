package org.macm.encounter.modes;

/** Where an altitude comes from: the barometric (pressure) altimeter, or GNSS height above the ellipsoid. */
public enum AltitudeSource {
    /** Pressure altitude referenced to 1013.25 hPa: what air traffic control and TCAS use. */
    BAROMETRIC,
    /** GNSS height above the WGS 84 ellipsoid (extended squitter type codes 20..22). */
    GNSS
}
