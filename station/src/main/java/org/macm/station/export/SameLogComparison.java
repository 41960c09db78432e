package org.macm.station.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.SignedEntry;

/**
 * Compares two exports of the same log, typically the author's own export and the peer's copy
 * of it: each must verify on its own (signatures, chain), and then either one is a prefix of
 * the other (the shorter copy has simply not caught up, or was taken earlier) or they differ
 * at some seq, and since each is validly signed and chained, the author signed two histories
 * (rule {@code E-EQUIVOCATION}). Only the first differing seq matters: every later entry
 * differs too, its prev naming a different entry.
 */
public final class SameLogComparison {
    private static final String OK = "OK   ";
    private static final String FAIL = "FAIL ";

    /**
     * The outcome: the report for a person ({@code verified} when the copies agree) and, when they
     * do not, the claim that proves it, ready for {@link EquivocationFile#write}.
     */
    public record Result(ExportVerifier.Report report, Optional<EquivocationFile.Claim> equivocation) {
    }

    private SameLogComparison() {
    }

    public static Result compare(Path a, Path b, KeyRing keys) {
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Path file : List.of(a, b)) {
            ExportVerifier.Report one = ExportVerifier.verify(List.of(file), keys);
            List<String> lines = one.lines();
            out.addAll(lines.subList(0, lines.size() - 1));
            ok &= one.verified();
        }
        if (!ok) {
            return done(out, false, Optional.empty());
        }
        List<SignedEntry> x = entries(a);
        List<SignedEntry> y = entries(b);
        if (!x.get(0).log().equals(y.get(0).log())) {
            out.add(FAIL + "same log: " + a + " holds log " + x.get(0).log() + " and " + b + " holds log "
                    + y.get(0).log() + ": these are not two copies of one log (to check both directions of a link, "
                    + "leave out --same-log)");
            return done(out, false, Optional.empty());
        }
        int common = Math.min(x.size(), y.size());
        for (int i = 0; i < common; i++) {
            if (!x.get(i).hash().equals(y.get(i).hash())) {
                SignedEntry first = x.get(i);
                SignedEntry second = y.get(i);
                out.add(FAIL + "[" + EquivocationVerifier.RULE + "] log " + first.log() + ": the copies differ at seq "
                        + first.seq() + " (" + a + ": hash " + first.hash().shortHex() + ", " + b + ": hash "
                        + second.hash().shortHex() + "); both are signed with " + first.log().author()
                        + "'s key, so " + first.log().author() + " signed two histories"
                        + (i == 0 ? "" : i == 1 ? "; seq 1 is identical" : "; seq 1-" + i + " are identical"));
                return done(out, false, Optional.of(EquivocationFile.Claim.of(
                        new EquivocationFile.Version(first, Optional.empty()),
                        new EquivocationFile.Version(second, Optional.empty()), Optional.empty())));
            }
        }
        SignedEntry head = x.get(common - 1);
        if (x.size() == y.size()) {
            out.add(OK + "same log: " + a + " and " + b + " are identical copies of log " + head.log() + ", seq 1-"
                    + head.seq() + ", head " + head.hash().shortHex());
        } else {
            Path longer = x.size() > y.size() ? a : b;
            Path shorter = x.size() > y.size() ? b : a;
            int more = Math.abs(x.size() - y.size());
            int last = Math.max(x.size(), y.size());
            out.add(OK + "same log: " + shorter + " is a prefix of " + longer + " (identical in seq 1-" + head.seq()
                    + ", head " + head.hash().shortHex() + "); " + longer + " is longer by " + more
                    + (more == 1 ? " entry (seq " + last + ")" : " entries (seq " + (common + 1) + "-" + last + ")"));
        }
        return done(out, true, Optional.empty());
    }

    private static Result done(List<String> out, boolean ok, Optional<EquivocationFile.Claim> claim) {
        out.add(ok ? "VERIFIED" : "NOT VERIFIED");
        return new Result(new ExportVerifier.Report(out, ok), claim);
    }

    /** The entries of an export that has just verified. */
    private static List<SignedEntry> entries(Path file) {
        List<SignedEntry> out = new ArrayList<>();
        for (ExportFile.Line line : ExportFile.read(file)) {
            if (line instanceof ExportFile.Line.Read r) {
                out.add(r.entry());
            }
        }
        return out;
    }
}
