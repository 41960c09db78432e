package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.loopback;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Precedence;
import org.macm.station.StationPair;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.ConfigSpec;
import org.macm.station.config.StationConfig;
import org.macm.station.run.ConfigReload.Change;

/**
 * What a reload reports and keeps, from station.toml files written as an operator edits them:
 * live keys are taken from the new file, every other key stays as the running parts use it.
 */
class ConfigReloadTest {
    @TempDir
    Path tmp;

    @Test
    void sameFile_noChange() {
        StationPair pair = StationPair.create(tmp);
        StationConfig running = read(pair, pair.listening(CN, loopback(4000)));
        ConfigReload reload = ConfigReload.between(running, read(pair, pair.listening(CN, loopback(4000))));
        assertThat(reload.changes()).isEmpty();
        assertThat(reload.config()).isEqualTo(running);
        assertThat(reload.deadlinesChanged()).isFalse();
    }

    @Test
    void deadlinesAndLinkTestsApply_addressesAndHeartbeatNeedARestart_andKeepTheirRunningValues() {
        StationPair pair = StationPair.create(tmp);
        StationConfig running = read(pair, pair.listening(CN, loopback(4000)));
        StationConfig edited = read(pair, pair.listening(CN, loopback(4000, 4001))
                .withAckDeadline(Precedence.FLASH, Duration.ofMinutes(9))
                .withLinkTests(Duration.ofMinutes(20), true)
                .withHeartbeat(Duration.ofSeconds(7), 4));

        ConfigReload reload = ConfigReload.between(running, edited);

        assertThat(reload.changes()).extracting(Change::line).containsExactly(
                "reload: link.listen changed, needs a restart",
                "reload: link.heartbeat-interval changed, needs a restart",
                "reload: link.heartbeat-misses changed, needs a restart",
                "reload: deadlines.flash applied",
                "reload: link-tests.interval applied",
                "reload: link-tests.human-ack applied");
        assertThat(reload.deadlinesChanged()).isTrue();
        StationConfig next = reload.config();
        assertThat(next.ackDeadline(Precedence.FLASH)).isEqualTo(Duration.ofMinutes(9));
        assertThat(next.testInterval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(next.listen()).as("what the link listens on until a restart").isEqualTo(running.listen());
        assertThat(next.heartbeatInterval()).isEqualTo(running.heartbeatInterval());
    }

    private static StationConfig read(StationPair pair, ConfigSpec spec) {
        pair.write(spec);
        return new ConfigFile().read(pair.cn().config());
    }
}
