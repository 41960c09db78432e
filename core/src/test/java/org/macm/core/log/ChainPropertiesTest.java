package org.macm.core.log;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.macm.core.MacmException;
import org.macm.core.crypto.SigningKey;

/** The chain's two promises: whatever is appended verifies, and no single change goes unnoticed. */
class ChainPropertiesTest {
    private static final SigningKey KEY = TestLogs.key(7);

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<String> texts = Arbitraries.strings().ofMinLength(1).ofMaxLength(200)
                .filter(s -> !s.isBlank());
        Arbitrary<Body> messages = Combinators.combine(Arbitraries.of(Precedence.class), texts,
                Arbitraries.of("en", "ja", "zh-Hans"))
                .as((p, t, l) -> new Body.Message(p, new MessageContent.FreeText(l, t)));
        Arbitrary<Body> tests = Arbitraries.of(true, false)
                .map(h -> new Body.LinkTest(java.time.Instant.parse("2026-11-29T04:00:00Z"), h));
        return Arbitraries.oneOf(messages, tests);
    }

    private static List<SignedEntry> build(List<Body> bodies) {
        LogWriter w = TestLogs.writer(TestLogs.JP_LOG, KEY);
        List<SignedEntry> out = new ArrayList<>();
        Head head = Head.EMPTY;
        for (Body b : bodies) {
            SignedEntry e = w.next(head, Head.EMPTY, b);
            out.add(e);
            head = e.head();
        }
        return out;
    }

    private static void verify(List<SignedEntry> log) {
        LogVerifier v = new LogVerifier(TestLogs.JP_LOG, KEY.verifyingKey());
        log.forEach(v::append);
    }

    @Property(tries = 100)
    void anySequenceOfAppends_verifies(@ForAll @Size(min = 1, max = 20) List<@net.jqwik.api.From("bodies") Body> bodies) {
        verify(build(bodies));
    }

    @Property(tries = 300)
    void anySingleByteFlip_failsVerification(
            @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.From("bodies") Body> bodies,
            @ForAll @IntRange(min = 0, max = 1_000_000) int where,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        List<SignedEntry> log = build(bodies);
        int index = where % log.size();
        SignedEntry victim = log.get(index);
        byte[] bytes = victim.bytes();
        byte[] sig = victim.signature();
        int position = (where / log.size()) % (bytes.length + sig.length);
        if (position < bytes.length) {
            bytes[position] ^= (byte) mask;
        } else {
            sig[position - bytes.length] ^= (byte) mask;
        }
        assertThatThrownBy(() -> {
            List<SignedEntry> mutated = new ArrayList<>(log);
            mutated.set(index, SignedEntry.parse(bytes, sig));
            verify(mutated);
        }).isInstanceOf(MacmException.class);
    }

    @Property(tries = 200)
    void anyDropDuplicateOrSwap_failsVerification(
            @ForAll @Size(min = 2, max = 10) List<@net.jqwik.api.From("bodies") Body> bodies,
            @ForAll @IntRange(min = 0, max = 2) int mutation,
            @ForAll @IntRange(min = 0, max = 1000) int where) {
        List<SignedEntry> log = new ArrayList<>(build(bodies));
        int i = where % (log.size() - 1);
        switch (mutation) {
            case 0 -> log.remove(i);
            case 1 -> log.add(i + 1, log.get(i));
            default -> {
                SignedEntry a = log.get(i);
                log.set(i, log.get(i + 1));
                log.set(i + 1, a);
            }
        }
        assertThatThrownBy(() -> verify(log)).isInstanceOf(ChainException.class);
    }
}
