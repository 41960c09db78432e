package org.macm.station.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.MacmException;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;
import org.macm.store.Fence;
import org.macm.store.PostgresLogStore;
import org.macm.store.PostgresSettings;
import org.macm.store.StationLease;
import org.macm.testkit.Await;
import org.macm.testkit.FreePort;
import org.macm.testkit.PostgresCluster;
import org.macm.testkit.TestClock;

/**
 * Nodes of cn-mnd in this JVM on a real PostgreSQL: the standby serves only its status, takes
 * over when the lease is free, releases it at a clean stop; of two nodes exactly one is
 * active; a node whose lease is stolen has its next write refused, steps down, and no seq
 * ever holds two entries.
 */
class StationNodeTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() {
        pg = PostgresCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (pg != null) {
            pg.close();
        }
    }

    private record Setup(StationPair pair, String url, PostgresSettings settings) {
        StationLayout node(Path root, String name, Duration lease) {
            return NodeFolders.node(pair, root, name, url, pg.password(), lease,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePort.loopback()));
        }
    }

    private Setup setup() {
        String url = pg.database("node" + DATABASES.incrementAndGet());
        PostgresSettings s = PostgresSettings.of(url, PostgresCluster.USER, pg.password());
        PostgresLogStore.prepare(s);
        return new Setup(StationPair.create(tmp.resolve("pair")), url, s);
    }

    @Test
    void theStandby_servesOnlyItsStatus_takesOverWhenTheLeaseIsFree_andReleasesItAtAStop() throws Exception {
        Setup s = setup();
        StationLayout a = s.node(tmp, "cn-a", Duration.ofSeconds(2));
        try (StationLease other = StationLease.open(s.settings(), StationPair.CN, "other/1", Duration.ofSeconds(2))) {
            Fence held = other.tryAcquire().orElseThrow();
            StationNode node = StationNode.start(a, Clock.systemUTC(), code -> { });
            try {
                NodeHttp http = new NodeHttp(a);
                Await.awaitValue("the node answers as the standby", NodeFolders.PATIENCE, http::role,
                        r -> r.equals(Optional.of("standby")));
                assertThat(other.renew(held)).isTrue();
                JsonNode status = http.get("/api/v1/status").orElseThrow().json();
                assertThat(status.path("station").asText()).isEqualTo("cn-mnd");
                assertThat(status.path("node").path("name").asText()).isEqualTo(node.self()).startsWith("cn-a/");
                assertThat(status.path("node").path("lease").path("holder").asText()).isEqualTo("other/1");
                assertThat(status.path("node").path("lease").path("epoch").asLong()).isEqualTo(1);
                assertThat(http.getWithoutToken("/healthz").orElseThrow().status()).isEqualTo(200);
                NodeHttp.Answer ready = http.getWithoutToken("/readyz").orElseThrow();
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.body()).contains("standby");
                NodeHttp.Answer inbox = http.get("/api/v1/inbox").orElseThrow();
                assertThat(inbox.status()).isEqualTo(503);
                assertThat(inbox.json().path("error").asText()).contains("standby").contains("other/1 (epoch 1");
                assertThat(http.getWithoutToken("/api/v1/status").orElseThrow().status()).isEqualTo(401);
                assertThat(http.getWithoutToken("/api/v1/inbox").orElseThrow().body()).doesNotContain("other/1");
                CliRun standbyStatus = CliRun.run("status", "--dir", a.dir().toString());
                assertThat(standbyStatus.exitCode()).as(standbyStatus.err()).isZero();
                assertThat(standbyStatus.out()).contains("  node " + node.self() + ": STANDBY (read-only;")
                        .contains("    lease held by other/1, epoch 1, until ");

                other.release(held);
                Await.awaitValue("the node takes the released lease", NodeFolders.PATIENCE, http::role,
                        r -> r.equals(Optional.of("active")));
                assertThat(node.fence().orElseThrow().epoch()).isEqualTo(2);
                JsonNode active = http.get("/api/v1/status").orElseThrow().json();
                assertThat(active.path("node").path("lease").path("holder").asText()).isEqualTo(node.self());
                CliRun activeStatus = CliRun.run("status", "--dir", a.dir().toString());
                assertThat(activeStatus.out()).contains("  node " + node.self() + ": ACTIVE\n")
                        .contains("    lease held by " + node.self() + ", epoch 2, until ").contains("link to jp-mod");
                assertThat(other.tryAcquire()).isEmpty();
            } finally {
                node.close();
            }
            assertThat(node.exitCode()).isZero();
            // Released at the stop: taken at once, no lease time to wait.
            assertThat(other.tryAcquire().orElseThrow().epoch()).isEqualTo(3);
        }
    }

    @Test
    void ofTwoNodes_oneClockHoursOff_exactlyOneIsActive_andAStolenLease_deposesIt_withNoSeqStoredTwice() throws Exception {
        Setup s = setup();
        Duration lease = Duration.ofSeconds(10); // renewals 2 s apart: the test writes before the node notices the theft
        StationLayout a = s.node(tmp, "cn-a", lease);
        StationLayout b = s.node(tmp, "cn-b", lease);
        StationNode na = StationNode.start(a, Clock.systemUTC(), code -> { });
        // cn-b's clock is three hours ahead: the lease reads only the database's clock, so it changes nothing.
        TestClock ahead = TestClock.running();
        ahead.advance(Duration.ofHours(3));
        StationNode nb = StationNode.start(b, ahead, code -> { });
        try {
            Await.await("one node is active", NodeFolders.PATIENCE,
                    () -> na.role() == NodeRole.ACTIVE || nb.role() == NodeRole.ACTIVE);
            Thread.sleep(lease.dividedBy(5).multipliedBy(2).toMillis());
            assertThat(List.of(na.role(), nb.role())).containsExactlyInAnyOrder(NodeRole.ACTIVE, NodeRole.STANDBY);
            StationNode active = na.role() == NodeRole.ACTIVE ? na : nb;
            StationNode standby = active == na ? nb : na;
            StationLayout activeDir = active == na ? a : b;
            NodeHttp.Answer sent = new NodeHttp(activeDir).post("/api/v1/messages",
                    "{\"to\":\"jp-mod\",\"text\":\"before the theft\"}").orElseThrow();
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            Station deposedStation = active.runtime().orElseThrow().station();

            try (Connection c = DriverManager.getConnection(s.settings().jdbcUrl(), PostgresCluster.USER, pg.password());
                    PreparedStatement u = c.prepareStatement(
                            "UPDATE station_lease SET epoch = epoch + 1, holder = 'thief/9' WHERE station = 'cn-mnd'")) {
                assertThat(u.executeUpdate()).isEqualTo(1);
            }
            assertThatThrownBy(() -> deposedStation.write(StationPair.JP, new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", "written while deposed"))))
                    .isInstanceOf(MacmException.class).hasMessageContaining("deposed");
            Await.await("the deposed node steps down", NodeFolders.PATIENCE, () -> active.role() == NodeRole.STANDBY);
            // The thief never renews: once its lease expires by the database's clock, one node takes over.
            Await.await("a node takes over from the thief", NodeFolders.PATIENCE.plus(lease),
                    () -> na.role() == NodeRole.ACTIVE || nb.role() == NodeRole.ACTIVE);
            StationNode next = na.role() == NodeRole.ACTIVE ? na : nb;
            assertThat(next.fence().orElseThrow().epoch()).isGreaterThanOrEqualTo(3);
            NodeHttp.Answer after = new NodeHttp(next == na ? a : b).post("/api/v1/messages",
                    "{\"to\":\"jp-mod\",\"text\":\"after the takeover\"}").orElseThrow();
            assertThat(after.status()).as(after.body()).isEqualTo(200);
            assertThat(after.json().path("seq").asLong()).isGreaterThan(sent.json().path("seq").asLong());
            assertThat(standby).isNotNull();

            List<byte[]> ours = entries(s.settings(), "cn-mnd");
            assertThat(ours).noneMatch(bytes -> contains(bytes, "written while deposed"));
            assertThat(ours).anyMatch(bytes -> contains(bytes, "before the theft"));
            assertThat(ours).anyMatch(bytes -> contains(bytes, "after the takeover"));
            assertThat(seqsStoredTwice(s.settings())).isZero();
        } finally {
            na.close();
            nb.close();
        }
    }

    /** The bytes of every entry {@code author} signed, in seq order. */
    private static List<byte[]> entries(PostgresSettings s, String author) throws SQLException {
        List<byte[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), PostgresCluster.USER, pg.password());
                PreparedStatement q = c.prepareStatement("SELECT bytes FROM entry WHERE author = ? ORDER BY seq")) {
            q.setString(1, author);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(r.getBytes(1));
                }
            }
        }
        return out;
    }

    private static long seqsStoredTwice(PostgresSettings s) throws SQLException {
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), PostgresCluster.USER, pg.password());
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM (SELECT link, author, seq FROM entry"
                        + " GROUP BY link, author, seq HAVING count(*) > 1) twice");
                ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(new String(text.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1));
    }
}
