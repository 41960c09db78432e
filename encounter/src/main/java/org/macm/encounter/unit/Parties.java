package org.macm.encounter.unit;

import java.util.Objects;
import org.macm.encounter.EncounterException;

/**
 * The two parties of the hotline link whose units the watch compares, e.g. {@code JP} and
 * {@code CN}. A pair of units is an encounter only when one is {@link #first()}'s and the
 * other {@link #second()}'s; with {@code includeThirdParties}, a party's unit meeting a third
 * party's is one too (off by default: the hotline is between the two parties).
 *
 * @param includeThirdParties also judge a party's unit against a {@link Side#THIRD} unit
 */
public record Parties(Side first, Side second, boolean includeThirdParties) {

    public Parties {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.equals(second) || first.isThird() || second.isThird()) {
            throw new EncounterException("the two parties must be two different sides other than THIRD, got "
                    + first + " and " + second);
        }
    }

    /** The two parties, third parties ignored. */
    public static Parties of(String first, String second) {
        return new Parties(Side.of(first), Side.of(second), false);
    }

    /** Whether {@code side} is one of the two parties. */
    public boolean isParty(Side side) {
        return side.equals(first) || side.equals(second);
    }

    /** Whether units of {@code side} take part in encounters at all. */
    public boolean isWatched(Side side) {
        return isParty(side) || (includeThirdParties && side.isThird());
    }

    /**
     * Whether a unit of side {@code a} and one of side {@code b} make a pair to judge: different
     * sides, at least one a party, and a third party only when included.
     */
    public boolean isPair(Side a, Side b) {
        if (a.equals(b)) {
            return false;
        }
        if (isParty(a) && isParty(b)) {
            return true;
        }
        return includeThirdParties && (isParty(a) || isParty(b)) && (a.isThird() || b.isThird());
    }

    /** The party that is not {@code side}; {@code side} must be a party. */
    public Side other(Side side) {
        if (side.equals(first)) {
            return second;
        }
        if (side.equals(second)) {
            return first;
        }
        throw new EncounterException(side + " is not a party of this link (" + first + ", " + second + ")");
    }
}
