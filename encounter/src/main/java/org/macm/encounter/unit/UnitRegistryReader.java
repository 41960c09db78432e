package org.macm.encounter.unit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.macm.encounter.EncounterException;
import org.macm.encounter.json.UnitKind;

/**
 * Reads a {@link UnitRegistry} from a TOML ({@code .toml}) or CSV ({@code .csv}) file. Both
 * are strict: an unknown key or column, a missing required value, a malformed identifier or
 * an identifier listed twice is an error that names the file and the key ({@code unit[3].mmsi})
 * or line, because a unit silently dropped or given the wrong side would hide an encounter.
 *
 * <pre>
 * # units.toml: one [[unit]] table per unit
 * [[unit]]
 * side = "JP"              # required: the party, e.g. JP or CN (THIRD for a known third party)
 * name = "JS KONGO"        # required: display name
 * kind = "vessel"          # required: "vessel" or "aircraft"
 * type = "destroyer"       # optional, default "unknown"
 * mmsi = "431999001"       # identifiers, at least one of:
 * icao24 = "84A2F1"        #   mmsi (9 digits), icao24 (6 hex digits),
 * callsign = "JSKG"        #   callsign, hull (hull or tail number; 1..16 characters)
 * hull = "DDG-173"
 *
 * # units.csv: a header naming the columns (any order; side, name, kind required), '#' comments
 * side,name,kind,type,mmsi,icao24,callsign,hull
 * JP,JS KONGO,vessel,destroyer,431999001,,JSKG,DDG-173
 * CN,"Y-8Q 9301",aircraft,patrol aircraft,,780A3F,,9301
 * </pre>
 */
public final class UnitRegistryReader {
    private static final List<String> COLUMNS = List.of("side", "name", "kind", "type", "mmsi", "icao24", "callsign", "hull");

    /** {@code [[unit]]} as written. */
    record RawFile(@JsonProperty("unit") List<RawUnit> unit) {}

    /** One {@code [[unit]]} table. */
    record RawUnit(
            @JsonProperty("side") String side,
            @JsonProperty("name") String name,
            @JsonProperty("kind") String kind,
            @JsonProperty("type") String type,
            @JsonProperty("mmsi") String mmsi,
            @JsonProperty("icao24") String icao24,
            @JsonProperty("callsign") String callsign,
            @JsonProperty("hull") String hull) {}

    private final TomlMapper toml = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads {@code file}, as TOML or CSV by its extension. */
    public UnitRegistry read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EncounterException("unit registry " + file + " does not exist", e);
        } catch (IOException e) {
            throw new EncounterException("cannot read unit registry " + file + ": " + e.getMessage(), e);
        }
        if (name.endsWith(".toml")) {
            return readToml(file.toString(), text);
        }
        if (name.endsWith(".csv")) {
            return readCsv(file.toString(), text);
        }
        throw new EncounterException("unit registry " + file + ": the name must end in .toml or .csv");
    }

    /** Reads TOML {@code text}; {@code origin} names it in errors. */
    public UnitRegistry readToml(String origin, String text) {
        RawFile raw;
        try {
            raw = toml.readValue(text, RawFile.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new EncounterException(origin + ": unknown key '" + path(e) + "' (known keys: " + known + ")", e);
        } catch (JsonMappingException e) {
            throw new EncounterException(origin + ": key '" + path(e) + "' has a value of the wrong type: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new EncounterException(origin + " is not valid TOML (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        }
        List<Unit> units = new ArrayList<>();
        Map<Identifier, String> seen = new HashMap<>();
        List<RawUnit> list = raw == null || raw.unit() == null ? List.of() : raw.unit();
        for (int i = 0; i < list.size(); i++) {
            String where = origin + ": unit[" + (i + 1) + "]";
            RawUnit u = list.get(i);
            if (u == null) {
                throw new EncounterException(where + " is empty");
            }
            units.add(unit(where, ".", u, seen));
        }
        return UnitRegistry.of(units);
    }

    /** Reads CSV {@code text}; {@code origin} names it in errors. */
    public UnitRegistry readCsv(String origin, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<String> header = null;
        List<Unit> units = new ArrayList<>();
        Map<Identifier, String> seen = new HashMap<>();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String where = origin + ": line " + (n + 1);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = Csv.split(where, line);
            if (header == null) {
                header = header(where, cells);
                continue;
            }
            if (cells.size() != header.size()) {
                throw new EncounterException(where + ": " + cells.size() + " columns, the header has " + header.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c).strip();
                if (!cell.isEmpty()) {
                    row.put(header.get(c), cell);
                }
            }
            units.add(unit(where, " column ", new RawUnit(row.get("side"), row.get("name"), row.get("kind"), row.get("type"),
                    row.get("mmsi"), row.get("icao24"), row.get("callsign"), row.get("hull")), seen));
        }
        if (header == null) {
            throw new EncounterException(origin + ": no header line (" + String.join(",", COLUMNS) + ")");
        }
        return UnitRegistry.of(units);
    }

    private static List<String> header(String where, List<String> cells) {
        List<String> header = new ArrayList<>();
        for (String cell : cells) {
            String column = cell.strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                throw new EncounterException(where + ": unknown column '" + cell.strip() + "' (known columns: "
                        + String.join(", ", COLUMNS) + ")");
            }
            if (header.contains(column)) {
                throw new EncounterException(where + ": column '" + column + "' appears twice");
            }
            header.add(column);
        }
        for (String required : List.of("side", "name", "kind")) {
            if (!header.contains(required)) {
                throw new EncounterException(where + ": the header needs a '" + required + "' column");
            }
        }
        return header;
    }

    /** One unit; {@code sep} joins {@code where} and a key name in messages. */
    private static Unit unit(String where, String sep, RawUnit u, Map<Identifier, String> seen) {
        Side side = parse(where + sep + "side", () -> Side.of(required(u.side())));
        String name = required(where + sep + "name", u.name());
        UnitKind kind = switch (required(where + sep + "kind", u.kind())) {
            case "vessel" -> UnitKind.VESSEL;
            case "aircraft" -> UnitKind.AIRCRAFT;
            default -> throw new EncounterException(where + sep + "kind: must be \"vessel\" or \"aircraft\", got '" + u.kind() + "'");
        };
        List<Identifier> ids = new ArrayList<>();
        if (u.mmsi() != null) {
            ids.add(parse(where + sep + "mmsi", () -> mmsi(u.mmsi())));
        }
        if (u.icao24() != null) {
            ids.add(parse(where + sep + "icao24", () -> Identifier.Icao24.parse(u.icao24())));
        }
        if (u.callsign() != null) {
            ids.add(parse(where + sep + "callsign", () -> new Identifier.CallSign(u.callsign())));
        }
        if (u.hull() != null) {
            ids.add(parse(where + sep + "hull", () -> new Identifier.Hull(u.hull())));
        }
        if (ids.isEmpty()) {
            throw new EncounterException(where + ": unit '" + name + "' needs at least one of mmsi, icao24, callsign, hull");
        }
        for (Identifier id : ids) {
            String previous = seen.putIfAbsent(id, where);
            if (previous != null) {
                throw new EncounterException(where + sep + id.scheme() + ": " + id.key() + " is already listed at "
                        + previous.substring(previous.lastIndexOf(": ") + 2));
            }
        }
        String type = u.type() == null ? "unknown" : u.type();
        return new Unit(ids, side, name, type, kind, true);
    }

    private static Identifier mmsi(String text) {
        if (text.length() != 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new EncounterException("an MMSI is 9 digits, got '" + text + "'");
        }
        return new Identifier.Mmsi(Integer.parseInt(text));
    }

    private static String required(String value) {
        if (value == null) {
            throw new EncounterException("required");
        }
        return value;
    }

    private static String required(String where, String value) {
        if (value == null || value.isBlank()) {
            throw new EncounterException(where + ": required");
        }
        return value;
    }

    private static <T> T parse(String where, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (EncounterException e) {
            throw new EncounterException(where + ": " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex() + 1).append(']');
            }
        }
        return b.toString();
    }
}
