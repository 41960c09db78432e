package org.macm.station.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.macm.link.LinkStatus;
import org.macm.link.PathStatus;

/**
 * One link as a person is shown it, by {@code macm status} (through the API) and by the
 * console's Link page alike: the link module's state with each path marked inbound or dialled,
 * the link tests this station sent, and the deadlines and clock check of the two logs
 * ({@link LinkTerms}). One place reads the link module's naming of paths.
 */
public record LinkReport(LinkStatus status, List<PathReport> paths, LinkTestStats tests, LinkTerms terms) {
    /** How the link module names a path the peer dialled (see {@code Links}). */
    private static final String INBOUND = "inbound from ";

    public LinkReport {
        paths = List.copyOf(paths);
    }

    /**
     * One path: its name (the endpoint dialled, or "inbound from ADDRESS"), whether the peer
     * dialled it, whether a session runs on it, the last frame heard (heartbeats included) and
     * why it last closed.
     */
    public record PathReport(String name, boolean inbound, boolean connected, Optional<Instant> lastHeard,
            Optional<String> lastError) {
        /** Why it last closed, only while it is down: an earlier error beside "connected" would read as a fault now. */
        public Optional<String> errorWhileDown() {
            return connected ? Optional.empty() : lastError;
        }
    }

    public static LinkReport of(LinkStatus status, LinkTestStats tests, LinkTerms terms) {
        List<PathReport> paths = status.paths().stream().map(LinkReport::path).toList();
        return new LinkReport(status, paths, tests, terms);
    }

    private static PathReport path(PathStatus p) {
        return new PathReport(p.name(), p.name().startsWith(INBOUND), p.connected(), p.lastHeard(), p.lastError());
    }
}
