package org.macm.encounter.decode;

/**
 * A line-oriented decoder for one track format. It is pure (no I/O, no clock, no threads):
 * a source feeds it lines in arrival order and gets a {@link DecodeResult} back for each;
 * bad input is counted in {@link #stats()} and never thrown. One instance serves one feed
 * from one thread; {@link #stats()} may be read from any thread.
 *
 * @param <T> the decoded value's type
 */
public interface Decoder<T> {

    /** Decodes one line, without its line terminator (a trailing CR or LF is tolerated). */
    DecodeResult<T> accept(CharSequence line);

    /** This decoder's counters, live. */
    DecodeStats stats();
}
