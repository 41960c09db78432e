package org.macm.station.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.EntryKind;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;

/**
 * One message or link test as the inbox and the sent list show it.
 *
 * @param id           {@code AUTHOR/SEQ}, e.g. {@code cn-mnd/7}: what {@code macm ack} takes
 * @param kind         MESSAGE or TEST
 * @param precedence   the precedence (link tests count as ROUTINE)
 * @param summary      free text as written, or the template id and version
 * @param lang         the language of free text, empty for templates and tests
 * @param deadline     when the human acknowledgement is due, if one is expected
 * @param acknowledgements every acknowledgement of it, first one first (empty if none)
 * @param findings     for a peer's entry, the refusal messages of the agree rules it breaks
 *                     ({@code [A-PEERHEAD] …}): it is shown, but what it says of our log is void;
 *                     empty for nearly every entry
 */
public record MessageView(String id, StationId from, StationId to, long seq, EntryKind kind, Precedence precedence,
        String summary, Optional<String> lang, Instant time, MessageState state, Optional<Instant> deadline,
        List<Acknowledged> acknowledgements, List<String> findings) {

    public MessageView {
        acknowledgements = List.copyOf(acknowledgements);
        findings = List.copyOf(findings);
    }

    /** The first officer who acknowledged it, if any. */
    public Optional<String> acknowledgedBy() {
        return acknowledgements.stream().findFirst().map(Acknowledged::officer);
    }
}
