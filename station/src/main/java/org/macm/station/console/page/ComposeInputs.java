package org.macm.station.console.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.template.AltitudeType;
import org.macm.template.AreaType;
import org.macm.template.CountType;
import org.macm.template.CourseType;
import org.macm.template.DateTimeType;
import org.macm.template.DistanceType;
import org.macm.template.DurationType;
import org.macm.template.EnumType;
import org.macm.template.FieldType;
import org.macm.template.Language;
import org.macm.template.ListType;
import org.macm.template.MessageRefType;
import org.macm.template.PositionType;
import org.macm.template.ReferenceType;
import org.macm.template.SpeedType;
import org.macm.template.TextType;
import org.macm.template.UnitType;
import org.macm.template.Vocabulary;
import org.macm.station.console.UiText;

/**
 * The HTML inputs of one form field, by its type in the catalog: a number input with the
 * type's range for a course or a speed, latitude and longitude for a position, a select for an
 * enumeration or a unit's side, a text area and its language for text, one group of inputs per
 * item of a list. Input names are the field's path in the signed {@code fields} object
 * ({@code f:ownUnits[0].side}), so that {@link ComposeValues} can build the JSON back and a
 * template error's path lands next to its input. The browser's checks (range, pattern) only
 * help; the catalog decides.
 */
public final class ComposeInputs {
    static final String PREFIX = "f:";

    private final Vocabulary vocabulary;
    private final UiText t;

    ComposeInputs(Vocabulary vocabulary, UiText t) {
        this.vocabulary = vocabulary;
        this.t = t;
    }

    /** One choice of a select. */
    public record Choice(String value, String label) {
    }

    /**
     * One input: {@code kind} is an HTML input type ({@code number}, {@code text},
     * {@code datetime-local}) or {@code select} or {@code textarea}; empty attributes are left out.
     */
    public record Input(String name, String label, String kind, String value, List<Choice> choices, String min, String max,
            String step, String pattern, String placeholder) {
        public boolean select() {
            return kind.equals("select");
        }

        public boolean textarea() {
            return kind.equals("textarea");
        }

        /** An attribute's value, or null so that the template leaves it out. */
        public static String attr(String v) {
            return v.isEmpty() ? null : v;
        }
    }

    /** The inputs of one list item (or of a field that is not a list: one group, no legend). */
    public record Group(String legend, List<Input> inputs) {
    }

    /** How many item slots a list shows: those filled, one empty to add, within the list's bounds. */
    static int slots(ListType list, String name, Map<String, String> values) {
        int filled = 0;
        Pattern item = Pattern.compile(Pattern.quote(PREFIX + name) + "\\[(\\d{1,4})\\].*", Pattern.DOTALL);
        for (String key : values.keySet()) {
            Matcher m = item.matcher(key);
            if (m.matches()) {
                filled = Math.max(filled, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return Math.min(list.maxItems(), Math.max(Math.max(filled + 1, list.minItems()), 1));
    }

    /** The groups of inputs of field {@code name} of {@code type}, filled with {@code values}. */
    List<Group> groups(String name, FieldType type, Map<String, String> values) {
        if (type instanceof ListType list) {
            List<Group> groups = new ArrayList<>();
            for (int i = 0; i < slots(list, name, values); i++) {
                groups.add(new Group(t.format("compose.item", i + 1),
                        inputs(name + "[" + i + "]", list.item(), values)));
            }
            return groups;
        }
        return List.of(new Group("", inputs(name, type, values)));
    }

    private List<Input> inputs(String path, FieldType type, Map<String, String> v) {
        return switch (type) {
            case PositionType p -> position(path, "", v);
            case DateTimeType d -> List.of(input(path, t.get("compose.utc"), "datetime-local", v, "", "", "1", "", ""));
            case DurationType d -> List.of(input(path, "", "text", v, "", "", "",
                    "P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?", "PT2H30M"));
            case CourseType c -> List.of(input(path, "", "number", v, "0", "359.9", "0.1", "", ""));
            case SpeedType s -> List.of(input(path, "", "number", v, "0", "2000", "0.1", "", ""));
            case AltitudeType a -> List.of(input(path, "", "number", v, "0", "100000", "1", "", ""));
            case DistanceType d -> List.of(input(path, "", "number", v, "0", "5000", "0.1", "", ""));
            case CountType c -> List.of(input(path, "", "number", v, "0", Long.toString(c.max()), "1", "", ""));
            case MessageRefType m -> List.of(input(path, "", "number", v, "1", "", "1", "", ""));
            case ReferenceType r -> List.of(input(path, "", "text", v, "", "", "", "[ -~]{1,64}", "NAVAREA XI 1432/26"));
            case EnumType e -> List.of(select(path, "", v, e.options().stream()
                    .map(o -> new Choice(o.value(), o.label().in(t.language()))).toList()));
            case TextType x -> List.of(
                    new Input(PREFIX + path + ".text", "", "textarea", v.getOrDefault(PREFIX + path + ".text", ""),
                            List.of(), "", "", "", "", ""),
                    languageSelect(PREFIX + path + ".lang", t.get("compose.language"), v, t.language()));
            case UnitType u -> unit(path, v);
            case AreaType a -> area(path, v);
            default -> List.of(new Input(PREFIX + path, t.get("compose.json"), "textarea",
                    v.getOrDefault(PREFIX + path, ""), List.of(), "", "", "", "", ""));
        };
    }

    private List<Input> position(String path, String label, Map<String, String> v) {
        String prefix = label.isEmpty() ? "" : label + " ";
        return List.of(
                input(path + ".lat", prefix + t.get("compose.lat"), "number", v, "-90", "90", "any", "", "25.75"),
                input(path + ".lon", prefix + t.get("compose.lon"), "number", v, "-180", "180", "any", "", "123.5"));
    }

    private List<Input> unit(String path, Map<String, String> v) {
        return List.of(
                select(path + ".side", t.get("compose.unit.side"), v, vocabulary.sides().stream()
                        .map(s -> new Choice(s.code(), s.label().in(t.language()))).toList()),
                select(path + ".type", t.get("compose.unit.type"), v, vocabulary.unitKinds().stream()
                        .map(k -> new Choice(k.code(), k.label().in(t.language()))).toList()),
                input(path + ".name", t.get("compose.unit.name"), "text", v, "", "", "", ".{1,64}", ""),
                input(path + ".number", t.get("compose.unit.number"), "text", v, "", "", "", "[A-Za-z0-9\\-]{1,12}", ""),
                input(path + ".mmsi", "MMSI", "text", v, "", "", "", "[0-9]{9}", "412000101"),
                input(path + ".icao", "ICAO", "text", v, "", "", "", "[0-9A-F]{6}", "780A1B"),
                input(path + ".callSign", t.get("compose.unit.callSign"), "text", v, "", "", "", "[A-Z0-9]{2,10}", ""));
    }

    private List<Input> area(String path, Map<String, String> v) {
        List<Input> inputs = new ArrayList<>();
        inputs.add(input(path + ".name", t.get("compose.area.name"), "text", v, "", "", "", "", ""));
        inputs.addAll(position(path + ".circle.center", t.get("compose.area.center"), v));
        inputs.add(input(path + ".circle.radius", t.get("compose.area.radius"), "number", v, "0", "5000", "any", "", ""));
        inputs.add(new Input(PREFIX + path + ".polygon", t.get("compose.area.polygon"), "textarea",
                v.getOrDefault(PREFIX + path + ".polygon", ""), List.of(), "", "", "", "", "30.0, 124.5"));
        return inputs;
    }

    private Input input(String path, String label, String kind, Map<String, String> v, String min, String max,
            String step, String pattern, String placeholder) {
        return new Input(PREFIX + path, label, kind, v.getOrDefault(PREFIX + path, ""), List.of(), min, max, step,
                pattern, placeholder);
    }

    private Input select(String path, String label, Map<String, String> v, List<Choice> choices) {
        List<Choice> all = new ArrayList<>();
        all.add(new Choice("", "—"));
        all.addAll(choices);
        return new Input(PREFIX + path, label, "select", v.getOrDefault(PREFIX + path, ""), all, "", "", "", "", "");
    }

    /** The languages a free text or a text field may be written in, the officer's preselected when none is. */
    Input languageSelect(String name, String label, Map<String, String> v, Language fallback) {
        List<Choice> choices = new ArrayList<>();
        for (Language l : Language.values()) {
            choices.add(new Choice(l.tag(), t.get("compose.lang." + l.tag())));
        }
        String value = v.getOrDefault(name, "");
        return new Input(name, label, "select", value.isEmpty() ? fallback.tag() : value, choices, "", "", "", "", "");
    }
}
