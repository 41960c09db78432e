package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.testkit.Await.await;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.link.LinkState;
import org.macm.station.cli.CliRun;
import org.macm.station.StationPair;
import org.macm.testkit.FreePort;
import org.macm.station.traffic.DutyTime;

/**
 * What send and status say about the link must be true: a message sent while the link is
 * down is stored with a warning saying so and since when; a path that failed before and is
 * connected now does not show the old error; inbound paths say they are inbound; a link
 * with no endpoints and no inbound path says it waits for the peer to dial in.
 */
class LinkStateInCommandsTest {
    @TempDir
    Path tmp;

    private static CliRun cli(String... args) {
        return CliRun.run(args);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void send_whileTheLinkIsDown_storesWarnsAndExitsZero_andStatusNeverShowsAnOldErrorBesideConnected() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        int port = FreePort.loopback();
        s.write(s.dialling(JP, loopback(port)));
        s.write(s.listening(CN, loopback(port)));
        String jpDir = s.jp().dir().toString();
        String cnDir = s.cn().dir().toString();
        try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test")) {
            await("a refused dial", Duration.ofSeconds(20),
                    () -> jp.links().status(CN).orElseThrow().paths().get(0).lastError().isPresent());
            CliRun sent = cli("send", "--dir", jpDir, "--to", "cn-mnd", "--text", "Request your intentions.");
            assertThat(sent.exitCode()).as(sent.err()).isZero();
            assertThat(sent.out()).matches("jp-mod/\\d+\\n");
            Instant since = jp.links().status(CN).orElseThrow().since();
            assertThat(sent.err()).isEqualTo("warning: the link to cn-mnd is DOWN since " + DutyTime.sinceToday(since,
                    Instant.now()) + "; the message is stored and goes out when the link is up\n");
            long seq = Long.parseLong(sent.out().strip().substring("jp-mod/".length()));
            assertThat(jp.station().store().get(jp.station().ownLog(CN), seq)).as("stored while down").isPresent();

            ApiCalls.Answer api = new ApiCalls(s.jp()).post("/api/v1/messages", "{\"to\":\"cn-mnd\",\"text\":\"again\"}");
            JsonNode link = api.json().path("link");
            assertThat(link.path("peer").asText()).isEqualTo("cn-mnd");
            assertThat(link.path("state").asText()).isEqualTo("DOWN");
            assertThat(Instant.parse(link.path("since").asText())).isEqualTo(since.truncatedTo(ChronoUnit.MILLIS));

            String down = cli("status", "--dir", jpDir).out();
            assertThat(down).contains("  link to cn-mnd   DOWN since " + DutyTime.sinceToday(since, Instant.now()) + "\n")
                    .containsPattern("\\n    path 127\\.0\\.0\\.1:" + port + " +disconnected last heard never  \\(.+\\)\\n");

            try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
                assertThat(cn.linkPorts()).containsExactly(port);
                await("the stored message to go out on reconnect", Duration.ofSeconds(30),
                        () -> cli("inbox", "--dir", cnDir).out().contains("Request your intentions."));
                await("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP);
                assertThat(jp.links().status(CN).orElseThrow().paths().get(0).lastError())
                        .as("the earlier error is still recorded").isPresent();

                String up = cli("status", "--dir", jpDir).out();
                assertThat(up).containsPattern("\\n    path 127\\.0\\.0\\.1:" + port
                        + " +connected +last heard \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\n");
                assertThat(up.lines().filter(l -> l.contains("connected") && l.contains("(")))
                        .as("no error beside a connected path").isEmpty();
                assertThat(cli("send", "--dir", jpDir, "--to", "cn-mnd", "--text", "up").err()).isEmpty();

                String inbound = cli("status", "--dir", cnDir).out();
                assertThat(inbound).containsPattern("\\n    path inbound from 127\\.0\\.0\\.1:\\d+ \\(jp-mod dialled in\\) +"
                        + "connected +last heard \\S+\\n");
                assertThat(inbound).doesNotContain("no endpoints configured");
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void status_afterThePeerStopped_saysItStoppedInOrder_atOnce_notAsAnOutage() throws Exception {
        // A 30 s silence limit: a DOWN seen sooner comes from the peer's SHUTDOWN frame.
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofSeconds(1), 30);
        int port = FreePort.loopback();
        s.write(s.dialling(JP, loopback(port)));
        s.write(s.listening(CN, loopback(port)));
        try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test")) {
            try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
                await("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP
                        && cn.links().status(JP).orElseThrow().state() == LinkState.UP);
            }
            await("jp-mod sees cn-mnd stopped", Duration.ofSeconds(5),
                    () -> jp.links().status(CN).orElseThrow().peerStopped().isPresent());
            Instant stopped = jp.links().status(CN).orElseThrow().peerStopped().orElseThrow();

            String out = cli("status", "--dir", s.jp().dir().toString()).out();
            assertThat(out).contains("  link to cn-mnd   DOWN since ")
                    .contains("    the peer stopped in order (SHUTDOWN) at " + DutyTime.sinceToday(stopped, Instant.now())
                            + "; the link comes back when it does\n");
            JsonNode link = new ApiCalls(s.jp()).get("/api/v1/status").json().path("links").get(0);
            assertThat(Instant.parse(link.path("peerStopped").asText())).isEqualTo(stopped.truncatedTo(ChronoUnit.MILLIS));
            assertThat(link.path("refusedClaims").asLong()).isZero();
            assertThat(link.has("fork")).as("no fork seen").isFalse();
        }
    }

    @Test
    void status_ofALinkWithNoEndpointsAndNoInboundPath_saysItWaitsForThePeerToDialIn() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            assertThat(cn.links().status(JP).orElseThrow().paths()).isEmpty();
            String out = cli("status", "--dir", s.cn().dir().toString()).out();
            assertThat(out).contains("    no endpoints configured for jp-mod: waiting for it to dial in\n");
            assertThat(new ApiCalls(s.cn()).get("/api/v1/status").json().path("links").get(0).path("endpoints").asInt())
                    .isZero();
        }
    }
}
