package org.macm.station.officer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.macm.station.StationException;

/**
 * A password in memory: held as characters that {@link #close} overwrites, never as a
 * {@code String} (which cannot be wiped), with no {@code toString} of its own, no
 * {@code equals} and no accessor that hands the characters out. Only {@link PasswordHash}
 * reads it, as UTF-8 bytes that it wipes in turn. A new password must have at least
 * {@value #MIN_LENGTH} characters and not be blank.
 */
public final class Password implements AutoCloseable {
    public static final int MIN_LENGTH = 12;
    /** Far beyond any passphrase; stops a runaway input from being read or hashed. */
    public static final int MAX_LENGTH = 1024;

    private final char[] chars;
    private boolean wiped;

    private Password(char[] chars) {
        this.chars = chars;
    }

    /** Takes a copy of {@code chars}; the caller wipes its own array. */
    public static Password of(char[] chars) {
        if (chars.length > MAX_LENGTH) {
            throw new StationException("the password is longer than " + MAX_LENGTH + " characters");
        }
        return new Password(chars.clone());
    }

    /** Refuses a password too weak to be set: blank, or shorter than {@value #MIN_LENGTH} characters. */
    public void checkNew() {
        if (CharBuffer.wrap(chars).chars().allMatch(Character::isWhitespace)) {
            throw new StationException("the password is blank: give one of at least " + MIN_LENGTH + " characters");
        }
        if (Character.codePointCount(chars, 0, chars.length) < MIN_LENGTH) {
            throw new StationException("the password is too short: use at least " + MIN_LENGTH + " characters");
        }
    }

    /** The password as UTF-8 bytes; the caller wipes them. */
    byte[] utf8() {
        if (wiped) {
            throw new IllegalStateException("this password was wiped");
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] work = new byte[chars.length * 3];
        ByteBuffer buffer = ByteBuffer.wrap(work);
        try {
            CoderResult result = encoder.encode(CharBuffer.wrap(chars), buffer, true);
            if (result.isError()) {
                throw new StationException("the password is not valid text (a broken surrogate pair): type it again");
            }
            encoder.flush(buffer);
            return Arrays.copyOf(work, buffer.position());
        } finally {
            Arrays.fill(work, (byte) 0);
        }
    }

    /** Overwrites the characters; the password cannot be used afterwards. */
    @Override
    public void close() {
        Arrays.fill(chars, '\0');
        wiped = true;
    }
}
