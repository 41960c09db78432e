package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code unit} type: a vessel or aircraft, its side and type from the catalog's
 * vocabulary and any of its identifiers, written as each side names it
 * (中国側 駆逐艦「NANCHANG」 / 中方驱逐舰“NANCHANG”号 / Chinese destroyer "NANCHANG").
 */
public record UnitType() implements FieldType {
    private static final Pattern MMSI = Pattern.compile("\\d{9}");
    private static final Pattern ICAO = Pattern.compile("[0-9A-F]{6}");
    private static final Pattern CALL_SIGN = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,12}");
    private static final String ALLOWED = "an object with \"side\" and \"type\" and any of \"name\", \"number\", "
            + "\"mmsi\", \"icao\", \"callSign\"";

    /**
     * A vessel or aircraft. {@code side} and {@code type} are codes from the catalog's
     * vocabulary; {@code number} is the hull number of a ship or the tail number of an aircraft.
     */
    public record Unit(String side, String type, Optional<String> name, Optional<String> number,
                       Optional<String> mmsi, Optional<String> icao, Optional<String> callSign) implements FieldValue {
        public Unit {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(mmsi, "mmsi");
            Objects.requireNonNull(icao, "icao");
            Objects.requireNonNull(callSign, "callSign");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("side", side);
            node.put("type", type);
            name.ifPresent(v -> node.put("name", v));
            number.ifPresent(v -> node.put("number", v));
            mmsi.ifPresent(v -> node.put("mmsi", v));
            icao.ifPresent(v -> node.put("icao", v));
            callSign.ifPresent(v -> node.put("callSign", v));
            return node;
        }
    }

    @Override
    public String describe() {
        return "unit {\"side\", \"type\", ...}";
    }

    @Override
    public Optional<Unit> read(String path, JsonNode node, FieldReader in) {
        if (!in.object(path, node, Set.of("side", "type", "name", "number", "mmsi", "icao", "callSign"), ALLOWED)) {
            return Optional.empty();
        }
        int before = in.errorCount();
        Vocabulary vocabulary = in.vocabulary();
        String sides = vocabulary.sides().stream().map(Vocabulary.Side::code).collect(Collectors.joining(", "));
        String kinds = vocabulary.unitKinds().stream().map(Vocabulary.UnitKind::code)
                .collect(Collectors.joining(", "));
        Optional<String> side = in.code(path + ".side", in.require(path, node, "side", ALLOWED), "one of " + sides,
                c -> vocabulary.side(c).isPresent());
        Optional<String> type = in.code(path + ".type", in.require(path, node, "type", ALLOWED), "one of " + kinds,
                c -> vocabulary.unitKind(c).isPresent());
        Optional<String> name = in.optionalName(path, node);
        Optional<String> number = in.optionalString(path, node, "number", "a hull or tail number of 1 to 12 "
                + "letters, digits or dashes", s -> NUMBER.matcher(s).matches());
        Optional<String> mmsi = in.optionalString(path, node, "mmsi", "9 digits", s -> MMSI.matcher(s).matches());
        Optional<String> icao = in.optionalString(path, node, "icao",
                "6 upper-case hexadecimal digits (ICAO 24-bit address)", s -> ICAO.matcher(s).matches());
        Optional<String> callSign = in.optionalString(path, node, "callSign",
                "2 to 10 upper-case letters or digits", s -> CALL_SIGN.matcher(s).matches());
        if (in.errorCount() > before || side.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Unit(side.get(), type.get(), name, number, mmsi, icao, callSign));
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        Unit u = (Unit) value;
        Phrases phrases = out.phrases();
        Vocabulary.Side side = out.vocabulary().side(u.side()).orElseThrow();
        Vocabulary.UnitKind kind = out.vocabulary().unitKind(u.type()).orElseThrow();
        StringBuilder text = new StringBuilder(phrases.unit(side.label().in(out.language()),
                kind.label().in(out.language())));
        u.name().ifPresent(n -> text.append(phrases.unitName(n)));
        List<String> ids = new ArrayList<>();
        u.number().ifPresent(n -> ids.add((kind.domain() == Vocabulary.Domain.SEA ? phrases.hullNumber()
                : phrases.tailNumber()) + " " + n));
        u.mmsi().ifPresent(n -> ids.add("MMSI " + n));
        u.icao().ifPresent(n -> ids.add(phrases.icao() + " " + n));
        u.callSign().ifPresent(n -> ids.add(phrases.callSign() + " " + n));
        if (!ids.isEmpty()) {
            text.append(phrases.unitIdentifiers(ids));
        }
        return text.toString();
    }
}
