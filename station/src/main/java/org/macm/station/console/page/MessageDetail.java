package org.macm.station.console.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.SignedEntry;
import org.macm.station.traffic.MessageView;
import org.macm.template.Language;
import org.macm.template.RenderedMessage;

/**
 * What the Message page shows of one entry: its view (state, deadline, acknowledgements), the
 * text rendered for the officer and the original beside it (free text as written with its
 * language; a form as the other languages render it, since a form has no one original
 * language), the form's id, version and fields as signed, the entry's hash, and whether the
 * officer may acknowledge it here.
 *
 * @param view      the message as the traffic lists show it
 * @param incoming  it came from the peer
 * @param hash      the entry's hash (hex)
 * @param rendered  the text in the officer's language, if it is a message (a link test has none)
 * @param others    a form rendered in each other language
 * @param freeText  free text as written
 * @param form      a form's {@code id v version}
 * @param fields    a form's fields, each value as signed
 * @param canAck    the peer expects an acknowledgement and none was given yet
 * @param error     why the last action was refused, in the officer's language, or empty
 * @param remark    the remark the officer typed, kept when the action was refused
 */
public record MessageDetail(MessageView view, boolean incoming, String hash, Optional<RenderedMessage> rendered,
        List<RenderedMessage> others, Optional<MessageContent.FreeText> freeText, Optional<String> form,
        List<Field> fields, boolean canAck, String error, String remark) {
    public MessageDetail {
        others = List.copyOf(others);
        fields = List.copyOf(fields);
    }

    /** One field of a form: its name, its value as signed, and the language of a free-text value. */
    public record Field(String name, String value, Optional<String> lang) {
    }

    static MessageDetail of(MessageView view, boolean incoming, SignedEntry entry,
            Function<Language, Optional<RenderedMessage>> render, Language language, String error, String remark) {
        Optional<RenderedMessage> rendered = render.apply(language);
        List<RenderedMessage> others = new ArrayList<>();
        Optional<MessageContent.FreeText> freeText = Optional.empty();
        Optional<String> form = Optional.empty();
        List<Field> fields = new ArrayList<>();
        if (entry.entry().body() instanceof Body.Message m) {
            switch (m.content()) {
                case MessageContent.FreeText text -> freeText = Optional.of(text);
                case MessageContent.Template template -> {
                    form = Optional.of(template.id() + " v" + template.version());
                    for (Language other : Language.values()) {
                        if (other != language) {
                            render.apply(other).ifPresent(others::add);
                        }
                    }
                    for (Map.Entry<String, JsonNode> f : template.fields().properties()) {
                        fields.add(field(f.getKey(), f.getValue()));
                    }
                }
            }
        }
        boolean canAck = incoming && view.deadline().isPresent() && view.acknowledgements().isEmpty();
        return new MessageDetail(view, incoming, entry.hash().hex(), rendered, others, freeText, form, fields, canAck,
                error, remark);
    }

    /** Text as text; free text ({@code {"lang":…,"text":…}}) as written with its language; anything else as JSON. */
    private static Field field(String name, JsonNode value) {
        if (value.isTextual()) {
            return new Field(name, value.asText(), Optional.empty());
        }
        if (value.isObject() && value.size() == 2 && value.path("lang").isTextual() && value.path("text").isTextual()) {
            return new Field(name, value.path("text").asText(), Optional.of(value.path("lang").asText()));
        }
        return new Field(name, value.toString(), Optional.empty());
    }

    /** The state's text key suffix and CSS class: {@code received}, {@code acknowledged}… */
    public String state() {
        return view.state().name().toLowerCase(Locale.ROOT);
    }

    /** The precedence's CSS suffix. */
    public String precedence() {
        return view.precedence().name().toLowerCase(Locale.ROOT);
    }
}
