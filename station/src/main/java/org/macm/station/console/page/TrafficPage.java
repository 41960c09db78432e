package org.macm.station.console.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.macm.core.log.EntryKind;
import org.macm.core.log.StationId;
import org.macm.link.LinkStatus;
import org.macm.station.Station;
import org.macm.station.console.ConsoleRequest;
import org.macm.station.console.ConsoleRoute;
import org.macm.station.officer.Role;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.traffic.MessageState;
import org.macm.station.traffic.MessageView;

/**
 * The Traffic page at {@code /}: every message in both directions with every peer, overdue
 * first, then what still waits for an officer's acknowledgement, then the rest newest first;
 * link tests in a table of their own so that they do not bury messages; each link's state on
 * top. The page's HTML already holds all of it; the part below the title ({@code
 * /traffic/rows}) is fetched again on every live event and every 15 s, which keeps the
 * deadline countdowns fresh.
 */
public final class TrafficPage {
    /** Settled messages (acknowledged, or expecting no answer) shown at most; waiting ones are always shown. */
    static final int SETTLED_SHOWN = 200;
    /** Link tests shown, newest first: they come every few minutes and say little one by one. */
    static final int TESTS_SHOWN = 20;

    private final Station station;
    private final MessageBoard board;
    private final Supplier<List<LinkStatus>> links;

    public TrafficPage(Station station, MessageBoard board, Supplier<List<LinkStatus>> links) {
        this.station = station;
        this.board = board;
        this.links = links;
    }

    public List<ConsoleRoute> routes() {
        return List.of(
                ConsoleRoute.get("/", Role.DUTY, this::page),
                ConsoleRoute.get("/traffic/rows", Role.DUTY, this::fragment));
    }

    private void page(ConsoleRequest r) {
        r.page("traffic.jte", r.chrome("traffic", "common.nav.traffic"), Map.of("view", view(r)));
    }

    private void fragment(ConsoleRequest r) {
        r.html("traffic-rows.jte", Map.of("t", r.text(), "view", view(r)));
    }

    private TrafficView view(ConsoleRequest r) {
        Instant now = station.clock().instant();
        List<TrafficRow> messages = new ArrayList<>();
        List<TrafficRow> tests = new ArrayList<>();
        for (StationId peer : station.peers().all().stream().map(p -> p.station()).toList()) {
            for (MessageView v : board.inbox(peer, now, r.text().language())) {
                (v.kind() == EntryKind.TEST ? tests : messages).add(new TrafficRow(v, true));
            }
            for (MessageView v : board.sent(peer, now, r.text().language())) {
                (v.kind() == EntryKind.TEST ? tests : messages).add(new TrafficRow(v, false));
            }
        }
        messages.sort(Comparator.comparingInt(TrafficRow::urgency)
                .thenComparing(row -> row.view().precedence())
                .thenComparing(row -> row.view().time(), Comparator.reverseOrder()));
        int total = messages.size();
        List<TrafficRow> shown = new ArrayList<>();
        int settled = 0;
        for (TrafficRow row : messages) {
            if (row.urgency() < 2 || settled++ < SETTLED_SHOWN) {
                shown.add(row);
            }
        }
        tests.sort(Comparator.comparing((TrafficRow row) -> row.view().time()).reversed());
        return new TrafficView(links.get(), shown, total, tests.subList(0, Math.min(TESTS_SHOWN, tests.size())),
                tests.size(), now);
    }

    /**
     * What the page shows: each link's state, the messages (waiting ones all, settled ones the
     * newest {@link #SETTLED_SHOWN}) out of {@code messageCount}, the newest link tests out of
     * {@code testCount}, and the time the countdowns count from.
     */
    public record TrafficView(List<LinkStatus> links, List<TrafficRow> messages, int messageCount,
            List<TrafficRow> tests, int testCount, Instant now) {
        public TrafficView {
            links = List.copyOf(links);
            messages = List.copyOf(messages);
            tests = List.copyOf(tests);
        }
    }

    /** One line of a table: a message or link test and whether it came in. */
    public record TrafficRow(MessageView view, boolean incoming) {
        /** Still waiting for an answer from a human (expected and not given yet). */
        public boolean waiting() {
            return view.deadline().isPresent() && view.acknowledgements().isEmpty();
        }

        /** 0 overdue, 1 waiting for an acknowledgement, 2 settled: the order the table lists them in. */
        int urgency() {
            if (view.state() == MessageState.OVERDUE) {
                return 0;
            }
            return waiting() ? 1 : 2;
        }

        /** The state's CSS and text key suffix: {@code received}, {@code overdue}… */
        public String state() {
            return view.state().name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The precedence's CSS suffix: {@code flash}, {@code immediate}… */
        public String precedence() {
            return view.precedence().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
