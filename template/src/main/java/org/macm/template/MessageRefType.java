package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * The {@code message-ref} type: the seq (1 or more) of an earlier message in the peer's log
 * on this link, shown as a serial number (第418号, serial 418).
 */
public record MessageRefType() implements FieldType {

    /** The seq of a message in the peer's log. */
    public record MessageRef(long seq) implements FieldValue {
        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(seq);
        }
    }

    @Override
    public String describe() {
        return "message seq";
    }

    @Override
    public Optional<MessageRef> read(String path, JsonNode node, FieldReader in) {
        return in.whole(path, node, 1, Long.MAX_VALUE, "the seq (1 or more) of a message in the peer's log")
                .map(MessageRef::new);
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return out.phrases().serial(((MessageRef) value).seq());
    }
}
