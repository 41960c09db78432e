package org.macm.core.log;

import java.util.Objects;
import org.macm.core.crypto.SignatureException;
import org.macm.core.crypto.VerifyingKey;

/**
 * Checks a log entry by entry, in order: the log it claims to belong to (C-LOG), the author's
 * signature over the exact bytes (C-SIGNATURE), seq continuity (C-SEQ) and the hash chain
 * (C-PREV), the chain rules of docs/PROTOCOL.md §7. {@link #append} returns
 * nothing and throws {@link ChainException} naming the entry at the first fault; a verifier
 * that has thrown is not used again.
 *
 * <p>It starts from the empty log, or from a head the caller already trusts (a station
 * continuing from what it has stored).
 */
public final class LogVerifier {
    private final LogId log;
    private final VerifyingKey key;
    private Head head;

    public LogVerifier(LogId log, VerifyingKey key) {
        this(log, key, Head.EMPTY);
    }

    public LogVerifier(LogId log, VerifyingKey key, Head trustedHead) {
        this.log = Objects.requireNonNull(log, "log");
        this.key = Objects.requireNonNull(key, "key");
        this.head = Objects.requireNonNull(trustedHead, "trustedHead");
    }

    public void append(SignedEntry e) {
        long seq = e.seq();
        if (!e.log().equals(log)) {
            throw new ChainException(Rule.C_LOG, seq, "entry seq " + seq + " belongs to log " + e.log() + ", not to " + log);
        }
        try {
            e.verify(key);
        } catch (SignatureException ex) {
            throw new ChainException(Rule.C_SIGNATURE, seq, "entry seq " + seq + ": " + ex.getMessage()
                    + " (the bytes were altered, or another key signed them)", ex);
        }
        long expected = head.seq() + 1;
        if (seq < expected) {
            throw new ChainException(Rule.C_SEQ, seq, "entry seq " + seq + " appears again after seq " + head.seq()
                    + " (duplicated or out of order)");
        }
        if (seq > expected) {
            throw new ChainException(Rule.C_SEQ, seq, "entry seq " + seq + " follows seq " + head.seq() + ": "
                    + (seq - expected == 1 ? "entry " + expected + " is" : "entries " + expected + ".." + (seq - 1) + " are")
                    + " missing");
        }
        if (!e.entry().prev().equals(head.hash()) && seq == 1) {
            throw new ChainException(Rule.C_PREV, seq, "entry seq 1: its prev hash " + e.entry().prev().shortHex()
                    + " is not 64 zeros, which the first entry of a log names: the chain is broken");
        }
        if (!e.entry().prev().equals(head.hash())) {
            throw new ChainException(Rule.C_PREV, seq, "entry seq " + seq + ": its prev hash " + e.entry().prev().shortHex()
                    + " does not match entry " + head.seq() + " (" + head.hash().shortHex() + "): the chain is broken");
        }
        head = e.head();
    }

    public Head head() {
        return head;
    }

    public LogId log() {
        return log;
    }
}
