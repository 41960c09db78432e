package org.macm.core.log;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.macm.core.crypto.SigningKey;

/** Builds small signed logs for tests, with a fixed key and clock so failures are repeatable. */
final class TestLogs {
    static final StationId JP = StationId.of("jp-mod");
    static final StationId CN = StationId.of("cn-mnd");
    static final LinkId LINK = LinkId.between(JP, CN);
    static final LogId JP_LOG = new LogId(LINK, JP);
    static final LogId CN_LOG = new LogId(LINK, CN);

    private TestLogs() {
    }

    static SigningKey key(int seed) {
        byte[] s = new byte[32];
        s[0] = (byte) seed;
        return SigningKey.fromSeed(s);
    }

    static SigningKey randomKey() {
        return SigningKey.generate(new SecureRandom());
    }

    static LogWriter writer(LogId log, SigningKey key) {
        return new LogWriter(log, key, Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneOffset.UTC));
    }

    static Body.Message text(String s) {
        return new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", s));
    }

    static List<SignedEntry> log(LogWriter w, int n) {
        List<SignedEntry> out = new ArrayList<>();
        Head head = Head.EMPTY;
        for (int i = 0; i < n; i++) {
            SignedEntry e = w.next(head, Head.EMPTY, text("message " + (i + 1)));
            out.add(e);
            head = e.head();
        }
        return out;
    }
}
