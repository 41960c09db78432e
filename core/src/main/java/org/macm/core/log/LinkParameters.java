package org.macm.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The acknowledgement deadlines a station expects for the messages it writes, announced in
 * its own log so that both stations, and anyone holding the two exports later, apply the
 * same deadlines to the same message (docs/PROTOCOL.md §14).
 *
 * <p>An announcement is an ordinary signed MESSAGE entry (wire format unchanged) whose
 * template is the protocol-reserved {@value #TEMPLATE_ID} version {@value #TEMPLATE_VERSION},
 * fields {@code {"flash":"PT5M","immediate":"PT30M","priority":"PT3H","routine":"PT6H"}}
 * (ISO-8601 durations of whole seconds, 1 s to 7 days). It is not a message for a duty
 * officer: it is never shown as one, never acknowledged and never escalates. The
 * announcement in force for a message is the latest one before it in its author's log;
 * before any, {@link #DEFAULTS} (the protocol's defaults, {@link Precedence#defaultAckDeadline}).
 * A link test that asks for a human answer is held to the IMMEDIATE deadline.
 */
public record LinkParameters(Map<Precedence, Duration> deadlines) {
    public static final String TEMPLATE_ID = "link-parameters";
    public static final int TEMPLATE_VERSION = 1;
    // Declared before DEFAULTS, which the constructor checks against it.
    private static final Duration LONGEST = Duration.ofDays(7);
    /** What applies to an author that has announced nothing. */
    public static final LinkParameters DEFAULTS = defaults();

    public LinkParameters {
        Objects.requireNonNull(deadlines, "deadlines");
        EnumMap<Precedence, Duration> copy = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            Duration d = deadlines.get(p);
            if (d == null) {
                throw new MalformedEntryException("link parameters lack the " + p + " deadline");
            }
            copy.put(p, checked(p, d));
        }
        deadlines = Collections.unmodifiableMap(copy);
    }

    private static LinkParameters defaults() {
        EnumMap<Precedence, Duration> d = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            d.put(p, p.defaultAckDeadline());
        }
        return new LinkParameters(d);
    }

    /** The acknowledgement deadline of a message of this precedence. */
    public Duration deadline(Precedence p) {
        return deadlines.get(p);
    }

    /** The deadline of a link test that asks for a human answer (held to IMMEDIATE, like a check call). */
    public Duration testDeadline() {
        return deadlines.get(Precedence.IMMEDIATE);
    }

    /** True when {@code e} is an announcement (whether or not its fields are valid). */
    public static boolean isAnnouncement(Entry e) {
        return e.body() instanceof Body.Message m && m.content() instanceof MessageContent.Template t
                && t.id().equals(TEMPLATE_ID);
    }

    /**
     * The parameters {@code e} announces, or empty when {@code e} is not an announcement.
     * Throws {@link MalformedEntryException} naming the field when it is one but its fields are
     * not exactly the four deadlines in the form above.
     */
    public static Optional<LinkParameters> of(Entry e) {
        if (!isAnnouncement(e)) {
            return Optional.empty();
        }
        MessageContent.Template t = (MessageContent.Template) ((Body.Message) e.body()).content();
        if (t.version() != TEMPLATE_VERSION) {
            throw new MalformedEntryException("link parameters version " + t.version() + " is not known (this station reads "
                    + TEMPLATE_VERSION + ")");
        }
        ObjectNode fields = t.fields();
        EnumMap<Precedence, Duration> d = new EnumMap<>(Precedence.class);
        for (Map.Entry<String, JsonNode> f : fields.properties()) {
            Precedence p = precedence(f.getKey());
            if (!f.getValue().isTextual()) {
                throw new MalformedEntryException("link parameters field '" + f.getKey() + "' must be a duration such as PT5M");
            }
            try {
                d.put(p, Duration.parse(f.getValue().textValue()));
            } catch (DateTimeParseException ex) {
                throw new MalformedEntryException("link parameters field '" + f.getKey() + "' is '" + f.getValue().textValue()
                        + "'; it must be a duration such as PT5M", ex);
            }
        }
        return Optional.of(new LinkParameters(d));
    }

    /** The template fields of an announcement of these parameters. */
    public MessageContent.Template template() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (Precedence p : Precedence.values()) {
            fields.put(p.name().toLowerCase(Locale.ROOT), deadlines.get(p).toString());
        }
        return new MessageContent.Template(TEMPLATE_ID, TEMPLATE_VERSION, fields);
    }

    private static Precedence precedence(String key) {
        for (Precedence p : Precedence.values()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(key)) {
                return p;
            }
        }
        throw new MalformedEntryException("link parameters have an unknown field '" + key
                + "' (known: flash, immediate, priority, routine)");
    }

    private static Duration checked(Precedence p, Duration d) {
        if (d.isNegative() || d.isZero() || d.toNanosPart() != 0 || d.compareTo(LONGEST) > 0) {
            throw new MalformedEntryException("link parameters: the " + p + " deadline " + d
                    + " must be whole seconds from 1 s to 7 days");
        }
        return d;
    }
}
