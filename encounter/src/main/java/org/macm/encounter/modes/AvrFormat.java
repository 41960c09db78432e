package org.macm.encounter.modes;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.macm.encounter.decode.Ascii;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.RejectReason;

/**
 * The AVR text format dump1090 and readsb serve on TCP port 30002: one frame per line as
 * hex between {@code *} and {@code ;} ({@code *8D4840D6202CC371C32CE0576098;}), or with the
 * receiver's 48-bit 12 MHz timestamp first, {@code @} and 12 hex digits
 * ({@code @0001A2B3C4D58D4840D6202CC371C32CE0576098;}, the MLAT form). Frames are 4 (Mode
 * A/C), 14 or 28 hex digits. Leading and trailing white space is ignored. Pure and stateless.
 */
public final class AvrFormat {
    /** The longest line worth reading: {@code @}, 12 + 28 hex digits, {@code ;}, with slack for blanks. */
    public static final int MAX_LINE = 64;
    private static final int TIMESTAMP_DIGITS = 12;

    private AvrFormat() {}

    /** The frame {@code line} carries, or why it carries none (EMPTY, TOO_LONG, NOT_NMEA for not AVR, TRUNCATED, BAD_PAYLOAD). */
    public static DecodeResult<ModeSFrame> parse(CharSequence line) {
        if (line.length() > MAX_LINE) {
            return rejected(RejectReason.TOO_LONG, "an AVR line has at most " + MAX_LINE + " characters, this one " + line.length());
        }
        int from = Ascii.trimStart(line, 0, line.length());
        int to = Ascii.trimEnd(line, from, line.length());
        if (from == to) {
            return rejected(RejectReason.EMPTY, "empty line");
        }
        char start = line.charAt(from);
        if (start != '*' && start != '@') {
            return rejected(RejectReason.NOT_NMEA, "not an AVR line: it starts with neither '*' nor '@'");
        }
        if (line.charAt(to - 1) != ';') {
            return rejected(RejectReason.TRUNCATED, "an AVR line ends with ';', this one does not");
        }
        int hexFrom = from + 1;
        int hexTo = to - 1;
        OptionalLong timestamp = OptionalLong.empty();
        if (start == '@') {
            if (hexTo - hexFrom < TIMESTAMP_DIGITS) {
                return rejected(RejectReason.TRUNCATED, "an '@' line starts with a 12-digit timestamp, this one is shorter");
            }
            long t = Ascii.parseHex(line, hexFrom, hexFrom + TIMESTAMP_DIGITS);
            if (t == Ascii.NOT_A_NUMBER) {
                return rejected(RejectReason.BAD_PAYLOAD, "the timestamp after '@' is not 12 hex digits");
            }
            timestamp = OptionalLong.of(t);
            hexFrom += TIMESTAMP_DIGITS;
        }
        int digits = hexTo - hexFrom;
        if (digits != 4 && digits != 14 && digits != 28) {
            return rejected(RejectReason.BAD_PAYLOAD, "a frame has 4, 14 or 28 hex digits, this one " + digits);
        }
        byte[] bytes = new byte[digits / 2];
        for (int i = 0; i < bytes.length; i++) {
            int hi = Ascii.hexDigit(line.charAt(hexFrom + 2 * i));
            int lo = Ascii.hexDigit(line.charAt(hexFrom + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                return rejected(RejectReason.BAD_PAYLOAD, "the frame holds a character that is not a hex digit");
            }
            bytes[i] = (byte) (hi << 4 | lo);
        }
        return ModeSFrame.of(bytes, 0, bytes.length, timestamp, OptionalInt.empty())
                .<DecodeResult<ModeSFrame>>map(DecodeResult.Decoded::new)
                .orElseGet(() -> rejected(RejectReason.BAD_PAYLOAD, "not a frame"));
    }

    private static DecodeResult<ModeSFrame> rejected(RejectReason reason, String detail) {
        return new DecodeResult.Rejected<>(reason, detail);
    }
}
