package org.macm.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/** Fixed stations, keys and writers shared by the store tests and the crash child process. */
final class StoreFixtures {
    static final StationId JP = StationId.of("jp-mod");
    static final StationId CN = StationId.of("cn-mnd");
    static final LinkId LINK = LinkId.between(JP, CN);
    static final LogId JP_LOG = new LogId(LINK, JP);
    static final LogId CN_LOG = new LogId(LINK, CN);

    private StoreFixtures() {
    }

    static SigningKey key(int seed) {
        byte[] s = new byte[32];
        s[0] = (byte) seed;
        s[31] = 42;
        return SigningKey.fromSeed(s);
    }

    static LogWriter writer(LogId log, SigningKey key) {
        return new LogWriter(log, key, Clock.systemUTC());
    }

    static LogWriter fixedWriter(LogId log, SigningKey key) {
        return new LogWriter(log, key, Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneOffset.UTC));
    }

    /** {@code n} signed messages of {@code w}'s log, chained from the start, as a peer would send them. */
    static List<SignedEntry> chain(LogWriter w, int n) {
        List<SignedEntry> out = new ArrayList<>(n);
        Head head = Head.EMPTY;
        for (int i = 0; i < n; i++) {
            SignedEntry e = message(w, "entry " + i).next(head).sign();
            out.add(e);
            head = e.head();
        }
        return out;
    }

    static EntryFactory message(LogWriter w, String text) {
        return head -> w.draft(head, Head.EMPTY,
                new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", text)));
    }
}
