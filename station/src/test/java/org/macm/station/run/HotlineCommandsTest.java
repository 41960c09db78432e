package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Precedence;
import org.macm.link.LinkState;
import org.macm.station.cli.CliRun;
import org.macm.station.StationPair;

/**
 * The duty officer's commands against two running stations: send, inbox, ack, status,
 * and escalation of a message nobody acknowledged in time, seen on both sides.
 */
class HotlineCommandsTest {
    @TempDir
    Path tmp;

    private static CliRun cli(String... args) {
        return CliRun.run(args);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void sendInboxAckStatus_workAcrossTheLink_andAnUnansweredFlashIsEscalatedOnBothSides() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0)).withAckDeadline(Precedence.FLASH, Duration.ofSeconds(3)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))).withAckDeadline(Precedence.FLASH, Duration.ofSeconds(3)));
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test")) {
                awaitValue("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state(), LinkState.UP::equals);
                String jpDir = s.jp().dir().toString();
                String cnDir = s.cn().dir().toString();

                CliRun sent = cli("send", "--dir", jpDir, "--to", "cn-mnd", "--precedence", "FLASH", "--text",
                        "Request your intentions.", "--wait-receipt", "--timeout", "20");
                assertThat(sent.exitCode()).as(sent.err()).isZero();
                assertThat(sent.out()).matches("(?s)jp-mod/\\d+\\nreceipted by cn-mnd \\(RECEIPTED\\)\\n");
                String id = sent.out().lines().findFirst().orElseThrow();

                CliRun inbox = cli("inbox", "--dir", cnDir);
                assertThat(inbox.out()).contains(id).contains("FLASH").contains("RECEIPTED").contains("[en] Request your intentions.")
                        .contains("acknowledgement due");

                CliRun ack = cli("ack", "--dir", cnDir, id, "--officer", "Lt Col Wang Hao", "--remark", "Reply follows");
                assertThat(ack.exitCode()).as(ack.err()).isZero();
                await("the acknowledgement to reach jp-mod", Duration.ofSeconds(20),
                        () -> cli("inbox", "--dir", jpDir, "--sent").out().contains("acknowledged by Lt Col Wang Hao"));

                Path fields = tmp.resolve("notice.json");
                Files.writeString(fields, org.macm.station.cli.TemplateCommandTest.FIELDS);
                CliRun form = cli("send", "--dir", jpDir, "--to", "cn-mnd", "--template", "encounter-notice", "--fields",
                        fields.toString(), "--wait-receipt", "--timeout", "20");
                assertThat(form.exitCode()).as(form.err()).isZero();
                String formId = form.out().lines().findFirst().orElseThrow();
                CliRun shown = cli("show", "--dir", cnDir, formId, "--lang", "zh-Hans");
                assertThat(shown.out()).contains(formId).contains("IMMEDIATE").contains("海上意外相遇通报")
                        .contains("北纬 29°48.6′ 东经 125°17.4′");
                assertThat(cli("inbox", "--dir", cnDir, "--lang", "ja").out()).contains("不慮の遭遇に関する通報");
                cli("ack", "--dir", cnDir, formId, "--officer", "Maj Li");

                CliRun unanswered = cli("send", "--dir", jpDir, "--to", "cn-mnd", "--precedence", "FLASH", "--text",
                        "Second notice: respond.");
                String late = unanswered.out().strip();
                await("escalation on both stations", Duration.ofSeconds(20),
                        () -> cli("status", "--dir", jpDir).out().contains(late) && cli("status", "--dir", cnDir).out().contains(late));
                CliRun status = cli("status", "--dir", jpDir);
                assertThat(status.out()).contains("link to cn-mnd   UP").contains("ESCALATIONS (not acknowledged by the deadline):")
                        .contains(late).doesNotContain(id + " ");
                assertThat(cli("inbox", "--dir", cnDir).out()).contains("OVERDUE");
            }
        }
    }

    @Test
    void send_toAStationThatIsNotRunning_saysHowToStartIt() throws Exception {
        StationPair s = StationPair.create(tmp);
        CliRun r = cli("send", "--dir", s.jp().dir().toString(), "--to", "cn-mnd", "--text", "hello");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("is not running (never started, or stopped): start it with 'macm run --dir");
    }
}
