package org.macm.encounter.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.macm.encounter.modes.AircraftIdentification;
import org.macm.encounter.modes.ModeSTrackAdapter;

/** A Mode S feed forgets aircraft it has not heard for a minute, so a receiver running for months holds only what it hears. */
class ModeSFeedTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aircraftNotHeardForAMinute_areForgotten_aircraftHeardLately_kept() {
        ModeSFeed feed = new ModeSFeed(new ModeSTrackAdapter(Duration.ofSeconds(10), Optional.empty()));
        for (int i = 0; i < ModeSFeed.FORGET_EVERY - 2; i++) {
            feed.adapt(new AircraftIdentification(17, i, 4, "A0", "T" + i), T0);
        }
        feed.adapt(new AircraftIdentification(17, 0xABCDEF, 4, "A0", "LATE"), T0.plusSeconds(90));
        assertThat(feed.aircraft()).isEqualTo(ModeSFeed.FORGET_EVERY - 1);
        // The next message passes the count: everything last heard more than a minute before it goes.
        feed.adapt(new AircraftIdentification(17, 0x123456, 4, "A0", "NEW"), T0.plusSeconds(100));
        assertThat(feed.aircraft()).as("the late one and the new one").isEqualTo(2);
    }
}
