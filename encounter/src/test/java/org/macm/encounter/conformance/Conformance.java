package org.macm.encounter.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies a field-by-field comparison of our decodes with a reference decoder's, per message
 * type, and renders the match-rate table and the list of differences that
 * {@code docs/ENCOUNTER-CONFORMANCE.md} reproduces.
 */
final class Conformance {

    /** Counts for one message type. */
    static final class Row {
        int expected;
        int matched;
        int fieldsCompared;
        int fieldsMatched;
        int missing;
        int extra;
    }

    private final String corpus;
    private final Map<String, Row> rows = new TreeMap<>(Conformance::byTypeNumber);
    private final List<String> differences = new ArrayList<>();

    Conformance(String corpus) {
        this.corpus = corpus;
    }

    private static int byTypeNumber(String a, String b) {
        int c = Integer.compare(leadingNumber(a), leadingNumber(b));
        return c != 0 ? c : a.compareTo(b);
    }

    private static int leadingNumber(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)); i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    Row row(String type) {
        return rows.computeIfAbsent(type, t -> new Row());
    }

    /** Records one expected message and its comparison; {@code diffs} empty means it matched. */
    void compared(String type, int fields, List<String> diffs, String where) {
        Row row = row(type);
        row.expected++;
        row.fieldsCompared += fields;
        row.fieldsMatched += fields - diffs.size();
        if (diffs.isEmpty()) {
            row.matched++;
        } else {
            for (String d : diffs) {
                differences.add(corpus + " type " + type + " " + where + ": " + d);
            }
        }
    }

    /** An expected message we produced nothing for. */
    void missing(String type, String where) {
        Row row = row(type);
        row.expected++;
        row.missing++;
        differences.add(corpus + " type " + type + " " + where + ": not decoded by us");
    }

    /** A message we decoded that the reference did not print. */
    void extra(String type, String where) {
        row(type).extra++;
        differences.add(corpus + " type " + type + " " + where + ": decoded by us, not printed by the reference");
    }

    List<String> differences() {
        return differences;
    }

    Map<String, Row> rows() {
        return rows;
    }

    int totalExpected() {
        return rows.values().stream().mapToInt(r -> r.expected).sum();
    }

    int totalMatched() {
        return rows.values().stream().mapToInt(r -> r.matched).sum();
    }

    /** The table as Markdown. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(corpus).append(" type | expected | matched | rate | fields matched | missing | extra |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            out.append(String.format(
                    "| %s | %d | %d | %s | %d/%d | %d | %d |%n",
                    e.getKey(),
                    r.expected,
                    r.matched,
                    percent(r.matched, r.expected),
                    r.fieldsMatched,
                    r.fieldsCompared,
                    r.missing,
                    r.extra));
        }
        out.append(String.format(
                "| **all** | %d | %d | %s | | | |%n", totalExpected(), totalMatched(), percent(totalMatched(), totalExpected())));
        return out.toString();
    }

    private static String percent(int n, int d) {
        return d == 0 ? "-" : String.format("%.1f %%", 100.0 * n / d);
    }

    /**
     * Prints the report and writes it to {@code target/conformance/NAME.md}, from which
     * {@code docs/ENCOUNTER-CONFORMANCE.md} is refreshed by hand.
     */
    void publish(String name) {
        String text = report();
        System.out.println(text);
        try {
            Path dir = Path.of("target", "conformance");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance report " + name, e);
        }
    }

    /** The table and every difference, for the test log. */
    String report() {
        StringBuilder out = new StringBuilder(table());
        for (String d : differences) {
            out.append("  - ").append(d).append('\n');
        }
        return out.toString();
    }
}
