package org.macm.encounter.ais;

import org.macm.encounter.EncounterException;

/**
 * Limits of one {@link AisDecoder}, validated on construction. They bound the memory and
 * time a hostile or broken feed can cost: a line longer than {@code maxLineLength} is not
 * parsed, at most {@code maxPendingGroups} multi-sentence messages wait for their fragments,
 * and a group not completed within {@code maxGroupSpan} sentences is dropped and counted as
 * {@code FRAGMENT_LOST}.
 *
 * @param maxLineLength characters per line, tag block and receiver suffix included
 * @param maxPendingGroups incomplete multi-sentence messages held at once
 * @param maxGroupSpan sentences after its first fragment within which a group must complete
 */
public record AisDecoderConfig(int maxLineLength, int maxPendingGroups, int maxGroupSpan) {
    /** 1,024 characters, 64 pending groups, 200 sentences: ample for real receivers and satellites. */
    public static final AisDecoderConfig DEFAULTS = new AisDecoderConfig(1024, 64, 200);

    public AisDecoderConfig {
        if (maxLineLength < 82 || maxLineLength > 65_536) {
            throw new EncounterException(
                    "ais max-line-length must be in [82, 65536] (82 is the NMEA minimum), got " + maxLineLength);
        }
        if (maxPendingGroups < 1 || maxPendingGroups > 4096) {
            throw new EncounterException("ais max-pending-groups must be in [1, 4096], got " + maxPendingGroups);
        }
        if (maxGroupSpan < 2 || maxGroupSpan > 1_000_000) {
            throw new EncounterException("ais max-group-span must be in [2, 1000000], got " + maxGroupSpan);
        }
    }
}
