package org.macm.station.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.StationPair;
import org.macm.station.Station;
import org.macm.template.Catalog;
import org.macm.template.Language;

/**
 * The scheduler escalates from the board's running account, which follows the logs entry by
 * entry; the inbox and sent lists are built from the logs whole. Both must always tell the
 * same story, at every moment before and after the deadlines.
 */
class MessageBoardTest {
    @TempDir
    Path tmp;

    private StationPair.Opened pair;
    private Station jp;
    private Station cn;

    @BeforeEach
    void twoPinnedStations() {
        pair = StationPair.create(tmp).open(Clock.systemUTC());
        jp = pair.jp();
        cn = pair.cn();
    }

    @AfterEach
    void close() {
        pair.close();
    }

    private static Body text(Precedence p, String s) {
        return new Body.Message(p, new MessageContent.FreeText("en", s));
    }

    /** Hands cn-mnd everything jp-mod wrote since last time, and back. */
    private void exchange() {
        cn.receive(JP, jp.store().read(jp.ownLog(CN), cn.store().head(cn.peerLog(JP)).seq() + 1, 10_000));
        jp.receive(CN, cn.store().read(cn.ownLog(JP), jp.store().head(jp.peerLog(CN)).seq() + 1, 10_000));
    }

    private MessageBoard followedBoard() {
        MessageBoard board = new MessageBoard(jp, Catalog.builtIn());
        jp.onWrite(board::record);
        jp.onReceive((peer, entries) -> entries.forEach(e -> board.record(peer, e)));
        board.follow(CN);
        return board;
    }

    private static List<MessageView> overdueFromWholeLogs(MessageBoard board, Instant now) {
        List<MessageView> all = new ArrayList<>(board.sent(CN, now));
        all.addAll(board.inbox(CN, now));
        return all.stream().filter(v -> v.state() == MessageState.OVERDUE).toList();
    }

    /** What {@link MessageBoard#unanswered} must say, counted from the lists (every message here is receipted or SENT). */
    private static MessageBoard.Unanswered countedFromWholeLogs(MessageBoard board, Instant now) {
        List<MessageView> all = new ArrayList<>(board.sent(CN, now));
        all.addAll(board.inbox(CN, now));
        Map<Precedence, Integer> pending = new EnumMap<>(Precedence.class);
        Map<Precedence, Integer> overdue = new EnumMap<>(Precedence.class);
        for (MessageView v : all) {
            if (v.deadline().isPresent() && v.state() != MessageState.ACKNOWLEDGED) {
                pending.merge(v.precedence(), 1, Integer::sum);
            }
            if (v.state() == MessageState.OVERDUE) {
                overdue.merge(v.precedence(), 1, Integer::sum);
            }
        }
        int unreceipted = (int) board.sent(CN, now).stream().filter(v -> v.state() == MessageState.SENT).count();
        return new MessageBoard.Unanswered(pending, overdue, unreceipted);
    }

    @Test
    void unanswered_countsByPrecedence_whatAwaitsAReceiptOrADutyOfficer_asTimePasses() {
        MessageBoard board = followedBoard();
        SignedEntry flash = jp.write(CN, text(Precedence.FLASH, "vessel closing"));
        jp.write(CN, new Body.LinkTest(Instant.now(), false));
        SignedEntry humanTest = jp.write(CN, new Body.LinkTest(Instant.now(), true));
        Instant t = flash.entry().time();
        assertThat(board.unanswered(CN, t)).isEqualTo(new MessageBoard.Unanswered(
                Map.of(Precedence.FLASH, 1, Precedence.ROUTINE, 1), Map.of(), 3));
        exchange();
        assertThat(board.unanswered(CN, t)).as("receipted").isEqualTo(new MessageBoard.Unanswered(
                Map.of(Precedence.FLASH, 1, Precedence.ROUTINE, 1), Map.of(), 0));
        Instant late = t.plus(Duration.ofMinutes(6));
        assertThat(board.unanswered(CN, late)).as("the FLASH past its 5 minutes").isEqualTo(new MessageBoard.Unanswered(
                Map.of(Precedence.FLASH, 1, Precedence.ROUTINE, 1), Map.of(Precedence.FLASH, 1), 0));
        cn.acknowledge(JP, flash.seq(), "Lt Wang", Optional.empty());
        cn.acknowledge(JP, humanTest.seq(), "Lt Wang", Optional.empty());
        exchange();
        assertThat(board.unanswered(CN, late)).as("acknowledged").isEqualTo(new MessageBoard.Unanswered(Map.of(), Map.of(), 0));
    }

    @Test
    void aMessage_isReceipted_AsSoonAsTheSenderHasVerifiedThePeersReceipt_beforeStoringIt() {
        MessageBoard board = followedBoard();
        jp.onVerified(board::verified);
        SignedEntry flash = jp.write(CN, text(Precedence.FLASH, "vessel closing"));
        cn.receive(JP, List.of(flash));
        SignedEntry receipt = cn.store().get(cn.ownLog(JP), 1).orElseThrow();
        Instant now = Instant.now();
        assertThat(board.message(CN, true, flash.seq(), now, Language.EN)).hasValueSatisfying(v ->
                assertThat(v.state()).isEqualTo(MessageState.SENT));
        List<String> atVerification = new ArrayList<>();
        // Registered after the board's listener, so it sees what the board made of the receipt.
        jp.onVerified((peer, entries) -> {
            atVerification.add("stored: " + jp.store().get(jp.peerLog(CN), receipt.seq()).isPresent());
            atVerification.add("API: " + board.message(CN, true, flash.seq(), now, Language.EN).orElseThrow().state());
            atVerification.add("list: " + board.sent(CN, now).get(0).state());
        });
        jp.receive(CN, List.of(receipt));
        assertThat(atVerification).as("docs/PROTOCOL.md §10 step 4: receipted once verified, stored after")
                .containsExactly("stored: false", "API: RECEIPTED", "list: RECEIPTED");
    }

    @Test
    void runningAccount_agreesWithTheWholeLogs_beforeAndAfterEveryDeadline() {
        // Some traffic before the board starts following (it seeds itself from the store) ...
        SignedEntry flash = jp.write(CN, text(Precedence.FLASH, "vessel closing, answer now"));
        jp.write(CN, text(Precedence.ROUTINE, "daily report"));
        cn.write(JP, text(Precedence.IMMEDIATE, "aircraft on a new heading"));
        exchange();
        MessageBoard board = followedBoard();
        // ... and some after, including acknowledgements both ways and link tests.
        SignedEntry priority = jp.write(CN, text(Precedence.PRIORITY, "exercise postponed"));
        jp.write(CN, new Body.LinkTest(Instant.now(), false));
        SignedEntry humanTest = jp.write(CN, new Body.LinkTest(Instant.now(), true));
        SignedEntry cnFlash = cn.write(JP, text(Precedence.FLASH, "please confirm"));
        exchange();
        cn.acknowledge(JP, priority.seq(), "Lt Wang", Optional.empty());
        jp.acknowledge(CN, cnFlash.seq(), "Lt Sato", Optional.of("confirmed"));
        exchange();

        Instant t = flash.entry().time();
        for (Duration later : List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(45),
                Duration.ofHours(4), Duration.ofHours(7))) {
            Instant now = t.plus(later);
            assertThat(board.overdue(CN, now)).as("overdue %s after the first message", later)
                    .containsExactlyInAnyOrderElementsOf(overdueFromWholeLogs(board, now));
            for (MessageView v : board.sent(CN, now)) {
                assertThat(board.message(CN, true, v.seq(), now, Language.EN)).as("%s alone", v.id()).contains(v);
            }
            for (MessageView v : board.inbox(CN, now)) {
                assertThat(board.message(CN, false, v.seq(), now, Language.EN)).as("%s alone", v.id()).contains(v);
            }
            assertThat(board.tests(CN, now)).as("link tests %s after", later)
                    .isEqualTo(board.sent(CN, now).stream().filter(v -> v.kind() == EntryKind.TEST).toList());
            assertThat(board.unanswered(CN, now)).as("the counts the metrics read, %s after", later)
                    .isEqualTo(countedFromWholeLogs(board, now));
        }
        // Seven hours on, all that is unanswered is overdue: the ROUTINE report, the FLASH, the
        // test that asked for a duty officer, and cn-mnd's IMMEDIATE; acknowledged ones are not.
        assertThat(board.overdue(CN, t.plus(Duration.ofHours(7)))).extracting(MessageView::id)
                .containsExactlyInAnyOrder("jp-mod/1", "jp-mod/2", "jp-mod/" + humanTest.seq(), "cn-mnd/1");
    }

    @Test
    void anAcknowledgementThatArrivesLate_takesTheMessageOffTheOverdueList() {
        MessageBoard board = followedBoard();
        SignedEntry flash = jp.write(CN, text(Precedence.FLASH, "vessel closing"));
        exchange();
        Instant late = flash.entry().time().plus(Duration.ofMinutes(6));
        assertThat(board.overdue(CN, late)).extracting(MessageView::id).containsExactly("jp-mod/1");
        cn.acknowledge(JP, flash.seq(), "Lt Wang", Optional.empty());
        exchange();
        assertThat(board.overdue(CN, late)).isEmpty();
        assertThat(board.sent(CN, late)).singleElement().extracting(MessageView::state).isEqualTo(MessageState.ACKNOWLEDGED);
    }

    @Test
    void lastTest_isTheNewestLinkTestWeSent_fromTheLogsAndFromWhatFollows() {
        Instant first = Instant.parse("2026-11-29T01:00:00Z");
        Instant second = Instant.parse("2026-11-29T02:00:00Z");
        jp.write(CN, new Body.LinkTest(first, false));
        cn.write(JP, new Body.LinkTest(Instant.parse("2026-11-29T03:00:00Z"), false)); // theirs: not ours to schedule
        exchange();
        MessageBoard board = followedBoard();
        assertThat(board.lastTest(CN)).as("seeded from the store").contains(first);
        jp.write(CN, text(Precedence.ROUTINE, "not a test"));
        jp.write(CN, new Body.LinkTest(second, true));
        assertThat(board.lastTest(CN)).as("followed as written").contains(second);
    }

    @Test
    void anEntryRecordedTwice_changesNothing() {
        MessageBoard board = followedBoard();
        SignedEntry flash = jp.write(CN, text(Precedence.FLASH, "vessel closing"));
        board.record(CN, flash); // the listener already recorded it once
        assertThat(board.overdue(CN, flash.entry().time().plus(Duration.ofMinutes(6)))).hasSize(1);
    }
}
