package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

/**
 * IMO SN.1/Circ.289 meteorological and hydrographic data (DAC 1, FI 31, broadcast): what a
 * weather station or buoy reports. Values are as transmitted, in the field names and units of
 * gpsd's unscaled output, so that a reader can look each one up in IMO 289 or gpsd's
 * AIVDM.adoc: positions in 1/1000 minute, temperatures and dew point in 0.1 °C, pressure as
 * hPa − 799, visibility 0.1 NM, water level (m + 10) × 100, current and wave speeds and heights
 * in 0.1 kn / 0.1 m; each field's "not available" code is passed through (e.g. wind 127).
 */
public record MetHydroReport(
        int lon, int lat, boolean accuracy, int day, int hour, int minute,
        int wspeed, int wgust, int wdir, int wgustdir, int airtemp, int humidity, int dewpoint,
        int pressure, int pressuretend, boolean visgreater, int visibility, int waterlevel,
        int leveltrend, int cspeed, int cdir, int cspeed2, int cdir2, int cdepth2, int cspeed3,
        int cdir3, int cdepth3, int waveheight, int waveperiod, int wavedir, int swellheight,
        int swellperiod, int swelldir, int seastate, int watertemp, int preciptype, int salinity,
        int ice) implements ApplicationMessage {

    /** Bits the layout needs (IMO 289 sends 304; the last 10 are spare). */
    static final int BITS = 294;

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 31;
    }

    static MetHydroReport read(BinaryData d) {
        return new MetHydroReport(
                s(d, 0, 25), s(d, 25, 24), d.flag(49),
                u(d, 50, 5), u(d, 55, 5), u(d, 60, 6),
                u(d, 66, 7), u(d, 73, 7), u(d, 80, 9), u(d, 89, 9),
                s(d, 98, 11), u(d, 109, 7), s(d, 116, 10),
                u(d, 126, 9), u(d, 135, 2), d.flag(137), u(d, 138, 7), u(d, 145, 12),
                u(d, 157, 2), u(d, 159, 8), u(d, 167, 9), u(d, 176, 8), u(d, 184, 9), u(d, 193, 5),
                u(d, 198, 8), u(d, 206, 9), u(d, 215, 5), u(d, 220, 8), u(d, 228, 6), u(d, 234, 9),
                u(d, 243, 8), u(d, 251, 6), u(d, 257, 9), u(d, 266, 4),
                s(d, 270, 10), u(d, 280, 3), u(d, 283, 9), u(d, 292, 2));
    }
}
