package org.macm.station.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.Head;
import org.macm.station.traffic.Acknowledged;
import org.macm.station.traffic.MessageView;

/** How a message (inbox, sent list, escalations) and a log head look in the API's answers. */
final class MessageJson {
    private MessageJson() {
    }

    static ObjectNode view(MessageView v) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", v.id());
        n.put("from", v.from().value());
        n.put("to", v.to().value());
        n.put("seq", v.seq());
        n.put("kind", v.kind().name());
        n.put("precedence", v.precedence().name());
        n.put("summary", v.summary());
        v.lang().ifPresent(l -> n.put("lang", l));
        n.put("time", EntryCodec.formatTime(v.time()));
        n.put("state", v.state().name());
        v.deadline().ifPresent(d -> n.put("deadline", EntryCodec.formatTime(d)));
        // The first officer stays here for the clients written before several acknowledgements were shown.
        v.acknowledgedBy().ifPresent(o -> n.put("acknowledgedBy", o));
        ArrayNode acks = n.putArray("acknowledgements");
        for (Acknowledged a : v.acknowledgements()) {
            ObjectNode an = acks.addObject().put("officer", a.officer()).put("time", EntryCodec.formatTime(a.time()));
            a.remark().ifPresent(r -> an.put("remark", r));
            an.put("id", a.id());
        }
        if (!v.findings().isEmpty()) {
            // What the entry says of our log and is not true (docs/PROTOCOL.md §10 step 3): shown, but void.
            ArrayNode findings = n.putArray("findings");
            v.findings().forEach(findings::add);
        }
        return n;
    }

    static ObjectNode head(Head h) {
        return JsonNodeFactory.instance.objectNode().put("seq", h.seq()).put("hash", h.hash().hex());
    }
}
