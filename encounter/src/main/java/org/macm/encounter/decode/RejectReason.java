package org.macm.encounter.decode;

/**
 * Why a decoder refused a line. Every rejection is counted per reason in the decoder's
 * {@link DecodeStats}, so an operator can tell a noisy radio (bad checksums, lost fragments)
 * from a misconfigured feed (not NMEA at all, wrong format) at a glance.
 */
public enum RejectReason {
    /** The line was empty or only white space. */
    EMPTY,
    /** The line exceeds the decoder's length limit; it was not parsed. */
    TOO_LONG,
    /** The line is not in the decoder's format at all (no sentence start, not JSON, not SBS). */
    NOT_NMEA,
    /** A well-formed NMEA sentence that carries no AIS (e.g. {@code $GPRMC}). */
    NOT_AIS,
    /** The line ends before the format's mandatory parts (fields, checksum) are complete. */
    TRUNCATED,
    /** The NMEA checksum is missing, malformed or does not match the sentence. */
    BAD_CHECKSUM,
    /** The NMEA 4.0 tag block is malformed or its checksum does not match. */
    BAD_TAG_BLOCK,
    /** The payload holds characters outside the six-bit armour or an impossible fill count. */
    BAD_PAYLOAD,
    /** A fragment arrived whose group can no longer complete, or a group never completed. */
    FRAGMENT_LOST,
    /** A well-formed message of a type this decoder does not decode. */
    UNSUPPORTED_TYPE,
    /** The decoded message is shorter than its type requires. */
    SHORT_MESSAGE,
    /** A field could not be read (wrong syntax or a value no sender can produce). */
    BAD_FIELD,
    /** A field the format requires is missing. */
    MISSING_FIELD,
    /** A field the format does not define is present (strict formats only). */
    UNKNOWN_FIELD,
    /** The line is not syntactically valid JSON, or not a single object. */
    NOT_JSON,
    /** A Mode S frame whose CRC-24 parity does not check (or names no aircraft heard): damaged, never decoded. */
    BAD_CRC
}
