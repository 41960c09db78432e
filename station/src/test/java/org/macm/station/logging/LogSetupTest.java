package org.macm.station.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.StationPair;
import org.macm.store.IntakeOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The log file as an operator reads it: JSON objects with the fields at the top level, text
 * lines with the fields in brackets, rotation that loses no line, the JDK's own loggers in the
 * same file, and a refused entry as one structured WARN. Logback's context is the one global of
 * this JVM: each test configures it and puts logback.xml back afterwards.
 */
class LogSetupTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Logger LOG = LoggerFactory.getLogger(LogSetupTest.class);

    @TempDir
    Path tmp;

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void backToLogbackXml() throws Exception {
        context.reset();
        new ContextInitializer(context).autoConfig();
        java.util.logging.LogManager.getLogManager().readConfiguration();
    }

    private Path apply(LogFormat format, long maxFileSize) {
        Path file = tmp.resolve("log/macm.log");
        new LogSetup(context).apply(LogSettings.stderr(LogFormat.TEXT, Map.of()).withFile(Optional.of(
                new LogFile(file, Level.INFO, format, maxFileSize, LogFile.DEFAULT_MAX_HISTORY, 100L * 1024 * 1024))));
        return file;
    }

    private static List<String> lines(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                all.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    @Test
    void json_putsTheKeyValuesAtTheTopLevel_numbersAsNumbers_oneObjectPerLine() throws Exception {
        Path file = apply(LogFormat.JSON, LogFile.DEFAULT_MAX_FILE_SIZE);
        LOG.atWarn().addKeyValue("event", "link.state").addKeyValue("peer", "cn-mnd").addKeyValue("path", "a \"quoted\"")
                .addKeyValue("seq", 42L).addKeyValue("level", "clash").log("path {} is DOWN", "a");
        LOG.info("plain line");
        LOG.debug("below the file's level");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode warn = JSON.readTree(lines.get(0));
        assertThat(warn.get("level").asText()).isEqualTo("WARN");
        assertThat(warn.get("event").asText()).isEqualTo("link.state");
        assertThat(warn.get("peer").asText()).isEqualTo("cn-mnd");
        assertThat(warn.get("path").asText()).isEqualTo("a \"quoted\"");
        assertThat(warn.get("seq").isIntegralNumber()).isTrue();
        assertThat(warn.get("seq").asLong()).isEqualTo(42);
        assertThat(warn.get("kv.level").asText()).as("a key that clashes is prefixed, not lost").isEqualTo("clash");
        assertThat(warn.get("formattedMessage").asText()).isEqualTo("path a is DOWN");
        assertThat(warn.get("loggerName").asText()).isEqualTo(LogSetupTest.class.getName());
        assertThat(warn.has("kvpList")).isFalse();
        assertThat(warn.has("context")).isFalse();
        assertThat(JSON.readTree(lines.get(1)).get("formattedMessage").asText()).isEqualTo("plain line");
    }

    @Test
    void text_keepsTheLineFormat_andAddsTheKeyValuesInBrackets() throws Exception {
        Path file = apply(LogFormat.TEXT, LogFile.DEFAULT_MAX_FILE_SIZE);
        LOG.atWarn().addKeyValue("event", "escalation").addKeyValue("peer", "cn-mnd").addKeyValue("seq", 7L)
                .log("ESCALATION: FLASH message");
        LOG.info("no fields");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  LogSetupTest: "
                + "ESCALATION: FLASH message \\[event=\"escalation\" peer=\"cn-mnd\" seq=\"7\"]");
        assertThat(lines.get(1)).endsWith(" INFO  LogSetupTest: no fields");
    }

    @Test
    void rotation_bySize_spreadsTheLinesOverSeveralFiles_andLosesNone() throws Exception {
        Path file = apply(LogFormat.JSON, 2048);
        int written = 0;
        // Logback checks the size at most every 60 ms: write until it has rolled over twice.
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fileCount(file.getParent()) < 3 && System.nanoTime() < giveUp) {
            LOG.atInfo().addKeyValue("n", (long) written).log("line {} of the rotation test, padded to about 200 bytes "
                    + "so that a 2 KB file holds about ten of them..............................", written);
            written++;
            if (written % 10 == 0) {
                Thread.sleep(20);
            }
        }
        context.stop(); // flush and close the file
        assertThat(fileCount(file.getParent())).isGreaterThanOrEqualTo(3);
        List<String> lines = lines(file.getParent());
        assertThat(lines).hasSize(written);
        List<Long> numbers = new ArrayList<>();
        for (String l : lines) {
            numbers.add(JSON.readTree(l).get("n").asLong());
        }
        assertThat(numbers).doesNotHaveDuplicates().hasSize(written);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("macm.log")))
                    .allMatch(n -> n.matches("macm\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+\\.log"));
        }
    }

    private static long fileCount(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void macmLogLevel_setsStandardErrorsLevel_andAWrongOneSaysWhatToWrite() {
        assertThat(LogSettings.stderr(LogFormat.TEXT, Map.of()).stderrLevel()).isEqualTo(Level.WARN);
        assertThat(LogSettings.stderr(LogFormat.JSON, Map.of("MACM_LOG_LEVEL", "info")).stderrLevel()).isEqualTo(Level.INFO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogSettings.stderr(LogFormat.TEXT,
                Map.of("MACM_LOG_LEVEL", "chatty"))).hasMessage("MACM_LOG_LEVEL is 'chatty'; write error, warn, info, debug or trace");
    }

    @Test
    void theJdksOwnLoggers_goToTheSameFile_inItsFormat() throws Exception {
        Path file = apply(LogFormat.JSON, LogFile.DEFAULT_MAX_FILE_SIZE);
        java.util.logging.Logger.getLogger("com.example.jul").warning("from java.util.logging");
        java.util.logging.Logger.getLogger("com.sun.net.httpserver").info("the JDK HTTP server's INFO chatter");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        JsonNode n = JSON.readTree(lines.get(0));
        assertThat(n.get("loggerName").asText()).isEqualTo("com.example.jul");
        assertThat(n.get("level").asText()).isEqualTo("WARN");
        assertThat(n.get("formattedMessage").asText()).isEqualTo("from java.util.logging");
    }

    @Test
    void aRefusedEntry_isOneStructuredWarn_withPeerSeqAndReason() throws Exception {
        Path file = apply(LogFormat.JSON, LogFile.DEFAULT_MAX_FILE_SIZE);
        StationPair created = StationPair.create(tmp.resolve("pair"));
        try (StationPair.Opened pair = created.open(Clock.systemUTC())) {
            SignedEntry forged = new LogWriter(pair.cn().ownLog(StationPair.JP), SigningKey.generate(new SecureRandom()),
                    Clock.systemUTC()).next(Head.EMPTY, Head.EMPTY, new Body.Message(Precedence.FLASH,
                            new MessageContent.FreeText("en", "I am cn-mnd, honestly")));
            assertThat(pair.jp().receive(StationPair.CN, List.of(forged))).containsExactly(IntakeOutcome.BAD_SIGNATURE);
            SignedEntry wrongLog = pair.jp().write(StationPair.CN, new Body.Message(Precedence.ROUTINE,
                    new MessageContent.FreeText("en", "our own")));
            assertThat(pair.jp().receive(StationPair.CN, List.of(wrongLog))).containsExactly(IntakeOutcome.WRONG_LOG);
        }
        List<JsonNode> refused = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(l);
            if (n.path("event").asText().equals("entry.refused")) {
                refused.add(n);
            }
        }
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0).get("level").asText()).isEqualTo("WARN");
        assertThat(refused.get(0).get("peer").asText()).isEqualTo("cn-mnd");
        assertThat(refused.get(0).get("seq").asLong()).isEqualTo(1);
        assertThat(refused.get(0).get("reason").asText()).isEqualTo("BAD_SIGNATURE");
        assertThat(refused.get(1).get("reason").asText()).isEqualTo("WRONG_LOG");
    }
}
