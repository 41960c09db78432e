package org.macm.station.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Precedence;
import org.macm.station.StationPair;
import org.macm.testkit.FreePort;

/**
 * {@code macm run} as a service manager drives it (issue 14 part 5): two stations as child JVMs
 * linked over real TLS on loopback. SIGTERM stops cn-mnd in order (exit 0, a "stopped" line, its
 * URL files gone, jp-mod told SHUTDOWN at once, nothing sent lost); SIGHUP re-reads station.toml,
 * applies a new deadline (announced to the peer) and says a new listen address needs a restart;
 * a broken station.toml on SIGHUP is one WARN line and changes nothing.
 */
class ServiceSignalsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /**
     * Heartbeats 30 s apart, 3 misses: a peer that did not say SHUTDOWN would be seen DOWN only
     * after 90 s, so the link DOWN within {@link #LIMIT} with peerStopped shows the goodbye arrived.
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sigtermStopsInOrderExitsZeroAndLosesNothing() throws Exception {
        StationPair pair = StationPair.create(tmp).withHeartbeat(HEARTBEAT, 3);
        int cnPort = FreePort.loopback();
        pair.write(pair.listening(CN, loopback(cnPort)));
        pair.write(pair.dialling(JP, loopback(cnPort)));
        String classPath = ClassPathSnapshot.take(tmp.resolve("classpath"));
        try (StationProcess cn = new StationProcess(CN, pair.cn(), classPath);
                StationProcess jp = new StationProcess(JP, pair.jp(), classPath)) {
            startLinked(cn, jp);
            List<String> jpTexts = new ArrayList<>();
            List<String> cnTexts = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                jpTexts.add(sent(jp, CN, "jp before stop " + i));
                cnTexts.add(sent(cn, JP, "cn before stop " + i));
            }
            await("both stations to hold each other's whole log", LIMIT, () -> StationProcess.caughtUp(jp, cn),
                    () -> "jp-mod " + jp.http().link() + "; cn-mnd " + cn.http().link());

            // Answered by the API (durable), then SIGTERM at once: it may not have gone out yet,
            // but the stop must keep it, and the link carries it after the next start.
            cnTexts.add(sent(cn, JP, "cn right before the stop"));
            cn.stop();

            assertThat(cn.exitValue()).as("macm run's exit code after SIGTERM").isZero();
            assertThat(cn.awaitPrinted("Station " + CN + " stopped.", LIMIT)).isEqualTo("Station cn-mnd stopped.");
            assertThat(pair.cn().dir().resolve("api.url")).as("api.url after the stop").doesNotExist();
            assertThat(pair.cn().dir().resolve("console.url")).as("console.url after the stop").doesNotExist();
            JsonNode link = awaitValue("jp-mod to see cn-mnd stopped (SHUTDOWN), well before its heartbeat limit", LIMIT,
                    () -> jp.http().link(), l -> l.map(s -> s.path("state").asText().equals("DOWN")).orElse(false))
                    .orElseThrow();
            assertThat(link.has("peerStopped")).as("jp-mod's link to cn-mnd says the peer stopped: %s", link).isTrue();

            cn.start();
            cn.awaitApi(LIMIT);
            await("both stations to hold each other's whole log after cn-mnd's restart", LIMIT, () -> StationProcess.caughtUp(jp, cn),
                    () -> "jp-mod " + jp.http().link() + "; cn-mnd " + cn.http().link());
            cn.stop();
            jp.stop();
            assertThat(jp.exitValue()).as("jp-mod's exit code after SIGTERM").isZero();
            assertThat(cn.alarms()).as("errors and refusals logged by cn-mnd").isEmpty();
            assertThat(jp.alarms()).as("errors and refusals logged by jp-mod").isEmpty();
            FinalChecks.logs(pair, jpTexts, cnTexts);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sighupAppliesDeadlinesSaysWhatNeedsARestartAndSurvivesABrokenFile() throws Exception {
        StationPair pair = StationPair.create(tmp).withHeartbeat(HEARTBEAT, 3);
        int cnPort = FreePort.loopback();
        pair.write(pair.listening(CN, loopback(cnPort)));
        pair.write(pair.dialling(JP, loopback(cnPort)));
        String classPath = ClassPathSnapshot.take(tmp.resolve("classpath"));
        try (StationProcess cn = new StationProcess(CN, pair.cn(), classPath);
                StationProcess jp = new StationProcess(JP, pair.jp(), classPath)) {
            startLinked(cn, jp);
            assertThat(flash(jp, "theirs")).as("cn-mnd's FLASH deadline at start, as jp-mod holds it")
                    .isEqualTo(Precedence.FLASH.defaultAckDeadline());

            // Nothing changed yet: a reload says so.
            hup(cn);
            cn.awaitPrinted("reload: no change", LIMIT);

            Duration flash = Precedence.FLASH.defaultAckDeadline().plusMinutes(3);
            pair.write(pair.listening(CN, loopback(cnPort, FreePort.loopback()))
                    .withAckDeadline(Precedence.FLASH, flash));
            hup(cn);
            cn.awaitPrinted("reload: deadlines.flash applied", LIMIT);
            cn.awaitPrinted("reload: link.listen changed, needs a restart", LIMIT);
            await("jp-mod to hold cn-mnd's new FLASH deadline (announced in cn-mnd's log)", LIMIT,
                    () -> flash.equals(flash(jp, "theirs")), () -> "jp-mod " + jp.http().link());
            assertThat(flash(cn, "ours")).as("cn-mnd's own FLASH deadline after the reload").isEqualTo(flash);

            Path config = pair.cn().config();
            Files.writeString(config, Files.readString(config) + "\n[deadlines\nflash = \"1m\"\n");
            hup(cn);
            await("one WARN line about the broken station.toml", LIMIT,
                    () -> cn.errLines().stream().anyMatch(l -> l.contains("WARN") && l.contains("reload:")
                            && l.contains("not valid TOML")), cn::errLines);
            assertThat(cn.alive()).as("cn-mnd still running after a reload of a broken file").isTrue();
            assertThat(flash(cn, "ours")).as("cn-mnd's FLASH deadline after the failed reload").isEqualTo(flash);
            assertThat(cn.http().status()).as("cn-mnd's API after the failed reload").isPresent();

            // Two SIGTERMs in a row (an impatient operator): the second only says it is stopping.
            signal(cn, "TERM");
            signal(cn, "TERM");
            cn.stop();
            assertThat(cn.exitValue()).as("exit code after two SIGTERMs").isZero();
            cn.awaitPrinted("Station " + CN + " stopped.", LIMIT);
            jp.stop();
            assertThat(cn.alarms()).as("errors and refusals logged by cn-mnd").isEmpty();
        }
    }

    private static void startLinked(StationProcess cn, StationProcess jp) throws InterruptedException {
        cn.start();
        jp.start();
        cn.awaitPrinted("Station " + CN + " is running.", LIMIT);
        jp.awaitPrinted("Station " + JP + " is running.", LIMIT);
        cn.awaitApi(LIMIT);
        jp.awaitApi(LIMIT);
        awaitValue("jp-mod's link to cn-mnd UP", LIMIT, () -> jp.http().link(),
                l -> l.map(s -> s.path("state").asText().equals("UP")).orElse(false));
    }

    private static String sent(StationProcess from, org.macm.core.log.StationId to, String text)
            throws InterruptedException {
        assertThat(from.http().send(to, text)).as("the send through %s's API", from.id())
                .isInstanceOf(StationHttp.Sent.Written.class);
        return text;
    }

    private static void hup(StationProcess s) throws Exception {
        signal(s, "HUP");
    }

    private static void signal(StationProcess s, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(s.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %s", name, s.pid()).isZero();
    }

    /** The FLASH deadline in the status's link terms: {@code ours} or {@code theirs}. */
    private static Duration flash(StationProcess s, String side) throws InterruptedException {
        return s.http().link().map(l -> Duration.parse(l.path("deadlines").path(side).path("flash").asText()))
                .orElseThrow(() -> new AssertionError(s.id() + " does not answer its status"));
    }
}
