package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

/**
 * IMO SN.1/Circ.236 meteorological and hydrological data (DAC 1, FI 11, broadcast), the older
 * form of {@link MetHydroReport} still sent by many stations. Values are as transmitted, in
 * gpsd's unscaled field names: positions in 1/1000 minute, air temperature (°C + 60) × 10,
 * dew point (°C + 20) × 10, pressure hPa − 800, water level (m + 10) × 10, water temperature
 * (°C + 10) × 10; "not available" codes are passed through (e.g. air temperature 2047).
 */
public record MetHydroReportImo236(
        int lat, int lon, int day, int hour, int minute,
        int wspeed, int wgust, int wdir, int wgustdir, int airtemp, int humidity, int dewpoint,
        int pressure, int pressuretend, int visibility, int waterlevel, int leveltrend,
        int cspeed, int cdir, int cspeed2, int cdir2, int cdepth2, int cspeed3, int cdir3,
        int cdepth3, int waveheight, int waveperiod, int wavedir, int swellheight, int swellperiod,
        int swelldir, int seastate, int watertemp, int preciptype, int salinity, int ice)
        implements ApplicationMessage {

    /** Bits the layout needs (IMO 236 sends 296; the last 6 are spare). */
    static final int BITS = 290;

    @Override
    public int dac() {
        return 1;
    }

    @Override
    public int fi() {
        return 11;
    }

    static MetHydroReportImo236 read(BinaryData d) {
        return new MetHydroReportImo236(
                s(d, 0, 24), s(d, 24, 25),
                u(d, 49, 5), u(d, 54, 5), u(d, 59, 6),
                u(d, 65, 7), u(d, 72, 7), u(d, 79, 9), u(d, 88, 9),
                u(d, 97, 11), u(d, 108, 7), u(d, 115, 10), u(d, 125, 9), u(d, 134, 2),
                u(d, 136, 8), u(d, 144, 9), u(d, 153, 2),
                u(d, 155, 8), u(d, 163, 9), u(d, 172, 8), u(d, 180, 9), u(d, 189, 5),
                u(d, 194, 8), u(d, 202, 9), u(d, 211, 5),
                u(d, 216, 8), u(d, 224, 6), u(d, 230, 9), u(d, 239, 8), u(d, 247, 6), u(d, 253, 9),
                u(d, 262, 4), u(d, 266, 10), u(d, 276, 3), u(d, 279, 9), u(d, 288, 2));
    }
}
