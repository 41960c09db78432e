package org.macm.encounter.conformance;

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
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AddressedBinaryMessage;
import org.macm.encounter.ais.AisMessage;
import org.macm.encounter.ais.BinaryBroadcast;
import org.macm.encounter.ais.StaticDataPartA;
import org.macm.encounter.ais.StaticDataPartB;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.decode.DecodeResult;

/**
 * Runs one gpsd corpus (an NMEA log and gpsd's JSON output for it) through our decoder and
 * compares, message by message in order, every field gpsd prints for the types we decode.
 * Type 24 follows gpsd's convention: part A is held, part B is printed merged with the last
 * part A of the same MMSI, and a part B without part A is not printed.
 */
final class GpsdCorpus {
    /** Every ITU type, 1..27. */
    static final Set<Integer> DECODED_TYPES = IntStream.rangeClosed(1, 27).boxed().collect(Collectors.toUnmodifiableSet());
    private static final int LOOKAHEAD = 12;

    private record Ours(int type, int mmsi, Map<String, Object> view, int line) {}

    private GpsdCorpus() {}

    static AisDecoder run(Path log, Path chk, Conformance into) throws IOException {
        return run(log, chk, false, into);
    }

    /**
     * Runs {@code log} against gpsd's output {@code chk}, unscaled ({@code gpsdecode -u -j}, the
     * daemon's reports) or {@code scaled} ({@code gpsdecode -j}).
     */
    static AisDecoder run(Path log, Path chk, boolean scaled, Conformance into) throws IOException {
        AisDecoder decoder = new AisDecoder();
        List<Ours> ours = new ArrayList<>();
        Map<Integer, StaticDataPartA> partA = new HashMap<>();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (decoder.accept(line) instanceof DecodeResult.Decoded<?>(var report)) {
                AisMessage m = ((org.macm.encounter.ais.AisReport) report).message();
                switch (m) {
                    case StaticDataPartA a -> partA.put(a.mmsi(), a);
                    case StaticDataPartB b -> {
                        // gpsd consumes the held part A when it prints the pair
                        StaticDataPartA a = partA.remove(b.mmsi());
                        if (a != null) {
                            ours.add(new Ours(24, b.mmsi(), view(GpsdView.merged(a, b), b, scaled), i + 1));
                        }
                    }
                    default -> ours.add(new Ours(m.messageType(), m.mmsi(), view(GpsdView.of(m), m, scaled), i + 1));
                }
            }
        }
        List<JsonNode> expected = reports(chk, DECODED_TYPES::contains);
        align(ours, expected, log.getFileName().toString(), into);
        return decoder;
    }

    private static Map<String, Object> view(Map<String, Object> unscaled, AisMessage m, boolean scaled) {
        if (!scaled) {
            return unscaled;
        }
        Optional<ApplicationMessage> application = switch (m) {
            case AddressedBinaryMessage a -> a.application();
            case BinaryBroadcast b -> b.application();
            default -> Optional.empty();
        };
        Set<String> applicationFields =
                application.flatMap(GpsdApplicationView::of).map(Map::keySet).orElse(Set.of());
        return GpsdScaledView.of(unscaled, applicationFields);
    }

    /** gpsd's AIS reports in {@code chk} of the types {@code wanted} takes, each message's report once. */
    static List<JsonNode> reports(Path chk, IntPredicate wanted) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        // gpsdecode's output is one report per message. The daemon's log echoes each input
        // sentence and repeats the last AIS report after later non-AIS sentences; only the
        // first report after an echoed VDM/VDO sentence is that sentence's decode.
        boolean daemon = false;
        boolean afterAisEcho = false;
        for (String line : Files.readAllLines(chk, StandardCharsets.UTF_8)) {
            if (!line.startsWith("{")) {
                daemon = true;
                afterAisEcho = line.length() > 6 && (line.startsWith("VDM", 3) || line.startsWith("VDO", 3));
                continue;
            }
            JsonNode node = json.readTree(line);
            if (!"AIS".equals(node.path("class").asText())) {
                continue;
            }
            if (daemon && !afterAisEcho) {
                continue;
            }
            afterAisEcho = false;
            if (wanted.test(node.path("type").asInt())) {
                out.add(node);
            }
        }
        return out;
    }

    private static void align(List<Ours> ours, List<JsonNode> expected, String file, Conformance into) {
        int o = 0;
        int e = 0;
        while (o < ours.size() || e < expected.size()) {
            if (o == ours.size()) {
                into.missing(typeOf(expected.get(e)), file + " gpsd report #" + (e + 1) + " mmsi " + expected.get(e).path("mmsi"));
                e++;
                continue;
            }
            Ours our = ours.get(o);
            if (e == expected.size()) {
                into.extra(String.valueOf(our.type()), file + ":" + our.line() + " mmsi " + our.mmsi());
                o++;
                continue;
            }
            JsonNode their = expected.get(e);
            if (sameMessage(our, their)) {
                int[] fields = new int[1];
                List<String> diffs = GpsdView.compare(our.view(), their, fields);
                into.compared(typeOf(their), fields[0], diffs, file + ":" + our.line() + " mmsi " + our.mmsi());
                o++;
                e++;
                continue;
            }
            int ahead = findAhead(our, expected, e);
            if (ahead >= 0) {
                for (; e < ahead; e++) {
                    into.missing(typeOf(expected.get(e)), file + " gpsd report #" + (e + 1) + " mmsi " + expected.get(e).path("mmsi"));
                }
            } else {
                into.extra(String.valueOf(our.type()), file + ":" + our.line() + " mmsi " + our.mmsi());
                o++;
            }
        }
    }

    private static int findAhead(Ours our, List<JsonNode> expected, int from) {
        for (int i = from + 1; i < Math.min(expected.size(), from + LOOKAHEAD); i++) {
            if (sameMessage(our, expected.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameMessage(Ours our, JsonNode their) {
        return their.path("type").asInt() == our.type() && their.path("mmsi").asLong() == our.mmsi();
    }

    private static String typeOf(JsonNode node) {
        return node.path("type").asText();
    }
}
