package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Type of electronic position-fixing device (EPFD) a station reports (ITU-R M.1371-5,
 * table 50). Code 0 ("undefined") and the reserved codes 9..14 are decoded as absent.
 */
public enum FixType {
    GPS(1),
    GLONASS(2),
    COMBINED_GPS_GLONASS(3),
    LORAN_C(4),
    CHAYKA(5),
    INTEGRATED_NAVIGATION_SYSTEM(6),
    SURVEYED(7),
    GALILEO(8),
    INTERNAL_GNSS(15);

    /** Cached once: {@code values()} copies the array on every call. */
    private static final FixType[] ALL = values();

    private final int code;

    FixType(int code) {
        this.code = code;
    }

    /** The ITU code. */
    public int code() {
        return code;
    }

    /** The fix type for an ITU code; empty for undefined (0) or reserved codes. */
    public static Optional<FixType> fromCode(int code) {
        for (FixType type : ALL) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
