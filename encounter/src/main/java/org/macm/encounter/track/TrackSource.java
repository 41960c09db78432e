package org.macm.encounter.track;

/** Which kind of feed a report came from, shown with a track so an officer can weigh it. */
public enum TrackSource {
    /** AIS, NMEA 0183 {@code !AIVDM}/{@code !AIVDO}. */
    AIS,
    /** ADS-B / Mode S, SBS-1 BaseStation. */
    ADSB,
    /** A party's own sensors, JSON track lines. */
    JSON
}
