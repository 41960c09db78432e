package org.macm.station;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.store.LogStore;

/**
 * Keeps, per peer, what this station's receipts have covered and whether one is owed. A
 * receipt is owed once anything but receipts arrives: receipts are not receipted in turn, or
 * two stations would answer each other for ever (the next entry's peerHead says a receipt
 * arrived). Each peer's account is read from the logs once and then kept; it is touched only
 * under that peer's intake lock (see {@link Station}), so it needs no lock of its own.
 */
final class ReceiptsOwed {
    private static final int WINDOW = 64;

    private final LogStore store;
    private final Map<StationId, Account> accounts = new ConcurrentHashMap<>();

    ReceiptsOwed(LogStore store) {
        this.store = store;
    }

    /** One peer's account: how far the last receipt covered, how far its log was looked at, whether a receipt is owed. */
    static final class Account {
        private long covered;
        private long checked;
        private boolean owed;

        /** Whether a receipt covering {@code after} is owed once {@code batch} is stored up to it. */
        boolean owedAfter(List<SignedEntry> batch, Head after) {
            boolean o = owed;
            for (SignedEntry e : batch) {
                o |= e.seq() > checked && e.seq() <= after.seq() && e.entry().kind() != EntryKind.RECEIPT;
            }
            return o && after.seq() > covered;
        }

        /** The batch is stored up to {@code after}; {@code receipted} says whether a receipt covering it was stored with it. */
        void stored(List<SignedEntry> batch, Head after, boolean receipted) {
            boolean o = owedAfter(batch, after);
            checked = Math.max(checked, after.seq());
            if (receipted) {
                covered = after.seq();
                owed = false;
            } else {
                owed = o;
            }
        }

        /** Whether a receipt covering {@code held} is owed, having looked at what arrived since the last look. */
        boolean owedUpTo(LogStore store, LogId peerLog, Head held) {
            for (long from = checked + 1; from <= held.seq(); from += WINDOW) {
                int n = (int) Math.min(WINDOW, held.seq() - from + 1);
                for (SignedEntry e : store.read(peerLog, from, n)) {
                    owed |= e.entry().kind() != EntryKind.RECEIPT;
                }
            }
            checked = Math.max(checked, held.seq());
            return owed && held.seq() > covered;
        }

        void receipted(Head upTo) {
            covered = Math.max(covered, upTo.seq());
            owed = false;
        }
    }

    /** The account with {@code peer}: read from the logs the first time (the newest receipt, and what came after it). */
    Account account(StationId peer, LogId ownLog, LogId peerLog) {
        return accounts.computeIfAbsent(peer, p -> {
            Account a = new Account();
            a.covered = lastReceipted(ownLog);
            a.checked = a.covered;
            a.owedUpTo(store, peerLog, store.head(peerLog));
            return a;
        });
    }

    private long lastReceipted(LogId ownLog) {
        // Receipts are frequent, so the newest is near the head: read backwards in windows.
        for (long to = store.head(ownLog).seq(); to >= 1; to -= WINDOW) {
            long from = Math.max(1, to - WINDOW + 1);
            long receipted = 0;
            for (SignedEntry e : store.read(ownLog, from, (int) (to - from + 1))) {
                if (e.entry().body() instanceof Body.Receipt r) {
                    receipted = Math.max(receipted, r.upTo().seq());
                }
            }
            if (receipted > 0) {
                return receipted;
            }
        }
        return 0;
    }
}
