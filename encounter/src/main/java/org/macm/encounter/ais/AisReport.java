package org.macm.encounter.ais;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded AIS message with what the NMEA envelope said about it: who relayed it (talker,
 * own vessel or other), on which VHF channel, and, when the line carried an NMEA 4.0 tag
 * block, which receiver heard it and when.
 *
 * @param talker the NMEA talker id, e.g. {@code AI} (mobile station) or {@code BS} (base station)
 * @param ownVessel true for {@code VDO} (the receiver's own ship), false for {@code VDM}
 * @param channel the AIS channel as sent ({@code A}, {@code B}, {@code 1}, {@code 2}), or
 *     the empty string when the sentence left it blank
 * @param source the tag block's {@code s:} source (receiver or station id)
 * @param receivedAt the tag block's {@code c:} time
 */
public record AisReport(
        AisMessage message,
        String talker,
        boolean ownVessel,
        String channel,
        Optional<String> source,
        Optional<Instant> receivedAt) {

    public AisReport {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(talker, "talker");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
