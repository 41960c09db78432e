package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Navigational status of a class A vessel (ITU-R M.1371-5, message 1 field 4). Code 15,
 * "not defined", is the default and is decoded as an absent status, not as a value.
 */
public enum NavigationStatus {
    UNDER_WAY_USING_ENGINE(0),
    AT_ANCHOR(1),
    NOT_UNDER_COMMAND(2),
    RESTRICTED_MANOEUVRABILITY(3),
    CONSTRAINED_BY_DRAUGHT(4),
    MOORED(5),
    AGROUND(6),
    ENGAGED_IN_FISHING(7),
    UNDER_WAY_SAILING(8),
    /** Reserved for high-speed craft (code 9). */
    RESERVED_HSC(9),
    /** Reserved for wing-in-ground craft (code 10). */
    RESERVED_WIG(10),
    /** Power-driven vessel towing astern (regional use, code 11). */
    TOWING_ASTERN(11),
    /** Power-driven vessel pushing ahead or towing alongside (regional use, code 12). */
    PUSHING_AHEAD(12),
    /** Reserved for future use (code 13). */
    RESERVED_13(13),
    /** AIS-SART, MOB-AIS or EPIRB-AIS active (code 14). */
    SART_ACTIVE(14);

    /** Cached once: {@code values()} copies the array on every call. */
    private static final NavigationStatus[] ALL = values();

    private final int code;

    NavigationStatus(int code) {
        this.code = code;
    }

    /** The ITU code, 0..14. */
    public int code() {
        return code;
    }

    /** The status for an ITU code; empty for 15 ("not defined") or anything outside 0..15. */
    public static Optional<NavigationStatus> fromCode(int code) {
        for (NavigationStatus status : ALL) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
