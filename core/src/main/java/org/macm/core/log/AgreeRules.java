package org.macm.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The agree rules of docs/PROTOCOL.md §7, one entry at a time: what an entry says about the
 * other log of its link (its {@code peerHead}, a receipt's {@code upTo}, an acknowledgement's
 * {@code message}) must be true of that log. The one implementation of these rules: a
 * station's intake applies it to each peer entry as it arrives against its own log (so a false
 * statement is voided and alarmed the moment it is made), and {@link LinkCheck}, behind
 * {@code macm verify}, to every entry of two exports.
 */
public final class AgreeRules {
    /** A non-empty peerHead names an entry of our log with that hash. */
    public static final String PEERHEAD = Rule.A_PEERHEAD.id();
    /** peerHead.seq never decreases along a log. */
    public static final String PEERHEAD_ORDER = Rule.A_PEERHEAD_ORDER.id();
    /** A receipt's upTo names an entry of our log with that hash, no further than the entry's own peerHead. */
    public static final String RECEIPT = Rule.A_RECEIPT.id();
    /** An acknowledgement's message names an entry of our log with that hash, no further than the entry's own peerHead. */
    public static final String ACK = Rule.A_ACK.id();
    /** An acknowledgement names a MESSAGE or TEST, never a receipt, an acknowledgement or a link-parameters announcement. */
    public static final String ACK_KIND = Rule.A_ACK_KIND.id();

    /** Which statement of an entry a broken rule makes void. */
    public enum Part {
        /** The entry's peerHead: not believed as a statement of how much of our log the peer holds. */
        PEER_HEAD,
        /** A receipt's upTo or an acknowledgement's message: receipts nothing, acknowledges nothing. */
        REFERENCE
    }

    /** One rule an entry breaks: its id, the statement it voids, and the refusal message ({@code [RULE] …}). */
    public record Breach(String rule, Part part, String message) {
    }

    private AgreeRules() {
    }

    /** The statement of an entry that breaking {@code rule} voids. */
    public static Part partOf(String rule) {
        return rule.equals(PEERHEAD) || rule.equals(PEERHEAD_ORDER) ? Part.PEER_HEAD : Part.REFERENCE;
    }

    /**
     * The agree rules {@code e} (an entry of the peer's log) breaks against this station's own
     * log, given the peerHead seq of the entry before it in the peer's log (0 for the first),
     * the head of our log and a way to read one of its entries. Empty when it breaks none.
     */
    public static List<Breach> check(SignedEntry e, long previousPeerHead, Head ownHead,
            LongFunction<Optional<SignedEntry>> own) {
        List<Breach> out = new ArrayList<>(1);
        String who = e.log().author() + " seq " + e.seq();
        String ours = e.log().opposite().author().toString();
        Head peerHead = e.entry().peerHead();
        if (peerHead.seq() < previousPeerHead) {
            out.add(breach(PEERHEAD_ORDER, who + " says it holds " + ours + "'s log to seq " + peerHead.seq()
                    + ", after saying seq " + previousPeerHead + " in its entry before"));
        }
        if (!peerHead.isEmpty()) {
            names(peerHead, ownHead, own, ours).ifPresent(why -> out.add(breach(PEERHEAD, who + "'s peerHead names " + why)));
        }
        switch (e.entry().body()) {
            case Body.Receipt r -> {
                Head upTo = r.upTo();
                // A receipt of seq 0 covers nothing: true of any log, and nothing to void.
                if (!upTo.isEmpty()) {
                    Optional<String> wrong = names(upTo, ownHead, own, ours);
                    if (wrong.isPresent()) {
                        out.add(breach(RECEIPT, who + " receipts " + wrong.get()));
                    } else if (upTo.seq() > peerHead.seq()) {
                        out.add(breach(RECEIPT, who + " receipts " + ours + "'s log to seq " + upTo.seq()
                                + ", beyond its own peerHead (seq " + peerHead.seq() + ")"));
                    }
                }
            }
            case Body.Acknowledgement a -> {
                Head message = a.message();
                Optional<String> wrong = message.isEmpty() ? Optional.of("seq 0, which is no entry")
                        : names(message, ownHead, own, ours);
                if (wrong.isPresent()) {
                    out.add(breach(ACK, who + " acknowledges " + wrong.get()));
                } else if (message.seq() > peerHead.seq()) {
                    out.add(breach(ACK, who + " acknowledges " + ours + " seq " + message.seq()
                            + ", beyond its own peerHead (seq " + peerHead.seq() + ")"));
                } else {
                    SignedEntry acked = own.apply(message.seq()).orElseThrow();
                    EntryKind kind = acked.entry().kind();
                    if (kind != EntryKind.MESSAGE && kind != EntryKind.TEST) {
                        out.add(breach(ACK_KIND, who + " acknowledges " + ours + " seq " + message.seq()
                                + ", which is " + (kind == EntryKind.ACK ? "an " : "a ") + kind));
                    } else if (LinkParameters.isAnnouncement(acked.entry())) {
                        out.add(breach(ACK_KIND, who + " acknowledges " + ours + " seq " + message.seq()
                                + ", which is a link-parameters announcement"));
                    }
                }
            }
            case Body.Message m -> {
                // A message names nothing of our log but its peerHead, checked above.
            }
            case Body.LinkTest t -> {
                // Nor does a link test.
            }
        }
        return out;
    }

    /** Why {@code target} does not name an entry of our log, or empty when it does. */
    private static Optional<String> names(Head target, Head ownHead, LongFunction<Optional<SignedEntry>> own,
            String ours) {
        if (target.seq() > ownHead.seq()) {
            return Optional.of(ours + " seq " + target.seq() + ", but that log ends at seq " + ownHead.seq());
        }
        SignedEntry found = own.apply(target.seq()).orElseThrow(() -> new IllegalStateException(
                ours + "'s log has no entry at seq " + target.seq() + " below its head " + ownHead.seq()));
        if (!found.hash().equals(target.hash())) {
            return Optional.of(ours + " seq " + target.seq() + " with hash " + target.hash().shortHex()
                    + ", but that entry's hash is " + found.hash().shortHex());
        }
        return Optional.empty();
    }

    private static Breach breach(String rule, String text) {
        return new Breach(rule, partOf(rule), "[" + rule + "] " + text);
    }
}
