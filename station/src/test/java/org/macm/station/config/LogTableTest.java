package org.macm.station.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.cli.CliRun;
import org.macm.station.logging.LogFile;
import org.macm.station.logging.LogFormat;
import org.slf4j.event.Level;

/** The [log] table: its defaults, and one clear line for each wrong value, from the config and from 'macm run'. */
class LogTableTest {
    @TempDir
    Path tmp;

    private int stations;

    private Path station(String logTable) throws Exception {
        Path dir = CliRun.init(tmp.resolve("jp" + ++stations), "jp-mod");
        Files.writeString(dir.resolve("station.toml"), "\n" + logTable + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return dir;
    }

    @Test
    void noLogTable_meansNoFile() throws Exception {
        Path dir = CliRun.init(tmp.resolve("jp"), "jp-mod");
        assertThat(new ConfigFile().read(dir.resolve("station.toml")).log()).isEmpty();
    }

    @Test
    void fileOnly_takesTheDefaults_relativeToTheStationFolder() throws Exception {
        Path dir = station("[log]\nfile = \"log/macm.log\"");
        LogFile f = new ConfigFile().read(dir.resolve("station.toml")).log().orElseThrow();
        assertThat(f.file()).isEqualTo(dir.toAbsolutePath().resolve("log/macm.log"));
        assertThat(f.level()).isEqualTo(Level.INFO);
        assertThat(f.format()).isEqualTo(LogFormat.TEXT);
        assertThat(f.maxFileSize()).isEqualTo(10L * 1024 * 1024);
        assertThat(f.maxHistory()).isEqualTo(14);
        assertThat(f.totalSizeCap()).isEqualTo(1024L * 1024 * 1024);
    }

    @Test
    void everyKey_isRead() throws Exception {
        Path dir = station("[log]\nfile = \"/var/log/macm/jp.log\"\nlevel = \"DEBUG\"\nformat = \"json\"\n"
                + "max-file-size = \"500KB\"\nmax-history = 3\ntotal-size-cap = \"2MB\"");
        LogFile f = new ConfigFile().read(dir.resolve("station.toml")).log().orElseThrow();
        assertThat(f.file()).isEqualTo(Path.of("/var/log/macm/jp.log"));
        assertThat(f.level()).isEqualTo(Level.DEBUG);
        assertThat(f.format()).isEqualTo(LogFormat.JSON);
        assertThat(f.maxFileSize()).isEqualTo(500L * 1024);
        assertThat(f.maxHistory()).isEqualTo(3);
        assertThat(f.totalSizeCap()).isEqualTo(2L * 1024 * 1024);
    }

    private String runError(String logTable) throws Exception {
        Path dir = station(logTable);
        CliRun r = CliRun.run("run", "--dir", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.errorLine()).startsWith("macm: config file " + dir.resolve("station.toml").toAbsolutePath().normalize())
                .doesNotContain("Exception");
        return r.errorLine().substring(r.errorLine().indexOf(".toml: ") + 7);
    }

    @Test
    void wrongValues_areOneLineEach_sayingWhatToWrite() throws Exception {
        assertThat(runError("[log]\nfile = \"log/macm.log\"\nformat = \"xml\""))
                .isEqualTo("key 'log.format' is 'xml'; write text or json");
        assertThat(runError("[log]\nfile = \"log/macm.log\"\nlevel = \"loud\""))
                .isEqualTo("key 'log.level' is 'loud'; write error, warn, info, debug or trace");
        assertThat(runError("[log]\nfile = \"log/macm.log\"\nmax-file-size = \"10 megs\""))
                .isEqualTo("key 'log.max-file-size' is '10 megs'; write a size like 500KB, 10MB or 1GB");
        assertThat(runError("[log]\nfile = \"log/macm.log\"\nmax-history = 0"))
                .isEqualTo("key 'log.max-history' is 0; write the number of days of rolled-over files to keep, 1 or more (e.g. 14)");
        assertThat(runError("[log]\nfile = \"log/macm.log\"\nmax-file-size = \"10MB\"\ntotal-size-cap = \"1MB\""))
                .isEqualTo("key 'log.total-size-cap' (1MB) is smaller than 'log.max-file-size' (10MB); make it at least as large");
        assertThat(runError("[log]\nlevel = \"info\""))
                .startsWith("[log] needs 'file' (e.g. file = \"log/macm.log\"");
        assertThat(runError("[log]\nfile = \"log/macm.log\"\nrotate = true")).startsWith("unknown key 'rotate'");
    }

    @Test
    void aLogFolderThatCannotBeMade_stopsRunWithOneLine_beforeAnythingStarts() throws Exception {
        Path dir = station("[log]\nfile = \"identity.toml/macm.log\"");
        CliRun r = CliRun.run("run", "--dir", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.errorLine()).startsWith("macm: cannot create the log folder " + dir.toAbsolutePath().resolve("identity.toml"))
                .endsWith("; check [log] file in station.toml");
        assertThat(dir.resolve("api.url")).doesNotExist();
    }

    @Test
    void wrongLogFormatOption_isAUsageError() {
        CliRun r = CliRun.run("--log-format", "xml", "status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("macm: Invalid value for option '--log-format': 'xml' is not a log "
                + "format; use text or json (see 'macm --help')");
    }
}
