package org.macm.station.traffic;

import java.time.Instant;
import java.util.Optional;

/**
 * One officer's signed acknowledgement of a message, as the lists show it. A message may carry
 * several (a second officer may acknowledge it once more, with a remark); they are listed in
 * log order, so the first officer to answer is always shown first.
 *
 * @param officer who acknowledged it (rank and name, as they gave it)
 * @param time    when, as the acknowledgement says
 * @param remark  the remark sent with it, if any
 * @param id      the acknowledgement's own entry, {@code AUTHOR/SEQ}
 */
public record Acknowledged(String officer, Instant time, Optional<String> remark, String id) {
}
