package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A strict view of one TOML table of a catalog file. Every read names the key it wants;
 * problems are collected with the file and the full key path, and {@link #finish()} reports
 * any key nobody asked for, since a misspelt key would otherwise be silently ignored.
 */
final class TomlTable {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final String file;
    private final String path;
    private final JsonNode node;
    private final List<String> problems;
    private final Set<String> read = new LinkedHashSet<>();

    TomlTable(String file, String path, JsonNode node, List<String> problems) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
    }

    String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(file + ": " + (key.isEmpty() ? path : key(key)) + ": " + message);
    }

    boolean has(String key) {
        return node.has(key);
    }

    Optional<String> string(String key, boolean required) {
        read.add(key);
        JsonNode value = node.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is missing");
            }
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(key, "must be a string, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            return Optional.empty();
        }
        // Line ends are layout, not meaning: a file saved with CRLF reads (and hashes) as one with LF.
        String text = value.textValue().replace("\r\n", "\n");
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problem(key, "contains a control character other than a line break");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    Optional<Long> integer(String key, boolean required) {
        read.add(key);
        JsonNode value = node.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is missing");
            }
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(key, "must be a whole number");
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    Optional<Boolean> bool(String key) {
        read.add(key);
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problem(key, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    Optional<TomlTable> table(String key, boolean required) {
        read.add(key);
        JsonNode value = node.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is missing");
            }
            return Optional.empty();
        }
        if (!value.isObject()) {
            problem(key, "must be a table");
            return Optional.empty();
        }
        return Optional.of(new TomlTable(file, key(key), value, problems));
    }

    /** An array of tables ({@code [[key]]} or an array of inline tables). */
    List<TomlTable> tables(String key, boolean required) {
        read.add(key);
        JsonNode value = node.get(key);
        List<TomlTable> out = new ArrayList<>();
        if (value == null) {
            if (required) {
                problem(key, "is missing");
            }
            return out;
        }
        if (!value.isArray()) {
            problem(key, "must be an array of tables");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                problems.add(file + ": " + key(key) + "[" + i + "]: must be a table");
            } else {
                out.add(new TomlTable(file, key(key) + "[" + i + "]", value.get(i), problems));
            }
        }
        return out;
    }

    /** An array of strings. */
    List<String> strings(String key, boolean required) {
        read.add(key);
        JsonNode value = node.get(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            if (required) {
                problem(key, "is missing");
            }
            return out;
        }
        if (!value.isArray()) {
            problem(key, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                problems.add(file + ": " + key(key) + "[" + i + "]: must be a string");
            } else {
                out.add(value.get(i).textValue());
            }
        }
        return out;
    }

    /** An array of arrays of strings, such as {@code ordered = [["start", "end"]]}. */
    List<List<String>> stringLists(String key) {
        read.add(key);
        JsonNode value = node.get(key);
        List<List<String>> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            problem(key, "must be an array of arrays of strings");
            return out;
        }
        for (JsonNode inner : value) {
            List<String> strings = new ArrayList<>();
            if (inner.isArray()) {
                inner.forEach(s -> strings.add(s.isTextual() ? s.textValue() : s.toString()));
            }
            out.add(strings);
        }
        return out;
    }

    /** How many problems the whole file has so far; a reader compares it before and after a part. */
    int problemCount() {
        return problems.size();
    }

    /** A code: lower-case letters, digits and dashes, starting with a letter, at most 32. */
    Optional<String> code(String key) {
        return string(key, true).filter(c -> {
            boolean ok = CODE.matcher(c).matches();
            if (!ok) {
                problem(key, "'" + c + "' is not a code (lower-case letters, digits and dashes, at most 32)");
            }
            return ok;
        });
    }

    /** The {@code ja}, {@code zh-Hans} and {@code en} keys of this table, all required and not blank. */
    Optional<Localized<String>> labels() {
        Optional<String> ja = nonBlank(Language.JA.tag());
        Optional<String> zh = nonBlank(Language.ZH_HANS.tag());
        Optional<String> en = nonBlank(Language.EN.tag());
        if (ja.isEmpty() || zh.isEmpty() || en.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Localized<>(ja.get(), zh.get(), en.get()));
    }

    private Optional<String> nonBlank(String key) {
        return string(key, true).filter(s -> {
            if (s.isBlank()) {
                problem(key, "is empty");
            }
            return !s.isBlank();
        });
    }

    /** A whole number from 1 to {@link Integer#MAX_VALUE}, {@code fallback} when the key is absent. */
    Optional<Long> positive(String key, long fallback) {
        Optional<Long> value = integer(key, false);
        if (value.isPresent() && (value.get() < 1 || value.get() > Integer.MAX_VALUE)) {
            problem(key, "is " + value.get() + "; allowed: 1 to " + Integer.MAX_VALUE);
            return Optional.empty();
        }
        return Optional.of(value.orElse(fallback));
    }

    /** Reports each name that appears more than once in the array {@code key}. */
    void duplicates(String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                problem(key, "'" + name + "' appears twice");
            }
        }
    }

    /** Reports every key that no reader asked for. */
    void finish() {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!read.contains(entry.getKey())) {
                problem(entry.getKey(), "unknown key (known keys here: " + String.join(", ", new TreeSet<>(read))
                        + ")");
            }
        }
    }
}
