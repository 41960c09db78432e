package org.macm.station.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.link.LinkState;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.config.StationConfigWriter;
import org.macm.station.run.StationRuntime;
import org.macm.testkit.Await;
import org.macm.testkit.FreePort;
import org.macm.testkit.PostgresCluster;

/**
 * Two {@code macm run} processes for cn-mnd on one PostgreSQL, with jp-mod dialling both
 * nodes' endpoints (one path each): exactly one node is active; SIGTERM on it releases the
 * lease and the other takes over at its next look; SIGKILL on it and the other takes over
 * within the limit (10 s with the default 5 s lease), printed; each time jp-mod's link
 * comes back up on the new active node's path.
 */
class NodePairProcessTest {
    /** The limit for a takeover after the active node dies. */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void exactlyOneIsActive_aStopHandsOverAtOnce_andAKilledNodeIsReplacedWithinTheLimit() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start()) {
            StationPair pair = StationPair.create(tmp.resolve("pair")).withHeartbeat(Duration.ofMillis(500), 3);
            InetSocketAddress la = loopback(FreePort.loopback());
            InetSocketAddress lb = loopback(FreePort.loopback());
            Duration lease = Duration.ofSeconds(5); // the default
            StationLayout a = NodeFolders.node(pair, tmp, "cn-a", pg.url(), pg.password(), lease, la);
            StationLayout b = NodeFolders.node(pair, tmp, "cn-b", pg.url(), pg.password(), lease, lb);
            StationConfigWriter.write(pair.dialling(StationPair.JP, List.of(la, lb)), pair.jp().config());
            try (NodeProcess pa = new NodeProcess(a).start(); NodeProcess pb = new NodeProcess(b).start();
                    StationRuntime jp = StationRuntime.start(pair.jp(), Clock.systemUTC())) {
                NodeProcess first = awaitActive(pa, pb);
                NodeProcess second = first == pa ? pb : pa;
                Await.awaitValue("the other node answers as the standby", NodeFolders.PATIENCE, second.http()::role,
                        r -> r.equals(Optional.of("standby")));
                awaitLinkTo(jp, first == pa ? la : lb);
                assertThat(first.http().role()).contains("active");

                long t0 = System.nanoTime();
                assertThat(first.stop()).as("exit code of a clean stop").isZero();
                long stopped = System.nanoTime();
                awaitRole(second, "active");
                Duration handover = Duration.ofNanos(System.nanoTime() - t0);
                System.out.println("node takeover after SIGTERM (lease released): " + handover.toMillis() + " ms (the stop "
                        + Duration.ofNanos(stopped - t0).toMillis() + " ms)");
                printEvents(first, second);
                assertThat(handover).isLessThan(LIMIT);
                assertThat(first.roleEvents()).anyMatch(l -> l.contains("lease released"));
                awaitLinkTo(jp, second == pa ? la : lb);

                first.start();
                Await.awaitValue("the restarted node stands by", NodeFolders.PATIENCE, first.http()::role,
                        r -> r.equals(Optional.of("standby")));
                long t1 = System.nanoTime();
                second.kill();
                awaitRole(first, "active");
                Duration takeover = Duration.ofNanos(System.nanoTime() - t1);
                System.out.println("node takeover after SIGKILL (default lease 5 s): " + takeover.toMillis() + " ms");
                printEvents(first, second);
                assertThat(takeover).isLessThan(LIMIT);
                assertThat(first.http().get("/api/v1/status").orElseThrow().json().path("node").path("lease")
                        .path("epoch").asLong()).isEqualTo(3);
                awaitLinkTo(jp, first == pa ? la : lb);
            }
        }
    }

    /** The nodes' role changes, as evidence beside the figures. */
    private static void printEvents(NodeProcess... nodes) {
        for (NodeProcess n : nodes) {
            n.errLines().stream().filter(l -> l.contains(" WARN ") || l.contains("ERROR"))
                    .forEach(l -> System.out.println("  " + n.layout().dir().getFileName() + ": "
                            + (l.length() > 200 ? l.substring(0, 200) : l)));
        }
    }

    private static NodeProcess awaitActive(NodeProcess pa, NodeProcess pb) throws InterruptedException {
        Await.await("one node becomes active", NodeFolders.PATIENCE,
                () -> pa.http().role().equals(Optional.of("active")) || pb.http().role().equals(Optional.of("active")),
                () -> List.of(pa.roleEvents(), pb.roleEvents()));
        return pa.http().role().equals(Optional.of("active")) ? pa : pb;
    }

    private static void awaitRole(NodeProcess p, String role) throws InterruptedException {
        Await.await(p.layout().dir().getFileName() + " becomes " + role, NodeFolders.PATIENCE,
                () -> p.http().role().equals(Optional.of(role)), p::roleEvents);
    }

    /**
     * jp-mod's link to cn-mnd works again, on the path to {@code active}'s endpoint (the path to
     * the standby's stays down: nothing listens there, so the link reads DEGRADED, not DOWN).
     */
    private static void awaitLinkTo(StationRuntime jp, InetSocketAddress active) throws InterruptedException {
        Await.await("jp-mod's link to cn-mnd is up on the path to port " + active.getPort(), NodeFolders.PATIENCE,
                () -> jp.links().status(StationPair.CN).map(s -> s.state() != LinkState.DOWN && s.paths().stream()
                        .anyMatch(p -> p.connected() && p.name().endsWith(":" + active.getPort()))).orElse(false),
                () -> jp.links().status(StationPair.CN));
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
