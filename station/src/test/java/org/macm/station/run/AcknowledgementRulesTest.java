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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.EntryKind;
import org.macm.link.LinkState;
import org.macm.station.Station;
import org.macm.station.cli.CliRun;
import org.macm.station.StationPair;
import org.macm.station.traffic.DutyTime;

/**
 * An acknowledgement is a signed statement: a second one of the same message is refused
 * (naming who answered first, and when) unless given on purpose with a remark; every one is
 * listed, first one first; and our own messages are not ours to acknowledge.
 */
class AcknowledgementRulesTest {
    @TempDir
    Path tmp;

    private static CliRun cli(String... args) {
        return CliRun.run(args);
    }

    /** The acknowledgements this station signed on its link to {@code peer}. */
    private static long acksSigned(Station station, org.macm.core.log.StationId peer) {
        long head = station.store().head(station.ownLog(peer)).seq();
        return station.store().read(station.ownLog(peer), 1, (int) head).stream()
                .filter(e -> e.entry().kind() == EntryKind.ACK).count();
    }

    /** What runs while cn-mnd (listening) and jp-mod (dialling it) are linked. */
    @FunctionalInterface
    private interface Linked {
        void run(StationPair s, StationRuntime cn, StationRuntime jp) throws Exception;
    }

    private void linked(Linked body) throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))));
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test")) {
                await("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP);
                body.run(s, cn, jp);
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void ack_secondTime_isRefusedNamingTheFirstOfficer_andAgainWithARemarkListsBoth_firstOneFirst() throws Exception {
        linked((s, cn, jp) -> {
            String jpDir = s.jp().dir().toString();
            String cnDir = s.cn().dir().toString();
            String id = cli("send", "--dir", jpDir, "--to", "cn-mnd", "--text", "Request your intentions.",
                    "--wait-receipt", "--timeout", "20").out().lines().findFirst().orElseThrow();

            assertThat(cli("ack", "--dir", cnDir, id, "--officer", "Lt Col Wang Hao", "--remark", "Reply follows")
                    .exitCode()).isZero();
            JsonNode first = new ApiCalls(s.cn()).get("/api/v1/messages/" + id).json().path("acknowledgements").get(0);
            String firstTime = DutyTime.full(Instant.parse(first.path("time").asText()));

            CliRun twice = cli("ack", "--dir", cnDir, id, "--officer", "Maj Li");
            assertThat(twice.exitCode()).isEqualTo(1);
            assertThat(twice.errorLine()).endsWith(id + " was already acknowledged by Lt Col Wang Hao at " + firstTime
                    + "; add --again with a remark to acknowledge it once more").doesNotContain("\n");
            assertThat(acksSigned(cn.station(), JP)).as("the refused acknowledgement signed nothing").isEqualTo(1);

            ApiCalls.Answer api = new ApiCalls(s.cn()).post("/api/v1/acknowledgements",
                    "{\"id\":\"" + id + "\",\"officer\":\"Maj Li\"}");
            assertThat(api.status()).isEqualTo(409);
            assertThat(api.error()).isEqualTo(id + " was already acknowledged by Lt Col Wang Hao at " + firstTime
                    + "; add --again with a remark to acknowledge it once more");
            assertThat(new ApiCalls(s.cn()).post("/api/v1/acknowledgements",
                    "{\"id\":\"" + id + "\",\"officer\":\"Maj Li\",\"again\":true}").error())
                    .isEqualTo("acknowledging " + id + " once more needs a remark saying why");

            CliRun noRemark = cli("ack", "--dir", cnDir, id, "--officer", "Maj Li", "--again");
            assertThat(noRemark.exitCode()).isEqualTo(2);
            assertThat(noRemark.err().lines().findFirst().orElseThrow())
                    .isEqualTo("macm: --again needs --remark saying why " + id + " is acknowledged once more"
                            + " (see 'macm ack --help')");
            assertThat(acksSigned(cn.station(), JP)).as("nothing signed without a remark").isEqualTo(1);

            CliRun again = cli("ack", "--dir", cnDir, id, "--officer", "Maj Li", "--again", "--remark", "Watch relieved");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(acksSigned(cn.station(), JP)).isEqualTo(2);

            JsonNode listed = new ApiCalls(s.cn()).get("/api/v1/inbox").json().path("messages");
            JsonNode message = null;
            for (JsonNode m : listed) {
                if (m.path("id").asText().equals(id)) {
                    message = m;
                }
            }
            assertThat(message).isNotNull();
            List<String> officers = new ArrayList<>();
            message.path("acknowledgements").forEach(a -> officers.add(a.path("officer").asText()));
            assertThat(officers).containsExactly("Lt Col Wang Hao", "Maj Li");
            assertThat(message.path("acknowledgedBy").asText()).isEqualTo("Lt Col Wang Hao");
            assertThat(message.path("acknowledgements").get(0).path("remark").asText()).isEqualTo("Reply follows");
            assertThat(message.path("acknowledgements").get(1).path("id").asText()).startsWith("cn-mnd/");
            String secondTime = DutyTime.full(Instant.parse(message.path("acknowledgements").get(1).path("time").asText()));

            String expected = "             acknowledged by Lt Col Wang Hao at " + firstTime + ": Reply follows\n"
                    + "             acknowledged again by Maj Li at " + secondTime + ": Watch relieved\n";
            assertThat(cli("inbox", "--dir", cnDir).out()).contains(expected);
            await("both acknowledgements to reach jp-mod", Duration.ofSeconds(20),
                    () -> cli("inbox", "--dir", jpDir, "--sent").out().contains(expected));
            assertThat(cli("show", "--dir", cnDir, id).out()).contains(expected.replace("             ", ""));
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void ack_ourOwnMessageOrLinkTest_saysItIsOurs_butAReceivedLinkTestIsAcknowledged() throws Exception {
        linked((s, cn, jp) -> {
            String jpDir = s.jp().dir().toString();
            String id = cli("send", "--dir", jpDir, "--to", "cn-mnd", "--text", "hello").out().strip();

            CliRun own = cli("ack", "--dir", jpDir, id, "--officer", "Cdr Sato");
            assertThat(own.exitCode()).isEqualTo(1);
            assertThat(own.errorLine()).endsWith(id + " is a message this station sent; only messages received from a peer"
                    + " are acknowledged").doesNotContain("link to itself");

            await("cn-mnd's scheduled link test to arrive", Duration.ofSeconds(20),
                    () -> cli("inbox", "--dir", jpDir).out().contains("link test"));
            String test = null;
            for (JsonNode m : new ApiCalls(s.jp()).get("/api/v1/inbox").json().path("messages")) {
                if (m.path("kind").asText().equals("TEST")) {
                    test = m.path("id").asText();
                }
            }
            assertThat(test).startsWith("cn-mnd/");
            CliRun received = cli("ack", "--dir", jpDir, test, "--officer", "Cdr Sato");
            assertThat(received.exitCode()).as(received.err()).isZero();

            String ourTest = null;
            for (JsonNode m : new ApiCalls(s.jp()).get("/api/v1/sent").json().path("messages")) {
                if (m.path("kind").asText().equals("TEST")) {
                    ourTest = m.path("id").asText();
                }
            }
            assertThat(ourTest).startsWith("jp-mod/");
            assertThat(cli("ack", "--dir", jpDir, ourTest, "--officer", "Cdr Sato").errorLine())
                    .endsWith(ourTest + " is a message this station sent; only messages received from a peer are acknowledged");
            assertThat(acksSigned(jp.station(), CN)).as("only the received link test was acknowledged").isEqualTo(1);
        });
    }
}
