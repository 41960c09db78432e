package org.macm.encounter.track;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.macm.encounter.unit.Identifier;

/**
 * A safety-related text a unit sent (AIS type 12, addressed, or type 14, broadcast), as
 * received: the watch shows it in its alert list. The text is untrusted (whoever transmits
 * on AIS chooses it); whoever shows it escapes it.
 *
 * @param to the addressee of an addressed message; empty for a broadcast
 */
public record SafetyText(Identifier id, Instant time, String text, Optional<Identifier> to, TrackSource source)
        implements TrackEvent {

    public SafetyText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
    }
}
