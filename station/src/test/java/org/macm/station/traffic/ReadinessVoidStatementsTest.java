package org.macm.station.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * What the console's readiness page reads from a station's own store, which may hold a peer's
 * void statements (docs/PROTOCOL.md §10 step 3): a peerHead or acknowledgement that is not true
 * of our log answers nothing there either, so a lying peer cannot make our FLASH look answered.
 */
class ReadinessVoidStatementsTest {
    private static final StationId JP = StationId.of("jp-mod");
    private static final StationId CN = StationId.of("cn-mnd");
    private static final LinkId LINK = LinkId.between(JP, CN);
    private static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    private static LogWriter writer(StationId author, Instant at) {
        return new LogWriter(new LogId(LINK, author), SigningKey.generate(new SecureRandom()), Clock.fixed(at, ZoneOffset.UTC));
    }

    private static Readiness.Flow jpFlash(List<SignedEntry> jp, List<SignedEntry> cn) {
        return Readiness.compute(LINK, jp, cn, Optional.empty()).from(JP).precedences().get(0);
    }

    @Test
    void anAcknowledgementNamingOurMessageWithAnotherHash_answersNothing_whileATrueOneCounts() {
        SignedEntry flash = writer(JP, T0).next(Head.EMPTY, Head.EMPTY,
                new Body.Message(Precedence.FLASH, new MessageContent.FreeText("en", "state your intentions")));
        Head wrong = new Head(1, EntryHash.of(new byte[] {1}));
        Instant later = T0.plus(Duration.ofMinutes(1));
        LogWriter cn = writer(CN, later);

        SignedEntry lie = cn.next(Head.EMPTY, wrong,
                new Body.Acknowledgement(wrong, "Lt Wang", later, Optional.empty()));
        Readiness.Flow lied = jpFlash(List.of(flash), List.of(lie));
        assertThat(lied.messages()).isEqualTo(1);
        assertThat(lied.toReceipt().count()).as("a peerHead with another hash is no receipt").isZero();
        assertThat(lied.toAck().count()).as("nor is the acknowledgement").isZero();

        SignedEntry truth = cn.next(Head.EMPTY, flash.head(),
                new Body.Acknowledgement(flash.head(), "Lt Wang", later, Optional.empty()));
        Readiness.Flow answered = jpFlash(List.of(flash), List.of(truth));
        assertThat(answered.toReceipt().count()).isEqualTo(1);
        assertThat(answered.toAck().count()).isEqualTo(1);
        assertThat(answered.toAck().max()).contains(Duration.ZERO);
    }
}
