package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.ChainException;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkCheck;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.link.Frame;
import org.macm.link.LinkState;
import org.macm.link.LinkStatus;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;
import org.macm.station.console.ConsoleAlarm;
import org.macm.station.console.ConsoleClient;
import org.macm.station.console.UiText;
import org.macm.station.export.ExportFile;
import org.macm.station.export.ExportVerifier;
import org.macm.station.export.KeyRing;
import org.macm.station.identity.KeyFiles;
import org.macm.core.log.AgreeRules;
import org.macm.station.intake.FormatRule;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.store.IntakeFinding;
import org.macm.template.Language;

/**
 * docs/PROTOCOL.md §10 step 3 over a real link: jp-mod, played with its real keys, sends
 * validly signed entries that say false things about cn-mnd's log, bytes that are no entry,
 * and two versions of one seq. cn-mnd records each (rule id, message, time), shows it in
 * status and raises an alarm, keeps the path up, and goes on storing, receipting and showing
 * what jp-mod sends after, FLASH included. Its own export verifies whatever jp-mod sent.
 */
class PeerIntakeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    private StationPair stations;
    private StationRuntime cn;
    private InetSocketAddress cnAddress;
    private LogWriter jpWriter;
    private LogId jpLog;

    @BeforeEach
    void startCn() {
        stations = StationPair.create(tmp);
        stations.write(stations.listening(CN, loopback(0)));
        cn = StationRuntime.start(stations.cn(), Clock.systemUTC(), "test-catalog");
        cnAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), cn.linkPorts().get(0));
        jpLog = new LogId(LinkId.between(JP, CN), JP);
        SigningKey jpKey = KeyFiles.readSigningKey(stations.jp().signingKey());
        jpWriter = new LogWriter(jpLog, jpKey, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        cn.close();
    }

    private Station station() {
        return cn.station();
    }

    private static Body text(Precedence p, String s) {
        return new Body.Message(p, new MessageContent.FreeText("en", s));
    }

    private static Body ack(Head message) {
        return new Body.Acknowledgement(message, "Lt. Sato", java.time.Instant.parse("2026-11-30T10:00:00Z"),
                Optional.empty());
    }

    private static EntryHash wrong(String seed) {
        return EntryHash.of(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** cn-mnd's receipt covering {@code upTo}, or null while there is none. */
    private SignedEntry receiptCovering(Head upTo) {
        return station().store().read(station().ownLog(JP), 1, 1000).stream()
                .filter(e -> e.entry().body() instanceof Body.Receipt r && r.upTo().equals(upTo)).findFirst().orElse(null);
    }

    private LinkStatus link() {
        return cn.links().status(JP).orElseThrow();
    }

    private JsonNode statusOfJp() throws Exception {
        for (JsonNode l : new ApiCalls(stations.cn()).get("/api/v1/status").json().path("links")) {
            if (l.path("peer").asText().equals(JP.value())) {
                return l;
            }
        }
        throw new AssertionError("status lists no link to " + JP);
    }

    private List<String> alarmTexts(ConsoleAlarm.Kind kind) {
        UiText en = UiText.of(Language.EN, ZoneOffset.UTC, UiText.load());
        return cn.console().alarms().active().stream().filter(a -> a.kind() == kind).map(a -> a.text(en)).toList();
    }

    /** The Link page's panel as a supervisor sees it in English. */
    private String linkPanel() throws Exception {
        String secret = "correct horse battery staple";
        OfficerRegistry officers = new OfficerRegistry(stations.cn(), Clock.systemUTC(), new java.security.SecureRandom());
        if (officers.find("li").isEmpty()) {
            officers.add("li", "Lt Li", Role.SUPERVISOR, Optional.of(Language.EN), Password.of(secret.toCharArray()));
        }
        return new ConsoleClient(cn.consoleUrl()).signedIn("li", secret).get("/link/panel").body();
    }

    /** What {@code macm status} prints for cn-mnd. */
    private String macmStatus() {
        CliRun r = CliRun.run("status", "--dir", stations.cn().dir().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }

    private String messageState(String id) throws Exception {
        return new ApiCalls(stations.cn()).get("/api/v1/messages/" + id).json().path("state").asText();
    }

    @Test
    void entriesBreakingAgreeRules_areStoredButVoid_recordedAndAlarmed_andLaterTrafficFlows() throws Exception {
        SignedEntry c1 = station().write(JP, text(Precedence.PRIORITY, "cn-mnd's first message"));
        try (LyingPeer jp = new LyingPeer(stations, cnAddress, Head.EMPTY)) {
            SignedEntry j1 = jpWriter.next(Head.EMPTY, Head.EMPTY, text(Precedence.ROUTINE, "honest first"));
            jp.send(List.of(j1));
            SignedEntry c2 = awaitValue("cn-mnd's receipt of jp-mod seq 1", DEADLINE, () -> receiptCovering(j1.head()),
                    r -> r != null);
            long ownHead = station().store().head(station().ownLog(JP)).seq();

            List<SignedEntry> lies = new ArrayList<>();
            Head head = j1.head();
            for (Body[] b : new Body[][] {
                {ack(c2.head())}, // acknowledges a RECEIPT
                {new Body.Receipt(new Head(1, wrong("receipt")))}, // receipt naming seq 1 with a wrong hash
                {ack(new Head(1, wrong("ack")))}, // acknowledgement of seq 1 with a wrong hash
            }) {
                SignedEntry e = jpWriter.next(head, c2.head(), b[0]);
                lies.add(e);
                head = e.head();
            }
            SignedEntry back = jpWriter.next(head, c1.head(), text(Precedence.ROUTINE, "peerHead went back"));
            SignedEntry beyond = jpWriter.next(back.head(), new Head(999, wrong("999")),
                    text(Precedence.ROUTINE, "claims cn-mnd's seq 999"));
            SignedEntry flash = jpWriter.next(beyond.head(), c2.head(), text(Precedence.FLASH, "FLASH after the lies"));
            lies.add(back);
            lies.add(beyond);
            jp.send(lies);
            jp.send(List.of(flash));

            await("every entry stored and receipted", DEADLINE, () -> receiptCovering(flash.head()) != null);
            List<IntakeFinding> found = station().intake().findings(station().peerLog(JP));
            assertThat(found).extracting(IntakeFinding::rule).containsExactly(AgreeRules.ACK_KIND, AgreeRules.RECEIPT,
                    AgreeRules.ACK, AgreeRules.PEERHEAD_ORDER, AgreeRules.PEERHEAD, AgreeRules.PEERHEAD_ORDER);
            assertThat(found).extracting(IntakeFinding::seq).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(found.get(0).message())
                    .isEqualTo("[A-ACK-KIND] jp-mod seq 2 acknowledges cn-mnd seq " + c2.seq() + ", which is a RECEIPT");
            assertThat(found.get(4).message()).isEqualTo(
                    "[A-PEERHEAD] jp-mod seq 6's peerHead names cn-mnd seq 999, but that log ends at seq " + ownHead);

            // The link stayed up and nothing was refused: every entry is held, as signed.
            assertThat(link().state()).isEqualTo(LinkState.UP);
            assertThat(link().closedForErrors()).isZero();
            assertThat(jp.refused()).isFalse();
            assertThat(station().store().head(station().peerLog(JP))).isEqualTo(flash.head());

            // Void statements change nothing: cn-mnd's message is not acknowledged by the false
            // acknowledgement, and what cn-mnd writes next is not "receipted" by the claim of seq 999.
            assertThat(messageState(CN + "/" + c1.seq())).isEqualTo("RECEIPTED");
            SignedEntry later = station().write(JP, text(Precedence.ROUTINE, "written after the claim of 999"));
            assertThat(messageState(CN + "/" + later.seq())).isEqualTo("SENT");
            // The FLASH after the lies is shown, receipted and alarmed like any FLASH.
            assertThat(messageState(JP + "/" + flash.seq())).isEqualTo("RECEIPTED");
            JsonNode shown = new ApiCalls(stations.cn()).get("/api/v1/messages/" + JP + "/" + flash.seq()).json();
            assertThat(shown.path("findings").get(0).asText()).startsWith("[A-PEERHEAD-ORDER] jp-mod seq 7 says it holds");
            assertThat(alarmTexts(ConsoleAlarm.Kind.FLASH)).containsExactly("FLASH message from jp-mod");

            JsonNode status = statusOfJp();
            assertThat(status.path("voidEntries").asInt()).isEqualTo(6);
            assertThat(status.path("lastVoid").path("rule").asText()).isEqualTo(AgreeRules.PEERHEAD_ORDER);
            assertThat(status.path("lastVoid").path("seq").asLong()).isEqualTo(7);
            assertThat(macmStatus()).contains("    ALARM: 6 entries of jp-mod break an agree rule and are void, last: "
                    + "[A-PEERHEAD-ORDER] jp-mod seq 7 says it holds cn-mnd's log to seq " + c2.seq());
            assertThat(linkPanel()).contains("<dd class=\"error void\" role=\"alert\">6 entries of the peer break an "
                    + "agree rule and change nothing here; last: [A-PEERHEAD-ORDER] jp-mod seq 7 says it holds");
            assertThat(alarmTexts(ConsoleAlarm.Kind.EVIDENCE)).contains("Entry 2 of jp-mod breaks an agree rule and "
                    + "changes nothing here ([A-ACK-KIND] jp-mod seq 2 acknowledges cn-mnd seq " + c2.seq()
                    + ", which is a RECEIPT); kept as evidence");

            // The evidence: cn-mnd's own export verifies on its own and against its copy of jp-mod's
            // log as far as cn-mnd's statements go; the pair fails, naming jp-mod's entry.
            Path ownExport = tmp.resolve("cn-own.jsonl");
            Path peerCopy = tmp.resolve("cn-copy-of-jp.jsonl");
            ExportFile.write(ownExport, station().store().read(station().ownLog(JP), 1, 10_000));
            ExportFile.write(peerCopy, station().store().read(station().peerLog(JP), 1, 10_000));
            KeyRing keys = new KeyRing().add(stations.cn().identity().toString()).add(stations.jp().identity().toString());
            assertThat(ExportVerifier.verify(List.of(ownExport), keys).verified()).isTrue();
            ExportVerifier.Report pair = ExportVerifier.verify(List.of(ownExport, peerCopy), keys);
            assertThat(pair.verified()).isFalse();
            assertThat(pair.lines()).anyMatch(l -> l.startsWith("FAIL cross-check: [A-ACK-KIND] jp-mod seq 2"));
        }
        // Durable: a station opened again still holds every finding.
        cn.close();
        try (Station reopened = Station.open(stations.cn(), Clock.systemUTC())) {
            assertThat(reopened.intake().findings(reopened.peerLog(JP))).hasSize(6);
            assertThat(reopened.intake().report(reopened.peerLog(JP), 7).voidEntries()).isEqualTo(6);
        }
        cn = StationRuntime.start(stations.cn(), Clock.systemUTC(), "test-catalog");
    }

    @Test
    void validlySignedUnreadableEntry_isKeptAsEvidence_holdsThatLog_andThePathStaysUp() throws Exception {
        SigningKey jpKey = KeyFiles.readSigningKey(stations.jp().signingKey());
        SignedEntry j1 = jpWriter.next(Head.EMPTY, Head.EMPTY, text(Precedence.ROUTINE, "readable"));
        // The key is the peer's text, and the refusal that names it reaches the console.
        byte[] garbage = "{\"v\":1,\"<img src=x onerror=alert(1)>\":\"not an entry\"}".getBytes(StandardCharsets.UTF_8);
        RawEntry unreadable = RawEntry.of(garbage, jpKey.sign(garbage));
        SignedEntry j3 = jpWriter.next(new Head(2, EntryHash.of(garbage)), Head.EMPTY,
                text(Precedence.FLASH, "after the unreadable one"));
        RawEntry forged = RawEntry.of("junk".getBytes(StandardCharsets.UTF_8), new byte[64]);
        try (LyingPeer jp = new LyingPeer(stations, cnAddress, Head.EMPTY)) {
            jp.sendRaw(List.of(RawEntry.of(j1), unreadable, RawEntry.of(j3)));
            jp.sendRaw(List.of(forged));
            await("the unreadable entry to be recorded", DEADLINE,
                    () -> !station().intake().findings(station().peerLog(JP)).isEmpty());
            await("every entry counted as refused", DEADLINE, () -> link().refusedEntries() == 3, this::link);
            // The path stays up (a few heartbeats) and nothing is asked again.
            Thread.sleep(1000);
            assertThat(jp.refused()).isFalse();
            assertThat(link().state()).isEqualTo(LinkState.UP);
            assertThat(jp.resends()).isZero();

            assertThat(station().store().head(station().peerLog(JP))).isEqualTo(j1.head());
            IntakeFinding f = station().intake().findings(station().peerLog(JP)).get(0);
            assertThat(f.isUnreadable()).isTrue();
            assertThat(f.unreadable()).hasValue(unreadable);
            assertThat(f.seq()).isEqualTo(2);
            assertThat(f.rule()).startsWith("F-");
            assertThat(f.message()).startsWith("[" + f.rule() + "]").endsWith("(jp-mod's entry after seq 1)");

            JsonNode held = statusOfJp().path("held");
            assertThat(held.path("heldAt").asLong()).isEqualTo(1);
            assertThat(held.path("rule").asText()).isEqualTo(f.rule());
            assertThat(alarmTexts(ConsoleAlarm.Kind.EVIDENCE)).singleElement().asString()
                    .startsWith("Log of jp-mod is held at seq 1: its next entry is signed but cannot be read ([");

            assertThat(macmStatus()).contains("    ALARM: jp-mod's log is held at seq 1: its entry 2 was refused ["
                    + f.rule() + "]");
            assertThat(linkPanel()).contains("<dd class=\"error held\" role=\"alert\">held at seq 1: its entry 2 is "
                    + "signed but cannot be read, [" + f.rule() + "]");
            assertThat(f.message()).contains("<img src=x onerror=alert(1)>");
            assertThat(linkPanel()).as("the peer's markup is shown as text").doesNotContain("<img src=x")
                    .contains("&lt;img src=x onerror=alert(1)&gt;");

            // The other direction is untouched: cn-mnd's messages still reach jp-mod on this path.
            SignedEntry out = station().write(JP, text(Precedence.IMMEDIATE, "cn-mnd still talks"));
            await("cn-mnd's message on the path", DEADLINE, () -> jp.received().stream()
                    .anyMatch(fr -> fr instanceof Frame.Entries e && e.entries().contains(RawEntry.of(out))));
        }
        // After a restart the peer reconnects and resends the same bytes: the hold and the evidence
        // were kept, so nothing new is recorded, nothing stored, and no RESEND asked.
        cn.close();
        cn = StationRuntime.start(stations.cn(), Clock.systemUTC(), "test-catalog");
        cnAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), cn.linkPorts().get(0));
        assertThat(statusOfJp().path("held").path("heldAt").asLong()).isEqualTo(1);
        try (LyingPeer again = new LyingPeer(stations, cnAddress, Head.EMPTY)) {
            again.sendRaw(List.of(RawEntry.of(j1), unreadable, RawEntry.of(j3)));
            await("the resent entries counted", DEADLINE, () -> link().refusedEntries() == 2, this::link);
            Thread.sleep(500);
            assertThat(again.resends()).isZero();
            assertThat(again.refused()).isFalse();
        }
        assertThat(station().intake().findings(station().peerLog(JP))).hasSize(1);
        assertThat(station().store().head(station().peerLog(JP))).isEqualTo(j1.head());
    }

    @Test
    void equivocation_hasItsOwnCountAndAlarm_apartFromBadSignatures() throws Exception {
        SignedEntry j1 = jpWriter.next(Head.EMPTY, Head.EMPTY, text(Precedence.ROUTINE, "first version"));
        SignedEntry other = jpWriter.next(Head.EMPTY, Head.EMPTY, text(Precedence.ROUTINE, "second version of seq 1"));
        try (LyingPeer jp = new LyingPeer(stations, cnAddress, Head.EMPTY)) {
            jp.send(List.of(j1));
            jp.send(List.of(other));
            jp.send(List.of(other)); // the same conflicting entry again is not a second equivocation
            await("the equivocation to be counted", DEADLINE, () -> link().refusedEntries() == 2, this::link);
            JsonNode s = statusOfJp();
            assertThat(s.path("equivocations").asInt()).isEqualTo(1);
            assertThat(s.path("firstEquivocation").path("seq").asLong()).isEqualTo(1);
            assertThat(macmStatus()).contains("    ALARM: jp-mod signed two different entries at one seq: 1 seen, the "
                    + "first at seq 1 (");
            assertThat(alarmTexts(ConsoleAlarm.Kind.EQUIVOCATION))
                    .containsExactly("jp-mod signed two different entries at seq 1: both kept as evidence");
            assertThat(link().state()).isEqualTo(LinkState.UP);
        }
        assertThatThrownBy(() -> LinkCheck.check(List.of(j1), List.of(other))).isInstanceOf(ChainException.class);
    }

    @Test
    void formatRuleIds_comeFromTheReadersRefusal() {
        org.macm.core.log.MalformedEntryException overlong =
                new org.macm.core.log.MalformedEntryException(org.macm.core.log.Rule.F_UTF8, "overlong");
        assertThat(FormatRule.of(overlong)).isEqualTo("F-UTF8");
        assertThat(FormatRule.message("F-UTF8", overlong)).isEqualTo("[F-UTF8] overlong");
        assertThat(FormatRule.of(new org.macm.core.log.MalformedEntryException("no id"))).isEqualTo(FormatRule.UNNAMED);
        assertThat(FormatRule.message("F-ENTRY", new org.macm.core.log.MalformedEntryException("no id")))
                .isEqualTo("[F-ENTRY] no id");
    }
}
