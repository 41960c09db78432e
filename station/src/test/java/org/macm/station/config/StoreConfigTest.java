package org.macm.station.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.cli.CliRun;

/** The store in station.toml: today's string, the [store] table for SQLite and PostgreSQL, and one clear line per mistake. */
class StoreConfigTest {
    @TempDir
    Path tmp;

    private int stations;

    /** A station folder whose station.toml has {@code storeText} in place of init's {@code store = ...} line. */
    private Path station(String storeText) throws Exception {
        Path dir = CliRun.init(tmp.resolve("cn" + ++stations), "cn-mnd");
        Path toml = dir.resolve("station.toml");
        String text = Files.readString(toml, StandardCharsets.UTF_8);
        // A top-level key takes init's store line's place; a table goes at the end, after every top-level key.
        text = storeText.startsWith("[") ? text.replaceFirst("(?m)^store = .*$", "") + "\n" + storeText + "\n"
                : text.replaceFirst("(?m)^store = .*$", storeText);
        Files.writeString(toml, text, StandardCharsets.UTF_8);
        return dir;
    }

    private StoreConfig read(String storeText) throws Exception {
        return new ConfigFile().read(station(storeText).resolve("station.toml")).store();
    }

    private String error(String storeText) throws Exception {
        Path dir = station(storeText);
        Path toml = dir.resolve("station.toml");
        String prefix = "config file " + toml + ": ";
        try {
            new ConfigFile().read(toml);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith(prefix).doesNotContain("\n");
            return e.getMessage().substring(prefix.length());
        }
        throw new AssertionError("no error for " + storeText);
    }

    @Test
    void theOldStringKey_stillNamesTheSqliteFile() throws Exception {
        Path dir = station("store = \"disk/x.db\"");
        assertThat(new ConfigFile().read(dir.resolve("station.toml")).store())
                .isEqualTo(new StoreConfig.Sqlite(dir.toAbsolutePath().resolve("disk/x.db")));
    }

    @Test
    void noStoreAtAll_isTheDefaultSqliteFile() throws Exception {
        Path dir = station("");
        assertThat(new ConfigFile().read(dir.resolve("station.toml")).store())
                .isEqualTo(new StoreConfig.Sqlite(dir.toAbsolutePath().resolve("store/macm.db")));
    }

    @Test
    void aStoreTableWithFile_isSqlite() throws Exception {
        Path dir = station("[store]\nfile = \"other/macm.db\"");
        assertThat(new ConfigFile().read(dir.resolve("station.toml")).store())
                .isEqualTo(new StoreConfig.Sqlite(dir.toAbsolutePath().resolve("other/macm.db")));
    }

    @Test
    void aStoreTableWithUrl_isPostgres_withItsDefaults() throws Exception {
        StoreConfig.Postgres p = (StoreConfig.Postgres) read("[store]\nurl = \"postgresql://macm@db1:5432/macm\"");
        assertThat(p.url()).isEqualTo("postgresql://macm@db1:5432/macm");
        assertThat(p.user()).isEqualTo("macm");
        assertThat(p.passwordFile()).isEqualTo(p.stationDir().resolve("keys/store.password"));
        assertThat(p.lease()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.node()).isNotBlank();
        assertThat(p.holder()).isEqualTo(p.node() + "/" + ProcessHandle.current().pid());
    }

    @Test
    void everyPostgresKey_isRead() throws Exception {
        StoreConfig.Postgres p = (StoreConfig.Postgres) read("[store]\nurl = \"postgresql://db1/macm?sslmode=require\"\n"
                + "user = \"station\"\npassword-file = \"/etc/macm/pw\"\nnode = \"cn-a\"\nlease = \"3s\"");
        assertThat(p.user()).isEqualTo("station");
        assertThat(p.passwordFile()).isEqualTo(Path.of("/etc/macm/pw"));
        assertThat(p.node()).isEqualTo("cn-a");
        assertThat(p.lease()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aPasswordInTheUrl_isRefused_withoutEchoingIt() throws Exception {
        assertThat(error("[store]\nurl = \"postgresql://macm:s3cret@db1/macm\""))
                .isEqualTo("key 'store.url' holds a password; remove it from the URL and put it in the password file"
                        + " (keys/store.password, chmod 600) or in MACM_STORE_PASSWORD")
                .doesNotContain("s3cret");
    }

    @Test
    void mistakes_areOneLineEach_sayingWhatToWrite() throws Exception {
        assertThat(error("[store]\nurl = \"mysql://db1/macm\""))
                .isEqualTo("key 'store.url' is 'mysql://db1/macm'; write postgresql://ROLE@HOST:PORT/DATABASE,"
                        + " e.g. postgresql://macm@db1:5432/macm");
        assertThat(error("[store]\nurl = \"postgresql://db1/macm\""))
                .isEqualTo("[store] does not name the database role; write it in the URL"
                        + " (postgresql://macm@HOST/DATABASE) or as user = \"macm\"");
        assertThat(error("[store]\nfile = \"a.db\"\nurl = \"postgresql://macm@db1/macm\""))
                .isEqualTo("[store] has both 'file' (SQLite) and 'url' (PostgreSQL); keep the one this station uses");
        assertThat(error("[store]\nurl = \"postgresql://macm@db1/macm\"\nlease = \"200ms\""))
                .startsWith("key 'store.lease' is '200ms'; write a time from 1s to 10m (default 5s)");
        assertThat(error("[store]\nurl = \"postgresql://macm@db1/macm\"\nlease = \"soon\""))
                .isEqualTo("key 'store.lease' is 'soon'; write a duration like 500ms, 2s, 5m or 6h");
        assertThat(error("[store]\nurl = \"postgresql://macm@db1/macm\"\nnode = \"a b\""))
                .startsWith("key 'store.node' is 'a b'; write a short name");
        assertThat(error("[store]\nfile = \"a.db\"\nlease = \"5s\""))
                .isEqualTo("key 'store.lease' applies to a PostgreSQL store only; add url = \"postgresql://...\" or remove it");
        assertThat(error("[store]\nurl = \"postgresql://macm@db1/macm\"\npassword = \"x\""))
                .startsWith("unknown key 'password' in [store] (known keys: file, lease, node, password-file, url, user)");
        assertThat(error("store = 5"))
                .startsWith("key 'store' must be text in quotes (the SQLite file");
        assertThat(error("[store]\nurl = \"postgresql://macm@db1/macm\"\nlease = 5"))
                .isEqualTo("key 'store.lease' is '5'; write a duration like 500ms, 2s, 5m or 6h");
    }

    @Test
    void macmRun_withoutThePasswordFile_stopsWithOneLine() throws Exception {
        Path dir = station("[store]\nurl = \"postgresql://macm@127.0.0.1:1/macm\"\nnode = \"cn-a\"");
        CliRun r = CliRun.withEnv(java.util.Map.of(), "run", "--dir", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        Path pw = dir.toAbsolutePath().resolve("keys/store.password");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.errorLine()).isEqualTo("macm: store password file " + pw + " does not exist: write the database"
                + " password into it on one line and chmod 600 it, or set MACM_STORE_PASSWORD");
    }

    @Test
    void aPostgresConfig_neverHoldsThePassword() throws Exception {
        StoreConfig p = read("[store]\nurl = \"postgresql://macm@db1/macm\"");
        assertThat(p.toString()).contains("passwordFile=").doesNotContain("password=");
    }
}
