package org.macm.station.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.core.crypto.VerifyingKey;
import org.macm.core.log.ChainException;
import org.macm.core.log.LinkCheck;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.Rule;
import org.macm.core.log.SignedEntry;

/**
 * Verifies one or two exported logs for a person: every signature, the hash chain and seq
 * continuity of each, and, given both directions of a link, that every receipt,
 * acknowledgement and peer head names an entry that exists with that hash. It stops at the
 * first fault of each log and names the file, line and seq, and the id of the docs/PROTOCOL.md
 * §7 rule broken ({@code FAIL x.jsonl line 3 (seq 3): [C-PREV] …}).
 */
public final class ExportVerifier {

    /**
     * The outcome: lines for a person to read, and whether everything verified. Each line but
     * the last is a check, {@code OK   } or {@code FAIL } and what was checked; the last says
     * {@code VERIFIED} or {@code NOT VERIFIED}.
     */
    public record Report(List<String> lines, boolean verified) {
        public Report {
            lines = List.copyOf(lines);
        }

        /** One check: whether it passed, and what it says (the line without its OK / FAIL mark). */
        public record Check(boolean ok, String text) {
            private static final Pattern RULE = Pattern.compile("\\[([FCAE]-[A-Z0-9-]+)\\] ");

            /** The id of the docs/PROTOCOL.md §7 rule a failed check names ({@code F-UTF8}), if it names one. */
            public Optional<String> rule() {
                Matcher m = RULE.matcher(text);
                return !ok && m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
        }

        /** The checks, for a machine (macm verify --json). */
        public List<Check> checks() {
            return lines.stream().filter(l -> l.startsWith(OK) || l.startsWith(FAIL))
                    .map(l -> new Check(l.startsWith(OK), l.substring(l.startsWith(OK) ? OK.length() : FAIL.length())))
                    .toList();
        }
    }

    private static final String OK = "OK   ";
    private static final String FAIL = "FAIL ";

    private ExportVerifier() {
    }

    public static Report verify(List<Path> files, KeyRing keys) {
        List<String> out = new ArrayList<>();
        List<List<SignedEntry>> logs = new ArrayList<>();
        boolean ok = true;
        for (Path file : files) {
            Optional<List<SignedEntry>> log = verifyOne(file, keys, files.size() == 1, out);
            ok &= log.isPresent();
            log.ifPresent(logs::add);
        }
        if (ok && logs.size() == 2) {
            try {
                LinkCheck.Summary s = LinkCheck.check(logs.get(0), logs.get(1));
                out.add(OK + "cross-check: " + s.receipts() + " receipts, " + s.acknowledgements()
                        + " acknowledgements and " + s.peerHeads() + " peer heads name entries that exist with that hash");
            } catch (ChainException e) {
                out.add(FAIL + "cross-check: " + e.getMessage());
                ok = false;
            }
        }
        out.add(ok ? "VERIFIED" : "NOT VERIFIED");
        return new Report(out, ok);
    }

    private static Optional<List<SignedEntry>> verifyOne(Path file, KeyRing keys, boolean single, List<String> out) {
        List<ExportFile.Line> lines = ExportFile.read(file);
        if (lines.isEmpty()) {
            out.add(FAIL + "" + file + ": " + Rule.F_EXPORT_LINE.tag() + "the file is empty (an export holds at least one entry)");
            return Optional.empty();
        }
        List<SignedEntry> entries = new ArrayList<>(lines.size());
        LogVerifier verifier = null;
        VerifyingKey key = null;
        for (ExportFile.Line line : lines) {
            switch (line) {
                case ExportFile.Line.Unreadable u -> {
                    out.add(FAIL + "" + file + " line " + u.number() + ": " + u.problem());
                    return Optional.empty();
                }
                case ExportFile.Line.Read r -> {
                    SignedEntry e = r.entry();
                    if (verifier == null) {
                        Optional<VerifyingKey> found = keys.find(e.log().author(), single);
                        if (found.isEmpty()) {
                            out.add(FAIL + "" + file + ": no key given for station " + e.log().author()
                                    + " (pass --key with its identity file or " + e.log().author() + "=BASE64KEY)");
                            return Optional.empty();
                        }
                        key = found.get();
                        verifier = new LogVerifier(e.log(), key);
                    }
                    try {
                        verifier.append(e);
                    } catch (ChainException ex) {
                        out.add(FAIL + "" + file + " line " + r.number() + " (seq " + e.seq() + "): " + ex.getMessage());
                        return Optional.empty();
                    }
                    entries.add(e);
                }
            }
        }
        SignedEntry last = entries.get(entries.size() - 1);
        out.add(OK + "" + file + ": log " + last.log() + ", " + entries.size() + " entries (seq 1-" + last.seq()
                + "), head " + last.hash().shortHex() + ", signed by key " + key.toBase64());
        return Optional.of(entries);
    }
}
