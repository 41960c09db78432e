package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.config.ConsoleConfig;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Role;
import org.macm.station.web.WebServer;
import org.macm.testkit.Await;
import org.macm.testkit.Tmpfs;

/**
 * A console request while the station's store cannot commit (a real full disk: a small
 * tmpfs under the store, which needs root; skipped loudly elsewhere, failed under CI=true)
 * shows the officer the store's state in their language, never a stack trace. The site is
 * the console's own {@link ConsoleSite} on a real web server, with one page that records a
 * message as Compose and Acknowledge do.
 */
class ConsoleStoreFailingTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aFormThatWritesWhileTheDiskIsFull_showsTheStoresState_inTheOfficersLanguage() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "8m")) {
            StationPair pair = StationPair.create(tmp);
            pair.write(pair.spec(CN).withStore(disk.dir().resolve("macm.db")));
            ConsoleStations.officer(pair.cn(), "chen.jing", "Maj Chen Jing", Role.DUTY,
                    Optional.of(org.macm.template.Language.ZH_HANS));
            Clock clock = Clock.systemUTC();
            try (Station station = Station.open(pair.cn(), clock)) {
                ConsoleEvents events = new ConsoleEvents();
                ConsoleRoute write = ConsoleRoute.post("/record", Role.DUTY, r -> {
                    station.write(JP, new Body.Message(Precedence.ROUTINE,
                            new MessageContent.FreeText("en", "x".repeat(4_000))));
                    r.redirect("/record");
                });
                ConsoleSessions sessions = new ConsoleSessions(clock, Duration.ofMinutes(15), new SecureRandom());
                ConsoleSite site = new ConsoleSite(ConsoleConfig.defaults(), CN.value(),
                        new OfficerRegistry(pair.cn(), clock, new SecureRandom()), sessions, new LoginThrottle(clock),
                        new Views(), UiText.load(), events, new ConsoleAlarms(clock, events), station.store()::failure,
                        List.of(write), Optional.empty());
                try (WebServer web = new WebServer(List.of(site)).start()) {
                    ConsoleClient c = new ConsoleClient("http://127.0.0.1:" + web.address("console").getPort());
                    assertThat(c.login("chen.jing", ConsoleStations.PASSWORD).status()).isEqualTo(303);
                    assertThat(c.post("/record", Map.of("csrf", csrfOf(c, sessions))).status()).as("with room on the disk").isEqualTo(303);

                    Path filler = disk.fill();
                    AtomicReference<ConsoleClient.Answer> last = new AtomicReference<>();
                    // Polled: a commit that fits in space the WAL already holds can still succeed now and then.
                    Await.await("a refused form while the disk is full", Duration.ofSeconds(60), () -> {
                        last.set(c.post("/record", Map.of("csrf", csrfOf(c, sessions))));
                        return last.get().status() == 503;
                    }, last::get);
                    String page = last.get().body();
                    assertThat(page).contains("站点存储自 ").contains("起发生故障").contains("已存储的内容是安全的")
                            .contains("<html lang=\"zh-Hans\"");
                    assertThat(page).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("java.");
                    assertThat(last.get().header("Content-Security-Policy")).contains(ConsoleSite.CSP);
                    Files.delete(filler);
                }
            }
        }
    }

    /** The session's token: the test site has no page that shows it, so take it from the live session. */
    private static String csrfOf(ConsoleClient c, ConsoleSessions sessions) {
        return sessions.peek(c.cookie(ConsoleSite.SESSION_COOKIE).orElseThrow()).orElseThrow().csrf();
    }
}
