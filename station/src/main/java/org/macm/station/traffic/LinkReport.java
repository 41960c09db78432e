package org.macm.station.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.macm.link.LinkStatus;
import org.macm.link.PathStatus;
import org.macm.station.Station;
import org.macm.station.intake.IntakeFindings;

/**
 * One link as a person is shown it, by {@code macm status} (through the API) and by the
 * console's Link page alike: the link module's state with each path marked inbound or dialled,
 * the link tests this station sent, what intake found wrong with the peer's entries (void
 * statements, a log held behind an unreadable entry, equivocation), and the deadlines and clock
 * check of the two logs ({@link LinkTerms}). One place reads the link module's naming of paths.
 */
public record LinkReport(LinkStatus status, List<PathReport> paths, LinkTestStats tests, IntakeFindings.Report intake,
        LinkTerms terms) {
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

    public static LinkReport of(LinkStatus status, LinkTestStats tests, IntakeFindings.Report intake, LinkTerms terms) {
        List<PathReport> paths = status.paths().stream().map(LinkReport::path).toList();
        return new LinkReport(status, paths, tests, intake, terms);
    }

    /** The report of {@code station}'s link {@code status}: the intake findings are read from the station. */
    public static LinkReport of(Station station, LinkStatus status, LinkTestStats tests, LinkTerms terms) {
        return of(status, tests, station.intake().report(station.peerLog(status.peer()), status.heldPeerHead().seq()), terms);
    }

    private static PathReport path(PathStatus p) {
        return new PathReport(p.name(), p.name().startsWith(INBOUND), p.connected(), p.lastHeard(), p.lastError());
    }
}
