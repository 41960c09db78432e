package org.macm.station.traffic;

import java.util.List;
import java.util.Optional;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.StationException;
import org.macm.template.Language;

/**
 * A duty officer's acknowledgement of a received message, under the rule that keeps the record
 * honest: a message already acknowledged is acknowledged once more only on purpose
 * ({@code again}) and with a remark saying why. The station checks that the message is held
 * and is a peer's; this class checks what was already answered, one acknowledgement at a time,
 * so two officers pressing at once cannot both pass the check.
 */
public final class Acknowledgements {
    private final Station station;
    private final MessageBoard board;

    public Acknowledgements(Station station, MessageBoard board) {
        this.station = station;
        this.board = board;
    }

    /**
     * Signs {@code officer}'s acknowledgement of message {@code seq} of {@code author}'s log
     * and returns the entry; throws {@link AlreadyAcknowledgedException} if it was acknowledged
     * before and {@code again} is not set, and a {@link StationException} if {@code again} comes
     * without a remark. Nothing is written when it throws.
     */
    public synchronized SignedEntry acknowledge(StationId author, long seq, String officer, Optional<String> remark,
            boolean again) {
        String id = author + "/" + seq;
        if (again && remark.filter(r -> !r.isBlank()).isEmpty()) {
            throw new StationException("acknowledging " + id + " once more needs a remark saying why");
        }
        station.requireReceived(author, seq);
        List<Acknowledged> earlier = board.message(author, false, seq, station.clock().instant(), Language.EN)
                .map(MessageView::acknowledgements).orElse(List.of());
        if (!earlier.isEmpty() && !again) {
            Acknowledged first = earlier.get(0);
            throw new AlreadyAcknowledgedException(id + " was already acknowledged by " + first.officer() + " at "
                    + DutyTime.full(first.time()) + "; add --again with a remark to acknowledge it once more");
        }
        return station.acknowledge(author, seq, officer, remark);
    }
}
