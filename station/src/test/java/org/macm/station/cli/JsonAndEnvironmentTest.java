package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.StationLayout;
import org.macm.station.run.StationRuntime;

/** --json prints one JSON document a machine can read; MACM_DIR stands in for --dir. */
class JsonAndEnvironmentTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private Path jp;
    private Path cn;

    @BeforeEach
    void pair() {
        jp = CliRun.init(tmp.resolve("jp"), "jp-mod");
        cn = CliRun.init(tmp.resolve("cn"), "cn-mnd");
        assertThat(CliRun.run("peer", "add", "--yes", "--dir", jp.toString(), cn.resolve("identity.toml").toString())
                .exitCode()).isZero();
    }

    private static JsonNode json(CliRun r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return JSON.readTree(r.out());
    }

    @Test
    void peerList_json_namesEachPeerWithItsFingerprintAndKey() throws Exception {
        JsonNode peers = json(CliRun.run("peer", "list", "--json", "--dir", jp.toString())).path("peers");
        assertThat(peers).hasSize(1);
        assertThat(peers.get(0).path("station").asText()).isEqualTo("cn-mnd");
        assertThat(CliRun.run("peer", "list", "--dir", jp.toString()).out())
                .isEqualTo("cn-mnd  " + peers.get(0).path("fingerprint").asText() + "\n");
        assertThat(cn.resolve("identity.toml")).content().contains("signing-key = \"" + peers.get(0).path("signingKey").asText() + "\"");
    }

    @Test
    void templateList_json_listsEveryFormWithTheCatalogHash() throws Exception {
        JsonNode list = json(CliRun.run("template", "list", "--json", "--lang", "ja"));
        assertThat(CliRun.run("template", "list").out()).startsWith("Catalog " + list.path("catalog").asText() + "\n");
        assertThat(list.path("forms").findValuesAsText("id")).contains("encounter-notice");
        JsonNode notice = list.path("forms").get(list.path("forms").findValuesAsText("id").indexOf("encounter-notice"));
        assertThat(notice.path("version").asInt()).isPositive();
        assertThat(notice.path("precedence").asText()).isIn("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE");
        assertThat(notice.path("title").asText()).isNotBlank();
    }

    @Test
    void templateShow_json_givesEachFieldAsTheSheetDescribesIt() throws Exception {
        JsonNode form = json(CliRun.run("template", "show", "encounter-notice", "--json"));
        String sheet = CliRun.run("template", "show", "encounter-notice").out();
        assertThat(sheet).startsWith(form.path("id").asText() + " v" + form.path("version").asInt() + ": "
                + form.path("title").asText() + "\n");
        assertThat(form.path("fields")).isNotEmpty();
        for (JsonNode f : form.path("fields")) {
            assertThat(f.path("allows").asText()).as(f.path("name").asText()).isNotBlank();
            assertThat(sheet).contains("  " + f.path("name").asText() + " ("
                    + (f.path("required").asBoolean() ? "required" : "optional") + ", " + f.path("allows").asText() + "): "
                    + f.path("label").asText() + "\n");
        }
    }

    @Test
    void alerts_json_isTheApisAnswer() throws Exception {
        try (StationRuntime running = StationRuntime.start(new StationLayout(jp), Clock.systemUTC())) {
            JsonNode alerts = json(CliRun.run("alerts", "--json", "--dir", jp.toString()));
            assertThat(alerts.path("watching").asBoolean(true)).isFalse();
            assertThat(running.station().id().value()).isEqualTo("jp-mod");
        }
    }

    @Test
    void macmDir_standsInForDir_andDirStillWins() {
        CliRun viaEnv = CliRun.withEnv(Map.of("MACM_DIR", jp.toString()), "peer", "list");
        assertThat(viaEnv.exitCode()).as(viaEnv.err()).isZero();
        assertThat(viaEnv.out()).startsWith("cn-mnd  ");
        CliRun dirWins = CliRun.withEnv(Map.of("MACM_DIR", jp.toString()), "peer", "list", "--dir", cn.toString());
        assertThat(dirWins.out()).startsWith("No peers pinned.");
    }

    @Test
    void neitherDirNorMacmDir_isAUsageErrorNamingBoth() {
        CliRun r = CliRun.withEnv(Map.of(), "peer", "list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("macm: Missing required option: '--dir=DIR': name the station folder, or set MACM_DIR "
                + "to it (see 'macm peer list --help')\n");
    }

    @Test
    void macmDir_doesNotMoveTheDemosWorkingFolder() {
        CliRun help = CliRun.withEnv(Map.of("MACM_DIR", jp.toString()), "demo", "--help");
        // Whitespace as one space: how picocli wraps the column depends on the longest option (--log-format).
        assertThat(help.out().replaceAll("\\s+", " ")).contains("(default: macm-demo)");
    }
}
