package org.macm.encounter.unit;

import org.macm.encounter.EncounterException;

/**
 * The party a unit belongs to, by a short upper-case code such as {@code JP} or {@code CN}.
 * {@link #THIRD} stands for every unit that is neither party's (merchant ships, airliners,
 * anything the registry does not list); the two parties of a link are configured in
 * {@link Parties}, so nothing here hard-codes which sides exist.
 *
 * @param code 1..16 of {@code A-Z 0-9 _ -}
 */
public record Side(String code) implements Comparable<Side> {
    /** Units that belong to neither party of the link. */
    public static final Side THIRD = new Side("THIRD");

    public Side {
        if (code == null || code.isEmpty() || code.length() > 16 || !isCode(code)) {
            throw new EncounterException("a side is 1..16 of A-Z, 0-9, '_' and '-' (e.g. JP, CN), got '" + code + "'");
        }
    }

    /** The side for {@code code}; the same instance as {@link #THIRD} for {@code THIRD}. */
    public static Side of(String code) {
        return THIRD.code.equals(code) ? THIRD : new Side(code);
    }

    /** Whether this is {@link #THIRD}. */
    public boolean isThird() {
        return THIRD.code.equals(code);
    }

    @Override
    public int compareTo(Side other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }

    private static boolean isCode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
