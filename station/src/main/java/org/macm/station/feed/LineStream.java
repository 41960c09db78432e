package org.macm.station.feed;

import java.io.IOException;

/**
 * One connection's or one file's bytes read as the lines its decoder takes. Text feeds are
 * split at line ends ({@link LineReader}); a binary feed (Beast) is framed and each frame
 * written as the text line of the equivalent text format, so that every source, the watch's
 * {@code FeedReader} and the line counters stay the same for text and binary feeds. A new
 * stream is opened for each connection: a frame cut by a dropped connection is never glued
 * to the next connection's bytes.
 */
public interface LineStream {
    /** The next line, or null at the end of the stream. */
    String next() throws IOException;
}
