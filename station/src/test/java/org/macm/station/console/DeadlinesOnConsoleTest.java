package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.link.LinkState;
import org.macm.station.StationPair;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.template.Language;
import org.macm.testkit.TestClock;

/**
 * What cn-mnd's duty officer sees of docs/PROTOCOL.md §14 when jp-mod announces FLASH 2 min and
 * its clock reads 2099: the Link page gives both sides' deadlines, says they differ and names
 * the entry whose time is far from its receipt; a clock alarm is raised; the announcement is
 * neither on the Traffic page nor acknowledgeable.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeadlinesOnConsoleTest {
    @TempDir
    Path tmp;

    @Test
    void linkPage_showsBothSidesDeadlines_andTheClockFlag_andTheAnnouncementIsNoMessage() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(300), 4);
        ConsoleStations.officer(s.cn(), "li", "Maj Li", Role.DUTY, Optional.of(Language.EN));
        s.write(s.listening(CN, loopback(0)));
        TestClock jpClock = TestClock.running();
        jpClock.advance(Duration.between(Instant.now(), Instant.parse("2099-06-01T00:00:00Z")));
        try (StationRuntime cn = StationRuntime.start(s.cn(), TestClock.running(), "test")) {
            s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))).withAckDeadline(Precedence.FLASH, Duration.ofMinutes(2)));
            try (StationRuntime jp = StationRuntime.start(s.jp(), jpClock, "test")) {
                await("the link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP);
                SignedEntry flash = jp.station().write(CN, new Body.Message(Precedence.FLASH,
                        new MessageContent.FreeText("en", "Answer now.")));
                String id = JP + "/" + flash.seq();
                ConsoleClient li = new ConsoleClient(cn.consoleUrl()).signedIn("li", ConsoleStations.PASSWORD);

                // The alarm names the first of jp-mod's entries found apart (its announcement, link test or FLASH).
                await("the clock alarm", Duration.ofSeconds(15),
                        () -> li.get("/alarms").body().contains("Clocks apart on the link to jp-mod: jp-mod/"));
                await("the FLASH flagged", Duration.ofSeconds(15),
                        () -> li.get("/link/panel").body().contains("class=\"clock-flagged\" role=\"alert\">" + id + " was written at "));
                String panel = li.get("/link/panel").body();
                assertThat(panel)
                        .contains("jp-mod expects: FLASH 2 min, IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h</div>")
                        .contains("cn-mnd expects: FLASH 5 min, IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h"
                                + " (protocol defaults, nothing announced)")
                        .contains("The two stations expect different deadlines; each message is held to its author")
                        .contains("one of the two clocks is wrong");

                String traffic = li.get("/").body();
                assertThat(traffic).contains("data-id=\"" + id + "\"").doesNotContain("data-id=\"jp-mod/1\"");
                ConsoleClient.Answer shown = li.get("/messages/jp-mod/1");
                assertThat(shown.status()).isEqualTo(409);
                assertThat(shown.body()).contains("jp-mod/1 is not a message: it announces the acknowledgement deadlines"
                        + " of jp-mod (see the Link page). It is never acknowledged.");
                ConsoleClient.Answer ack = li.post("/messages/jp-mod/1/ack", Map.of("remark", ""));
                assertThat(ack.status()).isEqualTo(409);
                assertThat(ack.body()).contains("jp-mod/1 is not a message");
            }
        }
    }
}
