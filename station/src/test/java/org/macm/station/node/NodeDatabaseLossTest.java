package org.macm.station.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.testkit.Await;
import org.macm.testkit.FreePort;
import org.macm.testkit.PostgresCluster;

/**
 * The active node loses its database (PostgreSQL stopped): it steps down within the lease,
 * serves the standby's status meanwhile, and takes the lease again with the next epoch once
 * the database is back; what was sent before is still there.
 */
class NodeDatabaseLossTest {
    @TempDir
    Path tmp;

    @Test
    void theActiveNode_stepsDownWhenTheDatabaseGoes_andTakesOverAgainWhenItIsBack() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start()) {
            StationPair pair = StationPair.create(tmp.resolve("pair"));
            Duration lease = Duration.ofSeconds(2);
            StationLayout a = NodeFolders.node(pair, tmp, "cn-a", pg.url(), pg.password(), lease,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePort.loopback()));
            StationNode node = StationNode.start(a, Clock.systemUTC(), code -> { });
            try {
                NodeHttp http = new NodeHttp(a);
                Await.awaitValue("the node becomes active", NodeFolders.PATIENCE, http::role,
                        r -> r.equals(Optional.of("active")));
                NodeHttp.Answer sent = http.post("/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":\"before the outage\"}")
                        .orElseThrow();
                assertThat(sent.status()).as(sent.body()).isEqualTo(200);

                pg.stop();
                Await.await("the node steps down without its database", NodeFolders.PATIENCE,
                        () -> node.role() == NodeRole.STANDBY);
                Await.awaitValue("the standby answers its status", NodeFolders.PATIENCE, http::role,
                        r -> r.equals(Optional.of("standby")));
                assertThat(http.post("/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":\"during\"}").orElseThrow().status())
                        .isEqualTo(503);

                pg.restart();
                Await.awaitValue("the node takes over again", NodeFolders.PATIENCE, http::role,
                        r -> r.equals(Optional.of("active")));
                assertThat(node.fence().orElseThrow().epoch()).isEqualTo(2);
                NodeHttp.Answer list = http.get("/api/v1/sent").orElseThrow();
                assertThat(list.body()).contains("before the outage");
                NodeHttp.Answer after = http.post("/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":\"after\"}")
                        .orElseThrow();
                assertThat(after.status()).as(after.body()).isEqualTo(200);
                assertThat(after.json().path("seq").asLong()).isEqualTo(sent.json().path("seq").asLong() + 1);
            } finally {
                node.close();
            }
        }
    }
}
