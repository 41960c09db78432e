package org.macm.encounter.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AisDecoderConfig;
import org.macm.encounter.json.JsonTrackDecoder;
import org.macm.encounter.sbs.SbsDecoder;

/**
 * Fuzzing every decoder: random text, and real lines with random characters replaced,
 * inserted or cut off. Whatever comes in, a decoder returns a result (never throws), counts
 * one line per call, and holds no more fragment groups than its limit.
 */
class DecoderFuzzTest {
    private static final List<String> AIS_SEEDS = List.of(
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
            "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
            "!AIVDM,2,2,1,A,88888888880,2*25",
            "!AIVDM,1,1,,A,91b77=h3h00nHt0Q3r@@07000<0b,0*69",
            "!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B",
            "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40",
            "!AIVDM,2,1,5,B,E1mg=5J1T4W0h97aRh6ba84<h2d;W:Te=eLvH50```q,0*46",
            "!AIVDM,2,2,5,B,:D44QDlp0C1DU00,2*36",
            "\\s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*55\\!AIVDM,1,1,,B,13F?Vv700<DJuLEtvep`iToV0<00,0*78",
            "!AIVDM,1,1,,A,K3KLehP0rPTJ10Qr,0*2A",
            // the binary and data link types: variable headers and entry counts
            "!AIVDM,1,1,,B,6B?n;be:cbapalgc;i6?Ow4,2*4A",
            "!AIVDM,1,1,,A,7IiQ4T`UjA9lC;b:M<MWE@,4*01",
            "!AIVDM,1,1,,A,?5N29b18w<3PD00,2*6C",
            "!AIVDM,1,1,,A,F030oqB2N2P5dvqjn;H93SF20000,0*1D",
            "!AIVDM,1,1,,A,JB3R0GO7p>vQL8tjw0b5hqpd0706kh9d3lR2vbl0400,2*40",
            "!AIVDM,1,1,,A,I6SWo?8P00a3PKpEKEVj0?vNP<65,0*73",
            "# a comment line");
    private static final List<String> SBS_SEEDS = List.of(
            "MSG,3,,,4B1908,,,,,,,2525,,,33.96693,-118.25598,,,0,0,0,0",
            "MSG,4,,,76CCE2,,,,,,,,298,96,,,-128,,0,0,0,0",
            "MSG,6,1,1,A92D10,1,2013/05/23,12:34:56.789,2013/05/23,12:34:56.790,,,,,,,,4622,-1,0,0,0");
    private static final List<String> JSON_SEEDS = List.of(
            "{\"id\":\"780A3F\",\"kind\":\"aircraft\",\"time\":\"2026-04-01T02:03:05.250Z\",\"lat\":30.5,\"lon\":126.0,\"course\":270,\"speed\":420,\"altitude\":25000}");

    @Property(tries = 3000)
    void ais_anyLineSequence_neverThrowsAndStaysBounded(@ForAll("aisSequences") List<String> lines) {
        AisDecoder decoder = new AisDecoder(new AisDecoderConfig(1024, 4, 20));
        for (String line : lines) {
            assertThat(decoder.accept(line)).isNotNull();
            assertThat(decoder.pendingGroups()).isLessThanOrEqualTo(4);
        }
        assertThat(decoder.stats().snapshot().lines()).isEqualTo(lines.size());
    }

    @Property(tries = 3000)
    void sbs_anyLine_neverThrows(@ForAll("sbsLines") String line) {
        SbsDecoder decoder = new SbsDecoder();
        assertThat(decoder.accept(line)).isNotNull();
        DecodeStats.Snapshot s = decoder.stats().snapshot();
        assertThat(s.decoded() + s.rejectedTotal()).isEqualTo(1);
    }

    @Property(tries = 2000)
    void json_anyLine_neverThrows(@ForAll("jsonLines") String line) {
        JsonTrackDecoder decoder = new JsonTrackDecoder();
        assertThat(decoder.accept(line)).isNotNull();
        DecodeStats.Snapshot s = decoder.stats().snapshot();
        assertThat(s.decoded() + s.rejectedTotal()).isEqualTo(1);
    }

    @Provide
    Arbitrary<List<String>> aisSequences() {
        return mutated(AIS_SEEDS, "!\\,*0123456789ABCDEFabcdef@`wW:;<>?").list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> sbsLines() {
        return mutated(SBS_SEEDS, ",-.0123456789ABCDEF/:~MSG");
    }

    @Provide
    Arbitrary<String> jsonLines() {
        return mutated(JSON_SEEDS, "{}[]\":,.-0123456789eEtrufalsn\\");
    }

    /** Seeds with edits, seeds cut short, and random strings over the format's alphabet. */
    private static Arbitrary<String> mutated(List<String> seeds, String alphabet) {
        Arbitrary<String> seed = Arbitraries.of(seeds);
        Arbitrary<Character> symbol = Arbitraries.of(alphabet.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<String> edited = net.jqwik.api.Combinators.combine(
                        seed, Arbitraries.integers().between(0, 200), symbol, Arbitraries.integers().between(0, 2))
                .as((s, at, c, op) -> {
                    int i = Math.min(at, s.length());
                    return switch (op) {
                        case 0 -> s.substring(0, i) + c + s.substring(Math.min(i + 1, s.length()));
                        case 1 -> s.substring(0, i) + c + s.substring(i);
                        default -> s.substring(0, i);
                    };
                });
        Arbitrary<String> random = Arbitraries.strings().withChars(alphabet).ofMaxLength(120);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(80);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, seed), net.jqwik.api.Tuple.of(6, edited),
                net.jqwik.api.Tuple.of(2, random), net.jqwik.api.Tuple.of(1, unicode));
    }
}
