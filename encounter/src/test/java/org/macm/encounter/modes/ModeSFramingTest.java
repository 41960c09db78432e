package org.macm.encounter.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.RejectReason;
import org.macm.testkit.BeastRecords;

/** AVR lines and the Beast byte stream: what becomes a frame, and what is counted and why. */
class ModeSFramingTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void avr_plainAndMlatLinesGiveTheFrameAndTheTimestamp() {
        DecodeResult<ModeSFrame> plain = AvrFormat.parse("*8D4840D6202CC371C32CE0576098;");
        DecodeResult<ModeSFrame> mlat = AvrFormat.parse("  @0001A2B3C4D58d4840d6202cc371c32ce0576098;\r\n");
        ModeSFrame p = ((DecodeResult.Decoded<ModeSFrame>) plain).value();
        ModeSFrame m = ((DecodeResult.Decoded<ModeSFrame>) mlat).value();
        assertThat(p.hex()).isEqualTo("8D4840D6202CC371C32CE0576098");
        assertThat(p.timestamp()).isEmpty();
        assertThat(m.hex()).isEqualTo(p.hex());
        assertThat(m.timestamp()).isEqualTo(OptionalLong.of(0x0001A2B3C4D5L));
        assertThat(m).hasToString("@0001A2B3C4D58D4840D6202CC371C32CE0576098;");
        assertThat(((DecodeResult.Decoded<ModeSFrame>) AvrFormat.parse("*7700;")).value().isModeAc()).isTrue();
    }

    @Test
    void avr_badLinesAreRejectedWithTheReasonAPersonNeeds() {
        assertThat(reason("")).isEqualTo(RejectReason.EMPTY);
        assertThat(reason("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A")).isEqualTo(RejectReason.NOT_NMEA);
        assertThat(reason("*8D4840D6202CC371C32CE0576098")).isEqualTo(RejectReason.TRUNCATED);
        assertThat(reason("@0001A2;")).isEqualTo(RejectReason.TRUNCATED);
        assertThat(reason("*8D4840D6202CC371C32CE05760;")).isEqualTo(RejectReason.BAD_PAYLOAD);
        assertThat(reason("*8D4840D6202CC371C32CE057609G;")).isEqualTo(RejectReason.BAD_PAYLOAD);
        assertThat(reason("*" + "0".repeat(70) + ";")).isEqualTo(RejectReason.TOO_LONG);
        DecodeResult<ModeSFrame> r = AvrFormat.parse("*8D4840D6202CC371C32CE05760;");
        assertThat(((DecodeResult.Rejected<ModeSFrame>) r).detail()).isEqualTo("a frame has 4, 14 or 28 hex digits, this one 26");
    }

    @Test
    void decoder_countsEveryLineOnce_badCrcNeverDecoded_modeAcAndUnknownFormatsUnsupported() {
        ModeSDecoder decoder = new ModeSDecoder();
        decoder.accept("*8D4840D6202CC371C32CE0576098;");
        decoder.accept("*8D4840D6202CC371C32CE0576099;");
        decoder.accept("*7700;");
        decoder.accept("*02E197B00179C3;");
        decoder.accept("*8D4840D6;");
        decoder.accept("*8D4840D6202CC3;");
        DecodeStats.Snapshot s = decoder.stats().snapshot();
        assertThat(s.lines()).isEqualTo(6);
        assertThat(s.decoded()).isEqualTo(1);
        assertThat(s.rejected(RejectReason.BAD_CRC)).isEqualTo(1);
        assertThat(s.rejected(RejectReason.UNSUPPORTED_TYPE)).isEqualTo(2);
        assertThat(s.rejected(RejectReason.BAD_PAYLOAD)).isEqualTo(1);
        assertThat(s.rejected(RejectReason.SHORT_MESSAGE)).isEqualTo(1);
    }

    @Test
    void decoder_acceptsAnAltitudeReplyOnlyFromAnAddressACheckedFrameAnnounced() {
        ModeSDecoder decoder = new ModeSDecoder();
        DecodeResult<ModeSMessage> before = decoder.accept("*20001838CA3804;");
        assertThat(before).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.BAD_CRC);
            assertThat(r.detail()).isEqualTo("DF4 parity gives address DBBB5F, which no CRC-checked frame has announced");
        });
        // An all-call from DBBB5F (parity built for the test) makes the same reply acceptable.
        byte[] allCall = {0x5D, (byte) 0xDB, (byte) 0xBB, 0x5F, 0, 0, 0};
        int crc = Crc24.of(allCall, 0, 4);
        allCall[4] = (byte) (crc >>> 16);
        allCall[5] = (byte) (crc >>> 8);
        allCall[6] = (byte) crc;
        assertThat(decoder.accept("*" + HEX.formatHex(allCall) + ";")).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(decoder.accept("*20001838CA3804;"))
                .isEqualTo(new DecodeResult.Decoded<>(new AltitudeReply(4, 0xDBBB5F, 0, OptionalInt.of(38000))));
    }

    @Test
    void beast_framesSurviveEscapesAndAnySplitOfTheStream() {
        List<byte[]> frames = List.of(
                HEX.parseHex("8D4840D6202CC371C32CE0576098"),
                HEX.parseHex("5D484FDEA248F5"),
                HEX.parseHex("1A1A"),
                HEX.parseHex("8D1A1A1A202CC371C32CE0576098"));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new byte[] {0x00, 0x42, 0x1a}); // garbage before the first record, ending in a lone escape
        long t = 0x1A1A_0000_001AL;
        for (byte[] f : frames) {
            stream.writeBytes(BeastRecords.frame(f, t++, 0x1a));
        }
        byte[] bytes = stream.toByteArray();
        Random random = new Random(13);
        for (int trial = 0; trial < 50; trial++) {
            BeastFramer framer = new BeastFramer();
            List<ModeSFrame> out = new ArrayList<>();
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(9));
                framer.accept(bytes, at, n, out::add);
                at += n;
            }
            assertThat(out).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(out.get(i).bytes()).isEqualTo(frames.get(i));
                assertThat(out.get(i).timestamp()).isEqualTo(OptionalLong.of(0x1A1A_0000_001AL + i));
                assertThat(out.get(i).signal()).isEqualTo(OptionalInt.of(0x1a));
            }
            assertThat(framer.counts()).isEqualTo(new BeastFramer.Counts(4, 1, 0, 3));
        }
    }

    @Test
    void beast_aRecordCutShortByTheNextIsCountedBroken_andTheNextStillDecodes() {
        byte[] good = BeastRecords.frame(HEX.parseHex("8D4840D6202CC371C32CE0576098"), 1, 200);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(good, 0, 12);
        stream.writeBytes(good);
        stream.writeBytes(new byte[] {0x1a, '4', 1, 2, 3});
        stream.writeBytes(good);
        BeastFramer framer = new BeastFramer();
        ModeSDecoder decoder = new ModeSDecoder();
        List<DecodeResult<ModeSMessage>> results = new ArrayList<>();
        byte[] bytes = stream.toByteArray();
        framer.accept(bytes, 0, bytes.length, f -> results.add(decoder.accept(f)));
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(DecodeResult.Decoded.class));
        assertThat(framer.counts().broken()).isEqualTo(1);
        assertThat(framer.counts().skippedBytes()).isEqualTo(5);
        assertThat(decoder.stats().snapshot().decoded()).isEqualTo(2);
    }

    private static RejectReason reason(String line) {
        return ((DecodeResult.Rejected<ModeSFrame>) AvrFormat.parse(line)).reason();
    }

    @Test
    void frame_ofChecksItsArguments() {
        assertThat(ModeSFrame.ofHex("8D4840D6202CC371C32CE05760")).isEmpty();
        assertThat(ModeSFrame.of(new byte[7], 0, 7, OptionalLong.of(1L << 48), OptionalInt.empty())).isEmpty();
        assertThat(ModeSFrame.of(new byte[7], 0, 7, OptionalLong.empty(), OptionalInt.of(256))).isEmpty();
        assertThat(ModeSFrame.of(new byte[7], 1, 7, OptionalLong.empty(), OptionalInt.empty())).isEmpty();
    }
}
