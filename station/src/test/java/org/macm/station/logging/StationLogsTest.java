package org.macm.station.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;
import org.macm.station.console.ConsoleClient;
import org.macm.testkit.FreePort;

/**
 * Two stations as real processes ({@code macm run} in child JVMs, so that their standard error
 * and logback are their own), each with a {@code [log] file} at DEBUG: jp-mod's in JSON,
 * cn-mnd's in text. A FLASH message escalates on both; cn-mnd stops; jp-mod's file then holds
 * exactly one structured WARN per path going DOWN. Standard error is JSON with {@code --log-format json}
 * before or after {@code run}. The API token and an officer's password, both used meanwhile,
 * appear in no log.
 */
class StationLogsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String PASSWORD = "Tsushima-strait-7741-watch";

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void twoStations_logLinkStateEscalationAsStructuredWarn_inTheirFiles_andNoSecrets() throws Exception {
        StationPair pair = StationPair.create(tmp);
        List<Integer> cnPorts = FreePort.loopback(2);
        pair.write(pair.listening(CN, loopback(cnPorts)));
        pair.write(pair.dialling(JP, loopback(cnPorts)).withAckDeadline(Precedence.FLASH, Duration.ofSeconds(1)));
        appendLog(pair.jp(), "[log]\nfile = \"log/macm.log\"\nformat = \"json\"\nlevel = \"debug\"\n");
        appendLog(pair.cn(), "[log]\nfile = \"log/macm.log\"\nformat = \"text\"\nlevel = \"debug\"\n");
        CliRun added = CliRun.withInput(PASSWORD + "\n", "officer", "add", "--dir", pair.jp().dir().toString(),
                "--name", "sato.ken", "--display", "Lt Col Sato Ken", "--role", "duty", "--password-stdin");
        assertThat(added.exitCode()).as(added.err()).isZero();
        Path jpLog = pair.jp().dir().resolve("log/macm.log");
        Path cnLog = pair.cn().dir().resolve("log/macm.log");

        Process cn = start(pair.cn(), "run", "--log-format", "json", "--dir", pair.cn().dir().toString());
        Process jp = start(pair.jp(), "--log-format", "json", "run", "--dir", pair.jp().dir().toString());
        try {
            await("jp-mod logs both paths UP", LIMIT, () -> linkState(jpLog, "UP").size() == 2, () -> read(jpLog));
            await("jp-mod's API is up", LIMIT, () -> Files.exists(pair.jp().dir().resolve("console.url")));

            CliRun sent = CliRun.run("send", "--dir", pair.jp().dir().toString(), "--to", "cn-mnd", "-p", "FLASH",
                    "-t", "Unplanned encounter, acknowledge");
            assertThat(sent.exitCode()).as(sent.err()).isZero();
            String console = Files.readString(pair.jp().dir().resolve("console.url")).strip();
            assertThat(new ConsoleClient(console).login("sato.ken", PASSWORD).status()).isEqualTo(303);
            new ConsoleClient(console).login("sato.ken", PASSWORD + "-wrong");

            await("jp-mod escalates the unacknowledged FLASH", LIMIT, () -> !json(jpLog, e -> e.path("event")
                    .asText().equals("escalation")).isEmpty(), () -> read(jpLog));
            await("cn-mnd escalates it too", LIMIT, () -> read(cnLog).contains("event=\"escalation\""), () -> read(cnLog));
            JsonNode escalation = json(jpLog, e -> e.path("event").asText().equals("escalation")).get(0);
            assertThat(escalation.get("level").asText()).isEqualTo("WARN");
            assertThat(escalation.get("precedence").asText()).isEqualTo("FLASH");
            assertThat(escalation.get("peer").asText()).isEqualTo("cn-mnd");
            assertThat(escalation.get("seq").isIntegralNumber()).isTrue();
            assertThat(escalation.get("reason").asText()).isEqualTo("not-acknowledged-by-peer");

            cn.destroy(); // SIGTERM: cn-mnd stops in order and says SHUTDOWN on each path
            assertThat(cn.waitFor(60, TimeUnit.SECONDS)).as("cn-mnd stops on SIGTERM").isTrue();
            await("jp-mod logs both paths DOWN", LIMIT, () -> linkState(jpLog, "DOWN").size() >= 2, () -> read(jpLog));
            await("jp-mod logs the link DOWN", LIMIT, () -> !json(jpLog, e -> e.path("event").asText().equals("link.state")
                    && !e.has("path") && e.path("state").asText().equals("DOWN")).isEmpty(), () -> read(jpLog));
        } finally {
            jp.destroy();
            cn.destroy();
            jp.waitFor(60, TimeUnit.SECONDS);
            cn.waitFor(60, TimeUnit.SECONDS);
        }

        List<JsonNode> up = linkState(jpLog, "UP");
        List<JsonNode> down = linkState(jpLog, "DOWN");
        List<String> paths = up.stream().map(e -> e.get("path").asText()).sorted().toList();
        assertThat(paths).as("two paths, each UP once").hasSize(2).doesNotHaveDuplicates();
        assertThat(down.stream().map(e -> e.get("path").asText()).sorted().toList())
                .as("exactly one WARN per path going DOWN").isEqualTo(paths);
        assertThat(down).allSatisfy(e -> {
            assertThat(e.get("level").asText()).isEqualTo("WARN");
            assertThat(e.get("peer").asText()).isEqualTo("cn-mnd");
            assertThat(e.get("reason").asText()).contains("SHUTDOWN");
        });

        // Standard error: JSON objects only, for the option before 'run' (jp-mod) and after it (cn-mnd).
        for (StationLayout s : List.of(pair.jp(), pair.cn())) {
            List<String> err = Files.readAllLines(stderr(s));
            assertThat(err).as("%s's standard error has log lines", s.dir()).anyMatch(l -> l.startsWith("{"));
            for (String l : err) {
                if (!l.startsWith("WARNING: ")) { // the JVM's own, not a log line
                    assertThat(JSON.readTree(l).get("level").asText()).isIn("WARN", "ERROR");
                }
            }
        }
        assertThat(Files.readAllLines(stderr(pair.jp())).stream().map(l -> l.startsWith("{") ? tree(l) : null)
                .filter(e -> e != null && e.path("event").asText().equals("link.state") && e.has("path")
                        && e.path("state").asText().equals("DOWN")).count()).isEqualTo(2);

        // cn-mnd's file is text, with the fields in brackets.
        assertThat(read(cnLog).lines().filter(l -> l.contains("[event=\"link.state\" peer=\"jp-mod\" path=\"")))
                .isNotEmpty().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z WARN  PeerLink: path .*"));

        // No secret in anything either station wrote.
        String token = Files.readString(pair.jp().dir().resolve("api.token")).strip();
        assertThat(token).hasSizeGreaterThan(16);
        for (Path f : written(tmp)) {
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            assertThat(text).as(f.toString()).doesNotContain(token).doesNotContain(PASSWORD);
        }
    }

    private static void appendLog(StationLayout s, String table) throws IOException {
        Files.writeString(s.config(), "\n" + table, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static Path stderr(StationLayout s) {
        return s.dir().resolveSibling(s.dir().getFileName() + ".err");
    }

    private static Process start(StationLayout s, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.macm.station.cli.Macm"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command)
                .redirectOutput(s.dir().resolveSibling(s.dir().getFileName() + ".out").toFile())
                .redirectError(stderr(s).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = b.environment();
        env.remove("MACM_LOG_LEVEL");
        return b.start();
    }

    /** Every file under the two stations' parent folder that a station or its logging wrote. */
    private static List<Path> written(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".log") || n.endsWith(".err") || n.endsWith(".out");
            }).collect(Collectors.toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** The JSON objects of {@code file} that {@code wanted} picks, in order; every line must be one. */
    private static List<JsonNode> json(Path file, Predicate<JsonNode> wanted) {
        return read(file).lines().map(StationLogsTest::tree).filter(wanted).toList();
    }

    /** The per-path link-state lines (with a "path") for the peer cn-mnd in {@code state}. */
    private static List<JsonNode> linkState(Path file, String state) {
        StationId peer = CN;
        return json(file, e -> e.path("event").asText().equals("link.state") && e.has("path")
                && e.path("peer").asText().equals(peer.value()) && e.path("state").asText().equals(state));
    }
}
