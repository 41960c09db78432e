package org.macm.station.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.macm.core.log.StationId;
import org.macm.template.Language;

/**
 * The {@code [console]} section of station.toml: every key is read, the console listens on
 * loopback unless told otherwise, and a bad value is one line naming the file and the key.
 */
class ConsoleConfigTest {
    @TempDir
    Path tmp;

    private StationConfig read(String... consoleLines) throws Exception {
        Path file = tmp.resolve("station.toml");
        String toml = StationConfigWriter.render(ConfigSpec.initial(StationId.of("cn-mnd")));
        if (consoleLines.length > 0) {
            toml += "\n[console]\n" + String.join("\n", consoleLines) + "\n";
        }
        Files.writeString(file, toml);
        return new ConfigFile().read(file);
    }

    @Test
    void noConsoleSection_listensOnLoopback_anyFreePort_plainHttp_english_15MinutesIdle() throws Exception {
        ConsoleConfig c = read().console();
        assertThat(c.listen().getAddress().isLoopbackAddress()).isTrue();
        assertThat(c.listen().getPort()).isZero();
        assertThat(c.tls()).isEmpty();
        assertThat(c.language()).isEqualTo(Language.EN);
        assertThat(c.zone()).isEmpty();
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.zoneFor(Language.JA)).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void everyKey_isRead() throws Exception {
        ConsoleConfig c = read("listen = \"127.0.0.1:8443\"", "tls-certificate = \"keys/console.crt\"",
                "tls-key = \"keys/console.key\"", "language = \"zh-Hans\"", "time-zone = \"Asia/Shanghai\"",
                "idle-timeout = \"5m\"").console();
        assertThat(c.listen()).isEqualTo(ConfigSpec.loopback(8443));
        assertThat(c.tls()).contains(new ConsoleConfig.Tls(tmp.resolve("keys/console.crt"), tmp.resolve("keys/console.key")));
        assertThat(c.language()).isEqualTo(Language.ZH_HANS);
        assertThat(c.zone()).isEqualTo(Optional.of(ZoneId.of("Asia/Shanghai")));
        assertThat(c.zoneFor(Language.EN)).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "listen       | \"nowhere\"      | key 'console.listen' has 'nowhere'; write HOST:PORT",
        "listen       | \"1.2.3.4:99999\" | key 'console.listen'",
        "language     | \"fr\"           | key 'console.language' is 'fr'; write ja, zh-Hans or en",
        "time-zone    | \"Mars/Olympus\" | key 'console.time-zone' is 'Mars/Olympus'; write a zone like Asia/Tokyo",
        "idle-timeout | \"0s\"           | key 'console.idle-timeout' must be longer than 0",
        "idle-timeout | \"soon\"         | console.idle-timeout",
        "idle-timeout | 15               | idle-timeout",
        "tls-certificate | \"c.pem\"     | [console] needs both 'tls-certificate' and 'tls-key'",
        "tls-key      | \"k.pem\"        | [console] needs both 'tls-certificate' and 'tls-key'",
        "listen-on    | \"127.0.0.1:1\"  | unknown key 'listen-on'",
    })
    void badValue_isOneLine_namingTheFileAndTheKey(String key, String value, String expected) {
        Path file = tmp.resolve("station.toml");
        assertThatThrownBy(() -> read(key + " = " + value)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("config file " + file).hasMessageContaining(expected)
                .hasMessageNotContaining("\n").hasMessageNotContaining("Exception");
    }
}
