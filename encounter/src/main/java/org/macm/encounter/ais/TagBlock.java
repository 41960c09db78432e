package org.macm.encounter.ais;

import java.time.Instant;
import java.util.Optional;
import org.macm.encounter.decode.Ascii;

/**
 * The NMEA 4.0 tag block that may precede a sentence, with the two parameters the watch
 * uses: the source ({@code s:}) and the receive time ({@code c:}, UNIX seconds, or
 * milliseconds when the value is too large to be seconds, as some satellite feeds send).
 * Other parameters ({@code g:} group, {@code t:} text, {@code n:} line count...) are
 * checked for shape only.
 *
 * <pre>
 *  \s:rORBCOMM008,c:1418169601,g:1-2-1604*37\!AIVDM,...
 *   |&lt;-------- XOR of these characters --------&gt;| hh = two hex digits
 * </pre>
 */
record TagBlock(Optional<String> source, Optional<Instant> time) {
    static final TagBlock NONE = new TagBlock(Optional.empty(), Optional.empty());

    /** Seconds values above this are taken to be milliseconds (year 2286 in seconds). */
    private static final long MAX_SECONDS = 9_999_999_999L;

    /**
     * Parses the characters between the two backslashes; empty when they are not a
     * well-formed tag block with a matching checksum.
     */
    static Optional<TagBlock> parse(CharSequence line, int from, int to) {
        int star = to - 3;
        if (star < from || line.charAt(star) != '*') {
            return Optional.empty();
        }
        int high = Ascii.hexDigit(line.charAt(star + 1));
        int low = Ascii.hexDigit(line.charAt(star + 2));
        if (high < 0 || low < 0) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = from; i < star; i++) {
            sum ^= line.charAt(i);
        }
        if (sum != ((high << 4) | low)) {
            return Optional.empty();
        }
        Optional<String> source = Optional.empty();
        Optional<Instant> time = Optional.empty();
        int field = from;
        while (field < star) {
            int end = Ascii.indexOf(line, ',', field, star);
            if (end - field < 2 || line.charAt(field + 1) != ':') {
                return Optional.empty();
            }
            char key = line.charAt(field);
            if (key == 's') {
                if (end - field == 2) {
                    return Optional.empty();
                }
                source = Optional.of(line.subSequence(field + 2, end).toString());
            } else if (key == 'c') {
                long value = Ascii.parseInt(line, field + 2, end);
                if (value == Ascii.NOT_A_NUMBER || value < 0) {
                    return Optional.empty();
                }
                time = Optional.of(value > MAX_SECONDS ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
            }
            field = end + 1;
        }
        return Optional.of(source.isEmpty() && time.isEmpty() ? NONE : new TagBlock(source, time));
    }
}
