package org.macm.station.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.traffic.Acknowledgements;
import org.macm.station.traffic.AlreadyAcknowledgedException;

/**
 * {@code POST /api/v1/acknowledgements}: a duty officer's acknowledgement of a received message.
 * A second acknowledgement of the same message is refused with 409 unless {@code again} is set
 * with a remark (the rule is {@link Acknowledgements}'s).
 */
public final class AcknowledgementsHandler {
    static final List<String> FIELDS = List.of("id", "officer", "remark", "again");

    private final Acknowledgements acknowledgements;

    public AcknowledgementsHandler(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    List<Route> routes() {
        return List.of(new Route("POST", "/api/v1/acknowledgements", Role.OPERATOR,
                r -> acknowledge(JsonRequest.of(r.body(), FIELDS))));
    }

    private JsonNode acknowledge(JsonRequest body) {
        String id = body.text("id");
        int slash = id.indexOf('/');
        if (slash < 1) {
            throw new ApiException(400, "field 'id' is AUTHOR/SEQ, e.g. cn-mnd/7, not '" + id + "'");
        }
        StationId author = JsonRequest.field("id", () -> StationId.of(id.substring(0, slash)));
        long seq = JsonRequest.seq("id", id.substring(slash + 1));
        String officer = body.text("officer");
        boolean again = body.flag("again");
        SignedEntry e;
        try {
            e = acknowledgements.acknowledge(author, seq, officer, body.optionalText("remark"), again);
        } catch (AlreadyAcknowledgedException refused) {
            throw new ApiException(409, refused.getMessage());
        }
        return JsonNodeFactory.instance.objectNode().put("id", e.log().author() + "/" + e.seq()).put("acknowledges", id);
    }
}
