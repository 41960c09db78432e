package org.macm.station.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.cli.CliRun;
import org.macm.station.demo.AisEncoder;
import org.macm.station.demo.ScenarioGenerator;

/**
 * AIS safety messages (types 12 and 14) from a unit of either party appear in the watch's
 * alerts, quoted as received and escaped; a third party's do not, and a repeat is one alert.
 */
class SafetyMessagesTest {
    @TempDir
    Path tmp;

    @Test
    void safetyTexts_ofEitherParty_areAlerts_quotedAndEscaped_andAThirdPartysAreNot() throws Exception {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(1).generate(scenario);
        AisEncoder ais = new AisEncoder();
        Instant t = Instant.parse("2026-11-29T03:05:00Z");
        List<String> lines = new ArrayList<>();
        lines.addAll(ais.safetyBroadcast(t, 431999104, "GUNNERY EXERCISE <NOW> \"KEEP CLEAR\""));
        lines.addAll(ais.safetyBroadcast(t.plusSeconds(300), 431999104, "GUNNERY EXERCISE <NOW> \"KEEP CLEAR\""));
        lines.addAll(ais.addressedSafety(t.plusSeconds(60), 412000101, 431999104, "ALTER COURSE TO STARBOARD"));
        lines.addAll(ais.safetyBroadcast(t.plusSeconds(90), 477000001, "THIRD PARTY WARNING"));
        Path file = tmp.resolve("safety.aivdm");
        Files.write(file, lines);

        CliRun r = CliRun.run("watch", "--replay", file.toString(), "--units", scenario.resolve("units.toml").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("NEW      safety message from JP JS KIRISAME (broadcast): "
                        + "\"GUNNERY EXERCISE <NOW> \\\"KEEP CLEAR\\\"\"  {safety:mmsi:431999104@2026-11-29T03:05:00Z}")
                .contains("NEW      safety message from CN PLAN NANCHANG (to mmsi:431999104): \"ALTER COURSE TO STARBOARD\"")
                .doesNotContain("THIRD PARTY").contains("(0 lines rejected); alerts: 2 new");
    }

    @Test
    void receivedText_cannotEndTheQuote_breakTheLine_orSteerATerminal() {
        assertThat(AlertText.quoted("A\"B\\C\nD\u001b[2JE\u00e9"))
                .isEqualTo("\"A\\\"B\\\\C\\u000aD\\u001b[2JE\\u00e9\"");
    }
}
