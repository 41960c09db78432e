package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.template.Language;

/**
 * The two alarms besides FLASH, end to end at cn-mnd's console (English, so the sentences read
 * as the officer reads them): a message left unacknowledged past its deadline raises an
 * escalation and heads the traffic table as overdue; the link going DOWN raises its alarm.
 */
class ConsoleAlarmTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void overdueMessage_raisesAnEscalation_andLeadsTheTable_andTheLinkGoingDown_raisesItsAlarm() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        try (Password p = Password.of(PASSWORD.toCharArray())) {
            new OfficerRegistry(s.cn(), Clock.systemUTC(), new SecureRandom()).add("li", "Maj Li", Role.DUTY,
                    Optional.of(Language.EN), p);
        }
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            // A message is held to its author's deadlines, which jp-mod announces in its log (PROTOCOL.md §14).
            s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))).withAckDeadline(Precedence.FLASH, Duration.ofSeconds(2)));
            ConsoleClient li = new ConsoleClient(cn.consoleUrl()).signedIn("li", PASSWORD);
            String id;
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test")) {
                await("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP);
                jp.station().write(CN, new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", "Routine.")));
                SignedEntry flash = jp.station().write(CN, new Body.Message(Precedence.FLASH,
                        new MessageContent.FreeText("en", "Answer now.")));
                id = JP + "/" + flash.seq();
                await("the escalation alarm", Duration.ofSeconds(10),
                        () -> li.get("/alarms").body().contains("Acknowledgement overdue: FLASH " + id));

                String page = li.get("/").body();
                String messages = page.substring(page.indexOf("id=\"messages\""));
                String firstRow = messages.substring(messages.indexOf("<tr class=\"p-"), messages.indexOf("</tr>",
                        messages.indexOf("<tr class=\"p-")));
                assertThat(firstRow).as("the overdue message heads the table")
                        .contains("data-id=\"" + id + "\"", "s-overdue", ">overdue<", "overdue ");
                assertThat(li.get("/messages/" + id).body()).contains("class=\"state\">overdue<");
            }
            await("the link-down alarm", Duration.ofSeconds(10),
                    () -> li.get("/alarms").body().contains("Link to jp-mod is DOWN"));
            assertThat(li.get("/traffic/rows").body()).contains("Link to jp-mod: DOWN since");
        }
    }
}
