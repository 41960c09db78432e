package org.macm.encounter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.macm.encounter.TestData;
import org.macm.encounter.ais.binary.ApplicationDecoder;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.ais.binary.AreaNotice;
import org.macm.encounter.ais.binary.BinaryData;
import org.macm.encounter.ais.binary.SubArea;

/**
 * Conformance of the binary application decoder with gpsd: every type 6 and 8 message of
 * gpsd's corpora, its envelope unpacked here (independently of the AIS message decoder: type
 * 6 data from bit 88, type 8 from bit 56, the 10-bit DAC and 6-bit FI before it), decoded by
 * {@link ApplicationDecoder} and compared field by field with what gpsd printed, unscaled
 * ({@code .ju.chk}) and scaled ({@code .js.chk}). Where gpsd printed the data as hex, we must
 * not claim an application gpsd would decode differently: those are listed and asserted.
 */
class ApplicationConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApplicationDecoder DECODER = new ApplicationDecoder();

    /** A type 6 or 8 message as the test unpacked it. */
    record Binary(int type, long mmsi, int dac, int fi, BinaryData data, int line) {
        String key() {
            return type + ":" + dac + ":" + fi;
        }
    }

    @Test
    void sampleAivdm_unscaled_everyApplicationGpsdDecodesMatches() throws IOException {
        Conformance c = run("gpsd sample.aivdm binary -u", "ais/gpsd/sample.aivdm", "ais/gpsd/sample.aivdm.ju.chk",
                GpsdApplicationView::of);
        c.publish("gpsd-sample-applications-unscaled");
        assertThat(c.differences()).isEmpty();
        // 6:1:40, 6:200:3, 6:669:11, 8:1:16 (240 and 720 bits), 8:200:10 (370 bits), 8:366:56/57
        assertThat(hexAgreed.get("gpsd sample.aivdm binary -u")).isEqualTo(10);
        assertThat(c.totalExpected()).isEqualTo(21);
        assertThat(c.totalMatched()).isEqualTo(21);
    }

    @Test
    void sampleAivdm_scaled_everyApplicationGpsdDecodesMatches() throws IOException {
        Conformance c = run("gpsd sample.aivdm binary -j", "ais/gpsd/sample.aivdm", "ais/gpsd/sample.aivdm.js.chk",
                GpsdApplicationView::scaled);
        c.publish("gpsd-sample-applications-scaled");
        assertThat(c.differences()).isEmpty();
        assertThat(c.totalExpected()).isEqualTo(21);
        assertThat(c.totalMatched()).isEqualTo(21);
    }

    @Test
    void daemonLog_inlandStaticReports_matchGpsd() throws IOException {
        Conformance c = run("gpsd daemon binary", "ais/gpsd/daemon/ais-nmea.log", "ais/gpsd/daemon/ais-nmea.log.chk",
                GpsdApplicationView::of);
        c.publish("gpsd-daemon-applications");
        assertThat(c.differences()).isEmpty();
        assertThat(c.totalExpected()).isEqualTo(6);
        assertThat(c.totalMatched()).isEqualTo(6);
    }

    /**
     * libais (not gpsd) decodes the IMO 289 area notice; its example: a circle of 9260 m
     * (radius 926 at scale 1) around 42.08295 N 69.86498 W, marine mammal habitat.
     */
    @Test
    void libaisAreaNotice_circleMatchesLibais() throws IOException {
        List<Binary> ours = binaries(TestData.require("ais/libais/typeexamples.nmea"));
        JsonNode libais = null;
        for (String line : Files.readAllLines(TestData.require("ais/libais/typeexamples.json"), StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            if (n.path("type").asInt() == 8 && n.path("fid").asInt() == 22) {
                libais = n;
            }
        }
        assertThat(libais).isNotNull();
        long mmsi = libais.path("mmsi").asLong();
        Binary b = ours.stream().filter(m -> m.mmsi() == mmsi && m.fi() == 22).findFirst().orElseThrow();
        AreaNotice notice = (AreaNotice) decode(b).orElseThrow();
        JsonNode area = libais.path("sub_areas").get(0);
        assertThat(notice.linkage()).isEqualTo(libais.path("link_id").asInt());
        assertThat(notice.notice()).isEqualTo(libais.path("notice_type").asInt());
        // libais's Python binding fills duration_minutes from the minute field (ais_py.cpp,
        // ais8_1_22_append_pydict): its 2 is the start minute; the 18-bit duration is 20
        assertThat(notice.minute()).isEqualTo(libais.path("duration_minutes").asInt());
        assertThat(notice.duration()).isEqualTo(20);
        assertThat(notice.subAreas()).hasSize(libais.path("sub_areas").size());
        SubArea.Circle circle = (SubArea.Circle) notice.subAreas().getFirst();
        assertThat(circle.radius() * Math.pow(10, circle.scale())).isEqualTo(area.path("radius").asDouble());
        assertThat(circle.precision()).isEqualTo(area.path("precision").asInt());
        assertThat(circle.lon() / 60_000.0).isCloseTo(area.path("x").asDouble(), offset(1e-9));
        assertThat(circle.lat() / 60_000.0).isCloseTo(area.path("y").asDouble(), offset(1e-9));
    }

    /**
     * libais's corpus has no expected output for binary messages, so this only holds what is
     * decoded: the international and GLA applications; every other pair (US DAC 366, Russian
     * 273, ...) stays hex.
     */
    @Test
    void libaisCorpus_decodesTheApplicationsItKnows() throws IOException {
        Map<String, Integer> decoded = new java.util.TreeMap<>();
        Map<String, Integer> hex = new java.util.TreeMap<>();
        for (String file : new String[] {"ais/libais/test.aivdm", "ais/libais/typeexamples.nmea"}) {
            for (Binary b : binaries(TestData.require(file))) {
                (decode(b).isPresent() ? decoded : hex).merge(b.key(), 1, Integer::sum);
            }
        }
        System.out.println("libais binary messages decoded " + decoded + ", left hex " + hex);
        assertThat(decoded).isEqualTo(Map.of("6:235:10", 2, "8:1:11", 2, "8:1:22", 1));
        assertThat(hex.keySet()).allMatch(k -> !k.contains(":1:") || k.equals("6:1:0"));
    }

    /**
     * The layouts {@code sample.aivdm} lacks, on our synthetic messages decoded by gpsdecode
     * 3.22 (resources {@code binary/SOURCE.md}): every field of 18 applications agrees except
     * two gpsd habits (B1: one all-zero VTS target after the last; B6: 3.22 prints the FI 19
     * position with 4 decimals, today's gpsd with 6).
     */
    @Test
    void syntheticLayouts_matchGpsd322() throws IOException, java.net.URISyntaxException {
        Path dir = Path.of(getClass().getResource("binary/synthetic.nmea").toURI()).getParent();
        Conformance c = run("gpsd 3.22 synthetic binary -u", dir.resolve("synthetic.nmea"), dir.resolve("synthetic.ju.chk"),
                GpsdApplicationView::of);
        c.publish("gpsd-synthetic-applications");
        assertThat(c.totalExpected()).isEqualTo(54);
        assertThat(c.totalMatched()).isEqualTo(48);
        String zeroTarget = "{\"idtype\":0,\"idtype_text\":\"mmsi\",\"mmsi\":\"0\",\"lat\":0,\"lon\":0,"
                + "\"course\":0,\"second\":0,\"speed\":0}]";
        assertThat(c.differences()).hasSize(8).allSatisfy(d -> assertThat(
                (d.contains("type 8:1:17") && d.contains(": targets ours ") && d.endsWith(zeroTarget))
                        || (d.contains("type 8:1:19") && d.matches(".*: (lon|lat) ours -?\\d+\\.\\d{6} gpsd -?\\d+\\.\\d{1,4}")))
                .as(d).isTrue());
    }

    /** Messages gpsd printed as hex that we left undecoded too, per corpus run. */
    private final Map<String, Integer> hexAgreed = new HashMap<>();

    private Conformance run(String name, String log, String chk,
            Function<ApplicationMessage, Optional<Map<String, Object>>> view) throws IOException {
        return run(name, TestData.require(log), TestData.require(chk), view);
    }

    private Conformance run(String name, Path log, Path chk,
            Function<ApplicationMessage, Optional<Map<String, Object>>> view) throws IOException {
        Conformance c = new Conformance(name);
        List<Binary> ours = binaries(log);
        List<JsonNode> theirs = GpsdCorpus.reports(chk, type -> type == 6 || type == 8);
        int o = 0;
        for (JsonNode their : theirs) {
            int at = o;
            while (at < ours.size() && !same(ours.get(at), their)) {
                at++;
            }
            String key = their.path("type").asInt() + ":" + their.path("dac").asInt() + ":" + their.path("fid").asInt();
            if (at == ours.size()) {
                c.missing(key, "gpsd mmsi " + their.path("mmsi"));
                continue;
            }
            Binary b = ours.get(at);
            o = at + 1;
            String where = log.getFileName() + ":" + b.line() + " mmsi " + b.mmsi();
            Optional<ApplicationMessage> app = decode(b);
            if (their.has("data")) {
                // gpsd printed hex: we must not decode what gpsd leaves undecoded, except the
                // applications gpsd does not know (area notices), which it always prints as hex
                if (app.isPresent() && view.apply(app.get()).isPresent()) {
                    c.extra(key, where + " decoded as " + app.get().getClass().getSimpleName() + ", gpsd printed hex");
                } else {
                    hexAgreed.merge(name, 1, Integer::sum);
                }
                continue;
            }
            if (app.isEmpty()) {
                c.missing(key, where + " not decoded");
                continue;
            }
            Map<String, Object> fields = view.apply(app.get()).orElseThrow();
            int[] compared = new int[1];
            List<String> diffs = GpsdView.compare(fields, their, compared);
            c.compared(key, compared[0], diffs, where);
        }
        return c;
    }

    private static Optional<ApplicationMessage> decode(Binary b) {
        return DECODER.decode(b.dac(), b.fi(), b.type() == 6, b.data());
    }

    private static boolean same(Binary b, JsonNode their) {
        return b.type() == their.path("type").asInt() && b.mmsi() == their.path("mmsi").asLong();
    }

    /** Every type 6 and 8 message in an NMEA log, fragments joined, envelope unpacked. */
    static List<Binary> binaries(Path log) throws IOException {
        List<Binary> out = new ArrayList<>();
        Map<String, StringBuilder> pending = new HashMap<>();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int start = line.indexOf("!AIVD");
            if (start < 0 || line.startsWith("#")) {
                continue;
            }
            String[] f = line.substring(start, line.indexOf('*', start) < 0 ? line.length() : line.indexOf('*', start))
                    .split(",", -1);
            if (f.length < 7) {
                continue;
            }
            int count = Integer.parseInt(f[1]);
            int number = Integer.parseInt(f[2]);
            String group = f[3] + "/" + f[4];
            if (number == 1) {
                pending.put(group, new StringBuilder());
            }
            StringBuilder payload = pending.get(group);
            if (payload == null) {
                continue;
            }
            payload.append(f[5]);
            if (number < count) {
                continue;
            }
            pending.remove(group);
            int fill = f[6].isEmpty() ? 0 : Integer.parseInt(f[6].substring(0, 1));
            unpack(payload.toString(), fill, i + 1).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Binary> unpack(String armoured, int fill, int line) {
        int bits = armoured.length() * 6 - fill;
        byte[] bytes = new byte[(armoured.length() * 6 + 7) / 8];
        for (int i = 0; i < armoured.length(); i++) {
            int v = armoured.charAt(i) - 48;
            v = v > 40 ? v - 8 : v;
            for (int b = 0; b < 6; b++) {
                if (((v >> (5 - b)) & 1) != 0) {
                    int at = i * 6 + b;
                    bytes[at / 8] |= (byte) (0x80 >>> (at % 8));
                }
            }
        }
        BinaryData all = BinaryData.of(bytes, Math.max(0, bits));
        int type = (int) all.unsigned(0, 6);
        int envelope = type == 6 ? 88 : 56;
        if ((type != 6 && type != 8) || bits < envelope) {
            return Optional.empty();
        }
        return Optional.of(new Binary(type, all.unsigned(8, 30), (int) all.unsigned(envelope - 16, 10),
                (int) all.unsigned(envelope - 6, 6), all.from(envelope), line));
    }
}
