package org.macm.core.log;

import java.util.Objects;
import org.macm.core.MacmException;

/**
 * Names the link between two stations. Both sides derive the same name without agreeing on
 * it first: the two station names in ascending order joined by {@code ~}, e.g.
 * {@code cn-mnd~jp-mod}.
 */
public record LinkId(StationId first, StationId second) {
    public LinkId {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.compareTo(second) >= 0) {
            throw new MacmException("a link joins two different stations in ascending order, got "
                    + first + " and " + second);
        }
    }

    public static LinkId between(StationId a, StationId b) {
        if (a.equals(b)) {
            throw new MacmException("a station cannot have a link to itself (" + a + ")");
        }
        return a.compareTo(b) < 0 ? new LinkId(a, b) : new LinkId(b, a);
    }

    public static LinkId parse(String text) {
        int tilde = text.indexOf('~');
        if (tilde < 0 || text.indexOf('~', tilde + 1) >= 0) {
            throw new MacmException("'" + text + "' is not a link name: expected two station names joined by ~, "
                    + "e.g. cn-mnd~jp-mod");
        }
        LinkId parsed = between(StationId.of(text.substring(0, tilde)), StationId.of(text.substring(tilde + 1)));
        if (!parsed.toString().equals(text)) {
            throw new MacmException("link name '" + text + "' must list its stations in ascending order: " + parsed);
        }
        return parsed;
    }

    public boolean includes(StationId station) {
        return first.equals(station) || second.equals(station);
    }

    public StationId peerOf(StationId station) {
        if (first.equals(station)) {
            return second;
        }
        if (second.equals(station)) {
            return first;
        }
        throw new MacmException("station " + station + " is not a party to link " + this);
    }

    @Override
    public String toString() {
        return first + "~" + second;
    }
}
