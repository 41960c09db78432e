package org.macm.encounter.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.DraftNotice;
import org.macm.encounter.alert.SafetyAlert;
import org.macm.encounter.track.SafetyText;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.track.TrackStore;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.Unit;
import org.macm.encounter.unit.UnitRegistry;

/**
 * Raises an alert for each safety message (AIS type 12 or 14) a registered unit of either
 * party sends; a third party's are not the hotline's business. A unit repeating the same
 * text (safety broadcasts are repeated every few minutes) raises it once in
 * {@link #REPEAT_WINDOW}. The alert is raised only: it reports what was said, so nothing
 * updates or clears it. Not thread-safe.
 */
final class SafetyWatch {
    /** A repeat of the same text by the same unit within this time is the same message. */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(30);

    private final UnitRegistry registry;
    private final Parties parties;
    /** Unit key and text → when last raised. */
    private final Map<String, Instant> recent = new HashMap<>();

    SafetyWatch(UnitRegistry registry, Parties parties) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.parties = Objects.requireNonNull(parties, "parties");
    }

    void accept(SafetyText s, TrackStore store, Consumer<AlertEvent> out) {
        Optional<Unit> found = registry.find(s.id());
        if (found.isEmpty() || !parties.isParty(found.get().side())) {
            return;
        }
        Unit unit = found.get();
        recent.values().removeIf(t -> t.plus(REPEAT_WINDOW).isBefore(s.time()));
        String key = unit.key() + "\n" + s.text();
        Instant last = recent.get(key);
        if (last != null && !s.time().isBefore(last)) {
            return;
        }
        recent.put(key, s.time());
        Optional<TrackState> track = store.get(s.id());
        Optional<GeoPoint> position = track.map(t -> t.positionAt(s.time()));
        String name = track.map(TrackState::displayName).orElse(unit.name());
        String id = "safety:" + unit.identifiers().get(0).key() + "@" + s.time().truncatedTo(ChronoUnit.SECONDS);
        SafetyAlert alert = new SafetyAlert(id, unit, name, s.time(), position, s.text(), s.to());
        out.accept(new AlertEvent.Raised(alert, DraftNotice.of(alert)));
    }
}
