package org.macm.core.log;

import java.util.Objects;
import org.macm.core.MacmException;

/**
 * Names one log: the link it belongs to and the station that writes it. Each link has two
 * logs, one per author; both stations keep both.
 */
public record LogId(LinkId link, StationId author) {
    public LogId {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(author, "author");
        if (!link.includes(author)) {
            throw new MacmException("station " + author + " is not a party to link " + link);
        }
    }

    /** The log the other party of the link writes. */
    public LogId opposite() {
        return new LogId(link, link.peerOf(author));
    }

    @Override
    public String toString() {
        return link + "/" + author;
    }
}
