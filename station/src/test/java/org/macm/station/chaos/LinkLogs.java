package org.macm.station.chaos;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.macm.core.crypto.VerifyingKey;
import org.macm.core.log.Body;
import org.macm.core.log.LogId;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.MessageContent;
import org.macm.core.log.SignedEntry;
import org.macm.store.Equivocation;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;

/**
 * Both logs of the jp-mod/cn-mnd link as each station holds them, read from the stores after
 * both stations have stopped: each station's own log, its copy of the peer's, and the
 * equivocation evidence it recorded.
 */
record LinkLogs(List<SignedEntry> jpOwn, List<SignedEntry> jpCopyOfCn, List<SignedEntry> cnOwn,
        List<SignedEntry> cnCopyOfJp, List<Equivocation> equivocationsAtJp, List<Equivocation> equivocationsAtCn,
        VerifyingKey jpKey, VerifyingKey cnKey) {

    static LinkLogs read(StationLayout jpDir, StationLayout cnDir) {
        try (Station jp = Station.open(jpDir, Clock.systemUTC()); Station cn = Station.open(cnDir, Clock.systemUTC())) {
            return new LinkLogs(all(jp, jp.ownLog(StationPair.CN)), all(jp, jp.peerLog(StationPair.CN)),
                    all(cn, cn.ownLog(StationPair.JP)), all(cn, cn.peerLog(StationPair.JP)),
                    jp.store().equivocations(jp.peerLog(StationPair.CN)),
                    cn.store().equivocations(cn.peerLog(StationPair.JP)),
                    jp.identity().signingKey(), cn.identity().signingKey());
        }
    }

    private static List<SignedEntry> all(Station s, LogId log) {
        return s.store().read(log, 1, Integer.MAX_VALUE);
    }

    /** Checks signatures, seq continuity and the hash chain of {@code entries}; throws at the first fault. */
    static void verify(List<SignedEntry> entries, VerifyingKey author) {
        if (entries.isEmpty()) {
            throw new AssertionError("the log is empty");
        }
        LogVerifier verifier = new LogVerifier(entries.get(0).log(), author);
        entries.forEach(verifier::append);
    }

    /** The texts of the free-text messages in {@code log}, in log order. */
    static List<String> messageTexts(List<SignedEntry> log) {
        List<String> texts = new ArrayList<>();
        for (SignedEntry e : log) {
            if (e.entry().body() instanceof Body.Message m && m.content() instanceof MessageContent.FreeText t) {
                texts.add(t.text());
            }
        }
        return texts;
    }

    /** Texts that occur more than once, with their counts: empty when every text is there once. */
    static Map<String, Integer> repeated(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        texts.forEach(t -> counts.merge(t, 1, Integer::sum));
        counts.values().removeIf(n -> n == 1);
        return counts;
    }
}
