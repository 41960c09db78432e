package org.macm.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON the catalog hash is taken over: RFC 8785 (JCS) restricted to what a
 * catalog holds. Objects have their keys sorted by UTF-16 code units, there is no
 * whitespace, strings are escaped minimally ({@code \"}, {@code \\}, {@code \n}; the loader
 * refuses other control characters), other characters are written as UTF-8, and numbers are
 * integers written in decimal.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /** {@code value} is a {@code Map<String, ?>}, {@code List<?>}, {@code String}, {@code Long}, {@code Integer} or {@code Boolean}. */
    static byte[] bytes(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case Map<?, ?> map -> {
                TreeMap<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put((String) k, v));
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, e.getKey());
                    out.append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, list.get(i));
                }
                out.append(']');
            }
            case String s -> string(out, s);
            case Long n -> out.append(n.longValue());
            case Integer n -> out.append(n.intValue());
            case Boolean b -> out.append(b.booleanValue());
            default -> throw new IllegalArgumentException("no canonical form for " + value.getClass());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        throw new IllegalArgumentException("control character U+00" + Integer.toHexString(c)
                                + " in catalog text");
                    }
                    out.append(c);
                }
            }
        }
        out.append('"');
    }
}
