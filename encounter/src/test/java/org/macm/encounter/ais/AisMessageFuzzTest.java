package org.macm.encounter.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;

/**
 * Fuzzing the message layer of every AIS type with well-formed sentences around random bits:
 * any type, any length from nothing to five sentences' worth, any bit pattern (header flags,
 * entry counts, positions off the globe). Whatever the bits, the decoder returns a result,
 * never throws, and counts the message once: decoded as the type it names, or rejected.
 */
class AisMessageFuzzTest {
    private static final List<Integer> NEW_TYPES = List.of(6, 7, 8, 10, 13, 15, 16, 17, 20, 22, 23, 25, 26);

    /** A message of {@code type} whose bits after the type field are {@code body} ('0' and '1'). */
    record Message(int type, String body) {
        static Message of(int type, long[] words, int bits) {
            StringBuilder body = new StringBuilder();
            for (int i = 6; i < bits; i++) {
                body.append((words[i / 64] >>> (63 - i % 64)) & 1);
            }
            return new Message(type, body.toString());
        }

        String sentence() {
            Nmea n = new Nmea().put(type, 6);
            for (int i = 0; i < body.length(); i++) {
                n.put(body.charAt(i) - '0', 1);
            }
            return n.sentence();
        }
    }

    @Property(tries = 4000)
    void anyBitsOfAnyNewType_decodeAsThatTypeOrAreCountedAsRejected(@ForAll("newTypeMessages") Message m) {
        AisDecoder decoder = new AisDecoder();
        DecodeResult<AisReport> r = decoder.accept(m.sentence());
        if (r instanceof DecodeResult.Decoded<AisReport>(AisReport report)) {
            assertThat(report.message().messageType()).isEqualTo(m.type());
        } else {
            assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        }
        DecodeStats.Snapshot s = decoder.stats().snapshot();
        assertThat(s.decoded() + s.rejectedTotal()).isEqualTo(1);
    }

    @Property(tries = 1000)
    void anyBitsOfAnyType_neverThrow(@ForAll("anyTypeMessages") Message m) {
        AisDecoder decoder = new AisDecoder();
        assertThat(decoder.accept(m.sentence())).isNotNull();
        assertThat(decoder.stats().snapshot().lines()).isEqualTo(1);
    }

    @Provide
    Arbitrary<Message> newTypeMessages() {
        return messages(Arbitraries.of(NEW_TYPES));
    }

    @Provide
    Arbitrary<Message> anyTypeMessages() {
        return messages(Arbitraries.integers().between(0, 63));
    }

    /** A type, 16 random words and a length biased to the layouts' edges (0..1008 bits). */
    private static Arbitrary<Message> messages(Arbitrary<Integer> types) {
        Arbitrary<long[]> words = Arbitraries.longs().array(long[].class).ofSize(16);
        Arbitrary<Integer> edges = Arbitraries.of(38, 40, 56, 60, 70, 72, 76, 80, 88, 90, 92, 96, 104, 106, 108, 110,
                112, 136, 144, 145, 154, 158, 160, 168, 1004, 1008);
        Arbitrary<Integer> near = Combinators.combine(edges, Arbitraries.integers().between(-3, 3)).as((e, d) -> e + d);
        Arbitrary<Integer> bits = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, near), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(6, 1008)));
        return Combinators.combine(types, words, bits).as(Message::of);
    }
}
