package org.macm.encounter.ais;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Interrogation (type 15): a station (usually a base station) asks one or two stations to send
 * given message types. 88 to 160 bits; the length says how many requests there are:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare
 * 40..69 mmsi 1   70..75 type 1.1   76..87 offset 1.1   88..89 spare
 * 90..95 type 1.2   96..107 offset 1.2   108..109 spare           (110 bits and longer)
 * 110..139 mmsi 2   140..145 type 2.1   146..157 offset 2.1   158..159 spare   (160 bits)
 * </pre>
 *
 * A second request to the first station is present when the message holds it and names a
 * message type (a zero type 1.2 is the standard's "none" in the 160-bit form); a request to a
 * second station when the message holds it and names a station.
 *
 * @param first the first request to the first station
 * @param second the second request to the first station
 * @param third the request to the second station
 */
public record Interrogation(int repeat, int mmsi, InterrogationRequest first, Optional<InterrogationRequest> second,
        Optional<InterrogationRequest> third) implements AisMessage {

    @Override
    public int messageType() {
        return 15;
    }

    /** Every request, in the order sent. */
    public List<InterrogationRequest> requests() {
        return Stream.of(Optional.of(first), second, third).flatMap(Optional::stream).toList();
    }
}
