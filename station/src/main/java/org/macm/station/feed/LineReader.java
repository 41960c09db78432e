package org.macm.station.feed;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines at LF (dropping a CR before it), reading bytes as Latin-1
 * so that no input can fail to decode, and cutting lines at {@link LineSource#MAX_LINE}.
 */
final class LineReader implements LineStream {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int limit;
    private boolean overflow;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the stream (a last line without LF is returned first). */
    @Override
    public String next() throws IOException {
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (line.isEmpty() && !overflow) {
                        return null;
                    }
                    return take();
                }
            }
            while (pos < limit) {
                char c = (char) (buffer[pos++] & 0xFF);
                if (c == '\n') {
                    return take();
                }
                if (line.length() < LineSource.MAX_LINE) {
                    line.append(c);
                } else {
                    overflow = true;
                }
            }
        }
    }

    private String take() {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        String s = line.substring(0, end);
        line.setLength(0);
        overflow = false;
        return s;
    }
}
