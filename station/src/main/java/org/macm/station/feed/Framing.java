package org.macm.station.feed;

import java.io.InputStream;
import org.macm.encounter.feed.FeedFormat;

/**
 * How a feed's bytes become lines: text formats are split at line ends; every source (file
 * replay, TCP client, TCP server) asks its feed's framing for a {@link LineStream} on each
 * file or connection it opens, so that reconnecting, pacing and counting are written once
 * for text and binary feeds alike.
 */
public enum Framing {
    /** Text lines ended by LF (AIS NMEA, SBS-1, JSON tracks). */
    TEXT;

    /** A fresh stream over {@code in}: no state is carried from a previous connection. */
    public LineStream open(InputStream in) {
        return switch (this) {
            case TEXT -> new LineReader(in);
        };
    }

    /** The framing of a feed format. */
    public static Framing of(FeedFormat format) {
        return switch (format) {
            case AIS, SBS, JSON -> TEXT;
        };
    }
}
