package org.macm.station.feed;

/**
 * Where a source delivers the lines it reads, one text line at a time without its line end.
 * Called from the source's own thread; a sink that is slow slows its source, never another.
 */
@FunctionalInterface
public interface LineSink {
    void line(String line);
}
