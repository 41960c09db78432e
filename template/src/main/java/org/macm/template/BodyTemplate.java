package org.macm.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text a form is rendered with in one language, parsed once when the catalog loads.
 * A field name in braces is replaced by the field's value in the reader's conventions;
 * doubled braces stand for literal ones. A line that names an optional field the message
 * does not carry is left out whole, so authors put each optional field on its own line.
 *
 * @param source the text as agreed, with line ends normalised to LF, trailing blanks removed
 *               from each line, and leading and trailing empty lines dropped; this is what the
 *               catalog hash covers
 */
public record BodyTemplate(String source, List<Line> lines) {
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");

    public BodyTemplate {
        Objects.requireNonNull(source, "source");
        lines = List.copyOf(lines);
    }

    /** A piece of one line. */
    public sealed interface Segment {
    }

    /** Text copied as is. */
    public record Literal(String text) implements Segment {
    }

    /** The value of the named field. */
    public record Slot(String field) implements Segment {
    }

    /** One line of the body; it is left out when a field it names is absent. */
    public record Line(List<Segment> segments) {
        public Line {
            segments = List.copyOf(segments);
        }

        public Set<String> fields() {
            Set<String> names = new LinkedHashSet<>();
            for (Segment s : segments) {
                if (s instanceof Slot slot) {
                    names.add(slot.field());
                }
            }
            return names;
        }
    }

    /** Every field the body names, in order of first use. */
    public Set<String> fields() {
        Set<String> names = new LinkedHashSet<>();
        lines.forEach(l -> names.addAll(l.fields()));
        return names;
    }

    /**
     * Parses a body.
     *
     * @throws IllegalArgumentException naming the line and column of a malformed placeholder
     */
    public static BodyTemplate parse(String text) {
        String source = normalise(text);
        List<Line> lines = new ArrayList<>();
        String[] raw = source.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            lines.add(parseLine(raw[i], i + 1));
        }
        return new BodyTemplate(source, lines);
    }

    static String normalise(String text) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (String line : raw) {
            kept.add(line.stripTrailing());
        }
        while (!kept.isEmpty() && kept.get(0).isEmpty()) {
            kept.remove(0);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return String.join("\n", kept);
    }

    private static Line parseLine(String line, int lineNo) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '{' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < line.length() && line.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int end = line.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("line " + lineNo + ", column " + (i + 1)
                            + ": '{' is not closed (write {{ for a literal brace)");
                }
                String name = line.substring(i + 1, end);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("line " + lineNo + ", column " + (i + 1) + ": '{" + name
                            + "}' is not a field name (lowerCamelCase letters and digits)");
                }
                if (!literal.isEmpty()) {
                    segments.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                segments.add(new Slot(name));
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("line " + lineNo + ", column " + (i + 1)
                        + ": '}' without '{' (write }} for a literal brace)");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            segments.add(new Literal(literal.toString()));
        }
        return new Line(segments);
    }
}
