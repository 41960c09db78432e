package org.macm.encounter.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.RejectReason;
import org.macm.testkit.BeastRecords;

/**
 * Fuzzing the Mode S input paths: AVR lines (real ones edited, cut, or random) and Beast
 * byte streams (real records with bytes flipped, inserted or dropped, and random bytes).
 * Whatever comes in, nothing is thrown, every line or frame is counted exactly once, a frame
 * whose CRC fails is never decoded, and decoded messages feed the track adapter safely.
 */
class ModeSFuzzTest {
    private static final List<String> AVR_SEEDS = List.of(
            "*8D4840D6202CC371C32CE0576098;",
            "@0001A2B3C4D58D40621D58C382D690C8AC2863A7;",
            "*8D40621D58C386435CC412692AD6;",
            "*8D485020994409940838175B284F;",
            "*8DA05F219B06B6AF189400CBC33F;",
            "*8C4841753AAB238733C8CD4020B1;",
            "*20001838CA3804;",
            "*2A00516D492B80;",
            "*5D484FDEA248F5;",
            "*A8000D9FA55A032DBFFC000D8123;",
            "*7700;");

    @Property(tries = 3000)
    void avr_anyLineSequence_neverThrows_countsEachLineOnce(@ForAll("avrSequences") List<String> lines) {
        ModeSDecoder decoder = new ModeSDecoder();
        ModeSTrackAdapter adapter = new ModeSTrackAdapter(Duration.ofSeconds(10), Optional.of(new GeoPoint(52, 4)));
        Instant t = Instant.parse("2026-11-30T00:00:00Z");
        for (String line : lines) {
            DecodeResult<ModeSMessage> r = decoder.accept(line);
            assertThat(r).isNotNull();
            if (r instanceof DecodeResult.Decoded<ModeSMessage> d) {
                adapter.adapt(d.value(), t);
            }
            t = t.plusMillis(500);
        }
        DecodeStats.Snapshot s = decoder.stats().snapshot();
        assertThat(s.lines()).isEqualTo(lines.size());
        assertThat(s.decoded() + s.rejectedTotal()).isEqualTo(lines.size());
    }

    @Property(tries = 1000)
    void avr_aFlippedBitInAnExtendedSquitterIsAlwaysCaughtByTheCrc(@ForAll("bitPositions") int bit) {
        String hex = "8D4840D6202CC371C32CE0576098";
        byte[] b = HexFormat.of().parseHex(hex);
        b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        ModeSDecoder decoder = new ModeSDecoder();
        DecodeResult<ModeSMessage> r = decoder.accept("*" + HexFormat.of().formatHex(b) + ";");
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        RejectReason reason = ((DecodeResult.Rejected<ModeSMessage>) r).reason();
        // A flip in the first five bits changes the format (and so the length it needs) before any CRC.
        assertThat(reason).isIn(RejectReason.BAD_CRC, RejectReason.SHORT_MESSAGE, RejectReason.UNSUPPORTED_TYPE);
        if (bit >= 5) {
            assertThat(reason).isEqualTo(RejectReason.BAD_CRC);
        }
    }

    @Property(tries = 2000)
    void beast_anyBytesInAnyChunks_neverThrow_andEveryFrameIsDecodedOrCounted(
            @ForAll("beastStreams") byte[] stream, @ForAll("chunkSizes") int chunk) {
        BeastFramer framer = new BeastFramer();
        ModeSDecoder decoder = new ModeSDecoder();
        long[] frames = new long[1];
        for (int at = 0; at < stream.length; at += chunk) {
            framer.accept(stream, at, Math.min(chunk, stream.length - at), f -> {
                frames[0]++;
                assertThat(decoder.accept(f)).isNotNull();
            });
        }
        BeastFramer.Counts c = framer.counts();
        assertThat(c.frames()).isEqualTo(frames[0]);
        DecodeStats.Snapshot s = decoder.stats().snapshot();
        assertThat(s.lines()).isEqualTo(frames[0]);
        assertThat(s.decoded() + s.rejectedTotal()).isEqualTo(frames[0]);
        assertThat(c.skippedBytes()).isBetween(0L, (long) stream.length);
    }

    @Provide
    Arbitrary<Integer> bitPositions() {
        return Arbitraries.integers().between(0, 111);
    }

    @Provide
    Arbitrary<Integer> chunkSizes() {
        return Arbitraries.integers().between(1, 64);
    }

    @Provide
    Arbitrary<List<String>> avrSequences() {
        Arbitrary<String> seed = Arbitraries.of(AVR_SEEDS);
        Arbitrary<Character> symbol = Arbitraries.of("*@;0123456789ABCDEFabcdefGx \r".chars().mapToObj(c -> (char) c).toList());
        Arbitrary<String> edited = Combinators.combine(seed, Arbitraries.integers().between(0, 45), symbol,
                        Arbitraries.integers().between(0, 2))
                .as((s, at, c, op) -> {
                    int i = Math.min(at, s.length());
                    return switch (op) {
                        case 0 -> s.substring(0, i) + c + s.substring(Math.min(i + 1, s.length()));
                        case 1 -> s.substring(0, i) + c + s.substring(i);
                        default -> s.substring(0, i);
                    };
                });
        Arbitrary<String> random = Arbitraries.strings().withChars("*@;0123456789ABCDEF").ofMaxLength(70);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(60);
        return Arbitraries.frequencyOf(Tuple.of(3, seed), Tuple.of(6, edited), Tuple.of(2, random), Tuple.of(1, unicode))
                .list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<byte[]> beastStreams() {
        List<byte[]> records = AVR_SEEDS.stream()
                .map(s -> ((DecodeResult.Decoded<ModeSFrame>) AvrFormat.parse(s)).value())
                .map(f -> BeastRecords.frame(f.bytes(), 0x1A00_0000_1A1AL, 0x1a))
                .toList();
        Arbitrary<byte[]> clean = Arbitraries.of(records).list().ofMinSize(1).ofMaxSize(8).map(ModeSFuzzTest::concat);
        Arbitrary<byte[]> damaged = Combinators.combine(clean, Arbitraries.integers().between(0, 400),
                        Arbitraries.bytes(), Arbitraries.integers().between(0, 2))
                .as((b, at, v, op) -> {
                    int i = Math.min(at, b.length);
                    byte[] ins = {v};
                    return switch (op) {
                        case 0 -> i < b.length ? flip(b, i, v) : b;
                        case 1 -> concat(List.of(java.util.Arrays.copyOf(b, i), ins, java.util.Arrays.copyOfRange(b, i, b.length)));
                        default -> java.util.Arrays.copyOf(b, i);
                    };
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> escapes = Arbitraries.of((byte) 0x1a, (byte) '1', (byte) '2', (byte) '3', (byte) 0x8D, (byte) 0)
                .array(byte[].class).ofMaxSize(200);
        return Arbitraries.frequencyOf(Tuple.of(2, clean), Tuple.of(6, damaged), Tuple.of(1, random), Tuple.of(1, escapes));
    }

    private static byte[] flip(byte[] b, int i, byte v) {
        byte[] c = b.clone();
        c[i] ^= v == 0 ? 1 : v;
        return c;
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
