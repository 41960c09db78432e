package org.macm.station.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.StationId;

/**
 * The watch has one clock: a replay beside a live feed, or replays at two speeds, are refused
 * in one line that says what to do instead, before the station starts.
 */
class WatchOneClockConfigTest {
    @TempDir
    Path tmp;

    private StationConfig read(String sources) throws Exception {
        Path file = tmp.resolve("station.toml");
        Files.writeString(file, StationConfigWriter.render(ConfigSpec.initial(StationId.of("jp-mod"))) + """

                [watch]
                units = "units.toml"
                side = "JP"
                other-side = "CN"
                """ + sources);
        return new ConfigFile().read(file);
    }

    private static String replay(String file, double speed) {
        return "[[watch.sources]]\nkind = \"replay\"\nformat = \"ais\"\nfile = \"" + file + "\"\nspeed = " + speed + "\n";
    }

    @Test
    void aReplayBesideALiveFeed_isRefused_sayingWhereToReplayInstead() {
        assertThatThrownBy(() -> read(replay("ecs.aivdm", 10) + """
                [[watch.sources]]
                kind = "tcp-client"
                format = "ais"
                address = "127.0.0.1:10110"
                """)).hasMessageContaining("[watch] mixes replays with live feeds, but the watch has one clock")
                .hasMessageContaining("'macm watch --replay'").hasMessageNotContaining("\n");
    }

    @Test
    void replaysAtTwoSpeeds_areRefused() {
        assertThatThrownBy(() -> read(replay("a.aivdm", 0) + replay("b.aivdm", 10)))
                .hasMessageContaining("give every replay the same 'speed'");
    }

    @Test
    void replaysAtOneSpeed_orLiveFeedsAlone_areTaken() throws Exception {
        assertThat(read(replay("a.aivdm", 10) + replay("b.aivdm", 10)).watch().orElseThrow().sources()).hasSize(2);
    }
}
