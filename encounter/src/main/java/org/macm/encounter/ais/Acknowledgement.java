package org.macm.encounter.ais;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Binary acknowledge (type 7, for addressed binary messages) or safety-related acknowledge
 * (type 13, for addressed safety messages): a receiver confirms up to four addressed messages.
 * One layout for both; 72 to 168 bits, 32 bits per acknowledged message:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare
 * 40..69 mmsi 1   70..71 sequence 1   72..101 mmsi 2   102..103 sequence 2
 * 104..133 mmsi 3   134..135 sequence 3   136..165 mmsi 4   166..167 sequence 4
 * </pre>
 *
 * Only the entries the message is long enough to hold are present.
 *
 * @param messageType 7 (binary acknowledge) or 13 (safety-related acknowledge)
 */
public record Acknowledgement(int messageType, int repeat, int mmsi, Acknowledged first,
        Optional<Acknowledged> second, Optional<Acknowledged> third, Optional<Acknowledged> fourth)
        implements AisMessage {

    /** Every acknowledged message, in the order sent. */
    public List<Acknowledged> acknowledged() {
        return Stream.of(Optional.of(first), second, third, fourth).flatMap(Optional::stream).toList();
    }
}
