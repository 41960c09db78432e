package org.macm.station.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.link.LinkState;
import org.macm.link.LinkStatus;
import org.macm.link.Links;
import org.macm.link.PathStatus;
import org.macm.station.Station;
import org.macm.station.traffic.MessageBoard;

/**
 * The gauges read from the links and the message board at each scrape: state of each link and
 * path, heartbeat age, log heads, and what awaits a receipt or a human acknowledgement. Rows
 * whose labels are gone (a path that closed) are dropped at the next scrape.
 *
 * <p>A dialled path is labelled with the endpoint as configured; an inbound one with
 * {@code inbound from HOST}, without the peer's ephemeral port, so that reconnections do not
 * make a new series each time. Two inbound paths from one host are one row (up when either
 * is); the dialling side, which names each path by its endpoint, shows them apart. The link as
 * a whole is the row with {@code path="all"}.
 */
final class LinkGauges {
    /** The {@code path} label of the row that stands for the whole link. */
    static final String ALL_PATHS = "all";
    private static final Pattern EPHEMERAL_PORT = Pattern.compile("^inbound from /?(.*):\\d+$");

    private final Station station;
    private final Links links;
    private final MessageBoard board;
    private final MultiGauge up;
    private final MultiGauge state;
    private final MultiGauge heartbeatAge;
    private final MultiGauge heads;
    private final MultiGauge receiptsPending;
    private final MultiGauge acksPending;
    private final MultiGauge acksOverdue;

    LinkGauges(MeterRegistry registry, Station station, Links links, MessageBoard board) {
        this.station = station;
        this.links = links;
        this.board = board;
        up = MultiGauge.builder("macm.link.up")
                .description("1 when the path (or, for path=\"all\", at least one path of the link) is connected, else 0")
                .register(registry);
        state = MultiGauge.builder("macm.link.state")
                .description("1 for the state the link (path=\"all\": up, degraded, down) or path (up, down) is in, else 0")
                .register(registry);
        heartbeatAge = MultiGauge.builder("macm.heartbeat.age").baseUnit("seconds")
                .description("Time since a frame last arrived on the path").register(registry);
        heads = MultiGauge.builder("macm.log.head").description("The seq of the log's last durable entry")
                .register(registry);
        receiptsPending = MultiGauge.builder("macm.receipts.pending")
                .description("Messages and link tests sent to the peer that it has not receipted yet").register(registry);
        acksPending = MultiGauge.builder("macm.acks.pending")
                .description("Messages and link tests either way awaiting a human acknowledgement, overdue ones included")
                .register(registry);
        acksOverdue = MultiGauge.builder("macm.acks.overdue")
                .description("Messages and link tests either way past their acknowledgement deadline and not acknowledged")
                .register(registry);
    }

    /** Reads everything again; called before each scrape, under the scrape's lock. */
    void refresh() {
        Instant now = station.clock().instant();
        Map<Tags, Double> upRows = new LinkedHashMap<>();
        Map<Tags, Double> stateRows = new LinkedHashMap<>();
        Map<Tags, Double> ageRows = new LinkedHashMap<>();
        Map<Tags, Double> headRows = new LinkedHashMap<>();
        Map<Tags, Double> receiptRows = new LinkedHashMap<>();
        Map<Precedence, Double> pending = zeros();
        Map<Precedence, Double> overdue = zeros();
        for (LinkStatus link : links.status()) {
            StationId peer = link.peer();
            Map<Tags, Double> paths = new LinkedHashMap<>();
            for (PathStatus path : link.paths()) {
                Tags tags = Tags.of("peer", peer.value(), "path", pathLabel(path.name()));
                paths.merge(tags, path.connected() ? 1.0 : 0.0, Math::max);
                path.lastHeard().ifPresent(heard -> ageRows.merge(tags,
                        Math.max(0, Duration.between(heard, now).toMillis() / 1000.0), Math::min));
            }
            paths.forEach((tags, connected) -> {
                upRows.put(tags, connected);
                stateRows.put(tags.and("state", "up"), connected);
                stateRows.put(tags.and("state", "down"), 1 - connected);
            });
            boolean anyUp = paths.containsValue(1.0);
            Tags all = Tags.of("peer", peer.value(), "path", ALL_PATHS);
            upRows.put(all, anyUp ? 1.0 : 0.0);
            for (LinkState s : LinkState.values()) {
                stateRows.put(all.and("state", StationMetrics.label(s)), link.state() == s ? 1.0 : 0.0);
            }
            headRows.put(Tags.of("log", station.ownLog(peer).toString()), (double) link.ownHead().seq());
            headRows.put(Tags.of("log", station.peerLog(peer).toString()), (double) link.heldPeerHead().seq());
            MessageBoard.Unanswered unanswered = board.unanswered(peer, now);
            receiptRows.put(Tags.of("peer", peer.value()), (double) unanswered.unreceipted());
            unanswered.acksPending().forEach((p, n) -> pending.merge(p, (double) n, Double::sum));
            unanswered.acksOverdue().forEach((p, n) -> overdue.merge(p, (double) n, Double::sum));
        }
        up.register(rows(upRows), true);
        state.register(rows(stateRows), true);
        heartbeatAge.register(rows(ageRows), true);
        heads.register(rows(headRows), true);
        receiptsPending.register(rows(receiptRows), true);
        acksPending.register(byPrecedence(pending), true);
        acksOverdue.register(byPrecedence(overdue), true);
    }

    private static Map<Precedence, Double> zeros() {
        Map<Precedence, Double> m = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            m.put(p, 0.0);
        }
        return m;
    }

    private static List<MultiGauge.Row<?>> byPrecedence(Map<Precedence, Double> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((p, n) -> rows.add(MultiGauge.Row.of(Tags.of("precedence", StationMetrics.label(p)), n)));
        return rows;
    }

    private static List<MultiGauge.Row<?>> rows(Map<Tags, Double> values) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        values.forEach((tags, n) -> rows.add(MultiGauge.Row.of(tags, n)));
        return rows;
    }

    /** A path's label: its configured endpoint, or {@code inbound from HOST} without the peer's ephemeral port. */
    static String pathLabel(String name) {
        return EPHEMERAL_PORT.matcher(name).replaceFirst("inbound from $1");
    }
}
