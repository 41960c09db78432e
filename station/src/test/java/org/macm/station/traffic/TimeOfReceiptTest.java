package org.macm.station.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.template.Catalog;
import org.macm.testkit.TestClock;

/**
 * docs/PROTOCOL.md §14 on the boards of two stations whose clocks disagree by 73 years: a
 * peer's message is due from when it was stored here until our receipt says when we received
 * it; then both stations give it the same deadline, by the receiver's clock, and keep giving
 * it after a restart (the board seeded again from the store).
 */
class TimeOfReceiptTest {
    private static final Instant JP_TIME = Instant.parse("2099-01-01T00:00:00Z");
    private static final Instant CN_TIME = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path tmp;

    private final TestClock jpClock = TestClock.standingAt(JP_TIME);
    private final TestClock cnClock = TestClock.standingAt(CN_TIME);
    private Station jp;
    private Station cn;

    @BeforeEach
    void twoStationsOnTheirOwnClocks() {
        StationPair s = StationPair.create(tmp);
        jp = Station.open(s.jp(), jpClock);
        cn = Station.open(s.cn(), cnClock);
    }

    @AfterEach
    void close() {
        jp.close();
        cn.close();
    }

    /** A board following {@code station}, told of received entries at its clock's time, as the runtime does. */
    private static MessageBoard board(Station station) {
        MessageBoard board = new MessageBoard(station, Catalog.builtIn());
        station.onWrite(board::record);
        station.onReceive((peer, entries) -> board.received(peer, entries, station.clock().instant()));
        board.follow(StationPair.peerOf(station.id()));
        return board;
    }

    private static Optional<Instant> deadline(List<MessageView> views, long seq) {
        return views.stream().filter(v -> v.seq() == seq).findFirst().orElseThrow().deadline();
    }

    @Test
    void theDeadlineRunsFromTheReceiptWrittenAsTheMessageIsStored_andBothStationsAgree_evenAfterARestart() {
        MessageBoard cnBoard = board(cn);
        MessageBoard jpBoard = board(jp);
        SignedEntry flash = jp.write(CN, new Body.Message(Precedence.FLASH, new MessageContent.FreeText("en", "Now.")));
        assertThat(deadline(jpBoard.sent(CN, JP_TIME), flash.seq())).as("at the author, before any receipt: its own time")
                .contains(JP_TIME.plus(Duration.ofMinutes(5)));

        cnClock.advance(Duration.ofSeconds(30));
        cn.receive(JP, List.of(flash));
        assertThat(cn.store().get(cn.ownLog(JP), 1)).as("receipted in the commit that stored it")
                .hasValueSatisfying(r -> assertThat(r.entry().time()).isEqualTo(CN_TIME.plusSeconds(30)));
        Instant due = CN_TIME.plusSeconds(30).plus(Duration.ofMinutes(5));
        assertThat(deadline(cnBoard.inbox(JP, CN_TIME), flash.seq())).as("from cn-mnd's receipt").contains(due);
        assertThat(cnBoard.overdue(JP, due.minusSeconds(1))).isEmpty();
        assertThat(cnBoard.overdue(JP, due.plusSeconds(1))).extracting(MessageView::id).containsExactly("jp-mod/1");

        jp.receive(CN, cn.store().read(cn.ownLog(JP), 1, 100));
        assertThat(deadline(jpBoard.sent(CN, JP_TIME), flash.seq())).as("jp-mod agrees once it holds the receipt")
                .contains(due);
        assertThat(jpBoard.overdue(CN, JP_TIME)).as("jp-mod's clock is long past it").hasSize(1);

        assertThat(cnBoard.terms(JP).theirEntries().lastFlagged()).as("jp-mod's entry came from the future")
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("jp-mod/1"));
        assertThat(cnBoard.terms(JP).lines()).anyMatch(l -> l.startsWith("CLOCK: jp-mod/1 was written at 2099-01-01T00:00:00Z"
                + " but received here at 2026-11-30T10:00:30Z"));

        MessageBoard restarted = board(cn);
        assertThat(deadline(restarted.inbox(JP, CN_TIME), flash.seq())).as("seeded from the store").contains(due);
        assertThat(restarted.overdue(JP, due.plusSeconds(1))).extracting(MessageView::id).containsExactly("jp-mod/1");
    }

    @Test
    void aPeerMessageNotYetReceipted_isDueFromWhenItWasStored_afterARestartToo() {
        SignedEntry flash = jp.write(CN, new Body.Message(Precedence.FLASH, new MessageContent.FreeText("en", "Now.")));
        cn.receive(JP, List.of(flash));
        cnClock.advance(Duration.ofHours(1));
        MessageBoard seeded = board(cn);
        assertThat(deadline(seeded.inbox(JP, CN_TIME), flash.seq())).as("the store's time, not the entry's nor the restart's")
                .contains(CN_TIME.plus(Duration.ofMinutes(5)));
    }
}
