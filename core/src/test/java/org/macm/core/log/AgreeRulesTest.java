package org.macm.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.macm.core.crypto.SigningKey;

/**
 * Each agree rule of docs/PROTOCOL.md §3, applied to one jp-mod entry against cn-mnd's log:
 * the rule id and the refusal message a person reads, and no finding for what is true.
 */
class AgreeRulesTest {
    private static final StationId JP = StationId.of("jp-mod");
    private static final StationId CN = StationId.of("cn-mnd");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private final LogWriter cnWriter = new LogWriter(new LogId(LinkId.between(JP, CN), CN),
            SigningKey.fromSeed(new byte[32]), CLOCK);
    private final LogWriter jpWriter = new LogWriter(new LogId(LinkId.between(JP, CN), JP),
            SigningKey.fromSeed(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                1, 1, 1, 1, 1, 1}), CLOCK);
    private final List<SignedEntry> cn = new ArrayList<>();

    AgreeRulesTest() {
        // cn-mnd seq 1 message, 2 receipt, 3 acknowledgement, 4 link-parameters announcement, 5 link test
        SignedEntry first = cnWriter.next(Head.EMPTY, Head.EMPTY,
                new Body.Message(Precedence.FLASH, new MessageContent.FreeText("en", "one")));
        cn.add(first);
        Head h = first.head();
        for (Body b : List.of(
                new Body.Receipt(new Head(7, hash("jp 7"))),
                new Body.Acknowledgement(new Head(1, hash("x")), "Lt. Li", CLOCK.instant(), Optional.empty()),
                new Body.Message(Precedence.ROUTINE, LinkParameters.DEFAULTS.template()),
                new Body.LinkTest(CLOCK.instant(), true))) {
            SignedEntry e = cnWriter.next(h, Head.EMPTY, b);
            cn.add(e);
            h = e.head();
        }
    }

    private static EntryHash hash(String s) {
        return EntryHash.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private Head cn(int seq) {
        return cn.get(seq - 1).head();
    }

    private List<AgreeRules.Breach> check(Head peerHead, Body body, long previousPeerHead) {
        SignedEntry e = jpWriter.next(new Head(15, hash("jp 15")), peerHead, body);
        return AgreeRules.check(e, previousPeerHead, cn(5),
                seq -> seq >= 1 && seq <= cn.size() ? Optional.of(cn.get((int) seq - 1)) : Optional.empty());
    }

    private static Body ack(Head h) {
        return new Body.Acknowledgement(h, "Lt. Sato", CLOCK.instant(), Optional.empty());
    }

    private static Body message() {
        return new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", "hello"));
    }

    @Test
    void trueStatements_breakNoRule() {
        assertThat(check(cn(5), ack(cn(1)), 5)).isEmpty();
        assertThat(check(cn(5), ack(cn(5)), 0)).isEmpty();
        assertThat(check(cn(3), new Body.Receipt(cn(3)), 2)).isEmpty();
        assertThat(check(Head.EMPTY, message(), 0)).isEmpty();
    }

    @Test
    void ackOfAReceipt_anAck_orAnAnnouncement_isACK_KIND() {
        assertThat(check(cn(5), ack(cn(2)), 5)).singleElement().isEqualTo(new AgreeRules.Breach(AgreeRules.ACK_KIND,
                AgreeRules.Part.REFERENCE, "[A-ACK-KIND] jp-mod seq 16 acknowledges cn-mnd seq 2, which is a RECEIPT"));
        assertThat(check(cn(5), ack(cn(3)), 5)).extracting(AgreeRules.Breach::message)
                .containsExactly("[A-ACK-KIND] jp-mod seq 16 acknowledges cn-mnd seq 3, which is an ACK");
        assertThat(check(cn(5), ack(cn(4)), 5)).extracting(AgreeRules.Breach::message).containsExactly(
                "[A-ACK-KIND] jp-mod seq 16 acknowledges cn-mnd seq 4, which is a link-parameters announcement");
    }

    @Test
    void ackNamingNoEntryOfOurs_orBeyondItsOwnPeerHead_isACK() {
        assertThat(check(cn(5), ack(new Head(1, hash("other"))), 5)).extracting(AgreeRules.Breach::message)
                .singleElement().asString().startsWith("[A-ACK] jp-mod seq 16 acknowledges cn-mnd seq 1 with hash ");
        assertThat(check(cn(5), ack(new Head(9, hash("9"))), 5)).extracting(AgreeRules.Breach::message)
                .containsExactly("[A-ACK] jp-mod seq 16 acknowledges cn-mnd seq 9, but that log ends at seq 5");
        assertThat(check(cn(1), ack(cn(5)), 1)).extracting(AgreeRules.Breach::message)
                .containsExactly("[A-ACK] jp-mod seq 16 acknowledges cn-mnd seq 5, beyond its own peerHead (seq 1)");
    }

    @Test
    void receiptWithAWrongHash_orBeyondItsOwnPeerHead_isRECEIPT() {
        assertThat(check(cn(5), new Body.Receipt(new Head(3, hash("3"))), 5)).extracting(AgreeRules.Breach::rule)
                .containsExactly(AgreeRules.RECEIPT);
        assertThat(check(cn(2), new Body.Receipt(cn(4)), 2)).singleElement().isEqualTo(new AgreeRules.Breach(
                AgreeRules.RECEIPT, AgreeRules.Part.REFERENCE,
                "[A-RECEIPT] jp-mod seq 16 receipts cn-mnd's log to seq 4, beyond its own peerHead (seq 2)"));
    }

    @Test
    void peerHeadBeyondOurLog_withAWrongHash_orGoingBack_voidsThePeerHead() {
        assertThat(check(new Head(999, hash("999")), message(), 0)).singleElement().isEqualTo(new AgreeRules.Breach(
                AgreeRules.PEERHEAD, AgreeRules.Part.PEER_HEAD,
                "[A-PEERHEAD] jp-mod seq 16's peerHead names cn-mnd seq 999, but that log ends at seq 5"));
        assertThat(check(new Head(2, hash("2")), message(), 0)).extracting(AgreeRules.Breach::rule)
                .containsExactly(AgreeRules.PEERHEAD);
        assertThat(check(cn(2), message(), 4)).singleElement().isEqualTo(new AgreeRules.Breach(
                AgreeRules.PEERHEAD_ORDER, AgreeRules.Part.PEER_HEAD,
                "[A-PEERHEAD-ORDER] jp-mod seq 16 says it holds cn-mnd's log to seq 2, after saying seq 4 in its entry before"));
    }
}
