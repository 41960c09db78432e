package org.macm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The refusal corpus of docs/PROTOCOL.md §7 (docs/vectors/refusals.jsonl), for the tests of any
 * module: each case is an export that must be refused under one rule, and for an agree rule
 * ({@code A-}) the other log's export. The verifier's tests run it through {@code macm verify},
 * the intake's tests send its entries to a station; both read the same bytes from the same file.
 *
 * <p>The file is JSON Lines of flat objects of strings and integers, read here by a parser of
 * just that subset, since the test kit depends on nothing but the JDK and JUnit.
 */
public final class RefusalCorpus {

    /**
     * One case.
     *
     * @param rule   the rule id, e.g. {@code F-UTF8}
     * @param note   what in the bytes breaks it
     * @param line   the line of {@code export} that breaks it (for an A- rule, the entry whose
     *               reference fails, which is also its seq)
     * @param export the export file's exact content (ASCII; every entry signed with the §6 key)
     * @param other  for an A- rule, the other log's export, which verifies on its own
     */
    public record Case(String rule, String note, int line, String export, Optional<String> other) {
        /** The export's lines, each without its LF; for the export-line cases, as far as there are lines. */
        public List<String> lines() {
            return export.lines().toList();
        }

        @Override
        public String toString() {
            return rule + " (" + note + ")";
        }
    }

    /** The base64 Ed25519 public key of the §6 test key, which signed every entry of the corpus. */
    public static final String PUBLIC_KEY = "ebVWLo/mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ=";

    private RefusalCorpus() {
    }

    /** The corpus file: {@code docs/vectors/refusals.jsonl} under the repository root ({@code -Dmacm.root}, else ".."). */
    public static Path file() {
        return Path.of(System.getProperty("macm.root", "..")).resolve("docs/vectors/refusals.jsonl");
    }

    /** Every case of the corpus, in file order. */
    public static List<Case> cases() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the refusal corpus " + file().toAbsolutePath(), ex);
        }
        List<Case> cases = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> o = new FlatJson(lines.get(i), i + 1).object();
            cases.add(new Case((String) o.get("rule"), (String) o.get("note"), ((Long) o.get("line")).intValue(),
                    (String) o.get("export"), Optional.ofNullable((String) o.get("other"))));
        }
        return List.copyOf(cases);
    }

    /** A JSON object whose values are strings or integers: all the corpus needs. */
    private static final class FlatJson {
        private final String s;
        private final int lineNumber;
        private int at;

        FlatJson(String s, int lineNumber) {
            this.s = s;
            this.lineNumber = lineNumber;
        }

        Map<String, Object> object() {
            Map<String, Object> out = new LinkedHashMap<>();
            expect('{');
            if (peek() != '}') {
                do {
                    String key = string();
                    expect(':');
                    out.put(key, peek() == '"' ? string() : integer());
                } while (take() == ',');
                at--;
            }
            expect('}');
            if (at != s.length()) {
                throw fail("text after the object");
            }
            for (String key : List.of("rule", "note", "line", "export")) {
                if (!out.containsKey(key)) {
                    throw fail("no \"" + key + "\"");
                }
            }
            return out;
        }

        private Long integer() {
            int start = at;
            while (at < s.length() && Character.isDigit(s.charAt(at))) {
                at++;
            }
            if (start == at) {
                throw fail("a string or an integer expected");
            }
            return Long.parseLong(s.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            for (char c = take(); c != '"'; c = take()) {
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = take();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw fail("unknown escape \\" + e);
                }
            }
            return out.toString();
        }

        private char peek() {
            if (at >= s.length()) {
                throw fail("the line ends early");
            }
            return s.charAt(at);
        }

        private char take() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (take() != c) {
                throw fail("'" + c + "' expected");
            }
        }

        private IllegalStateException fail(String what) {
            return new IllegalStateException(file() + " line " + lineNumber + " at " + at + ": " + what);
        }
    }
}
