package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.template.Catalog;

public class TemplateCommandTest {
    @TempDir
    Path tmp;

    public static final String FIELDS = """
            {"time": "2026-11-29T03:38:00Z", "position": {"lat": 29.81, "lon": 125.29},
             "ownUnits": [{"side": "jp", "type": "escort-ship", "name": "KIRISAME", "number": "104"}],
             "otherUnits": [{"side": "cn", "type": "destroyer", "name": "NANCHANG", "number": "101"}],
             "closestDistance": 2.5, "ownActivity": "patrol", "ownCourse": 215, "ownSpeed": 16}
            """;

    @Test
    void list_showsEveryFormAndTheCatalogHash() {
        CliRun r = CliRun.run("template", "list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Catalog " + Catalog.builtIn().hash().hex())
                .contains("encounter-notice").contains("callback-request").contains("free-text");
    }

    @Test
    void render_inEachLanguage_usesThatReadersConventions() throws Exception {
        Path f = tmp.resolve("f.json");
        Files.writeString(f, FIELDS);
        assertThat(CliRun.run("template", "render", "encounter-notice", "--lang", "ja", "--fields", f.toString()).out())
                .contains("北緯 29°48.6′ 東経 125°17.4′").contains("日本時間 2026年11月29日 12時38分");
        assertThat(CliRun.run("template", "render", "encounter-notice", "--lang", "zh-Hans", "--fields", f.toString()).out())
                .contains("北纬 29°48.6′ 东经 125°17.4′").contains("北京时间 2026年11月29日11时38分");
        assertThat(CliRun.run("template", "render", "encounter-notice", "--lang", "en", "--fields", f.toString()).out())
                .contains("29°48.6′N 125°17.4′E").contains("290338Z NOV 26");
    }

    @Test
    void render_withAWrongField_namesTheField() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, FIELDS.replace("\"lat\": 29.81", "\"lat\": 95"));
        CliRun r = CliRun.run("template", "render", "encounter-notice", "--fields", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).startsWith("macm: " + f + ": ").contains("position");
    }

    @Test
    void render_unknownLanguage_saysWhichAreAvailable() throws Exception {
        Path f = tmp.resolve("f.json");
        Files.writeString(f, FIELDS);
        CliRun r = CliRun.run("template", "render", "encounter-notice", "--lang", "ko", "--fields", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("macm: Invalid value for option '--lang': 'ko' is not a language MACM "
                + "renders; use one of en, ja, zh-Hans (zh, zh-CN and zh-Hans-CN are read as zh-Hans) "
                + "(see 'macm template render --help')");
    }

    @Test
    void validate_aBrokenCatalog_listsItsProblems_andExits1() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("catalog"));
        Files.writeString(dir.resolve("catalog.toml"), "this is = = not toml");
        CliRun r = CliRun.run("template", "validate", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("is not a valid catalog:");
    }
}
