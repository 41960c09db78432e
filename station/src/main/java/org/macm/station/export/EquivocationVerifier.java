package org.macm.station.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.macm.core.crypto.SignatureException;
import org.macm.core.crypto.VerifyingKey;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.SignedEntry;

/**
 * Checks an equivocation evidence file ({@link EquivocationFile}, docs/PROTOCOL.md §15) with
 * nothing but the author's public key. A line is proof of equivocation (rule
 * {@code E-EQUIVOCATION}) when its two entries are readable, both signed by the author's key,
 * of the same log, at the same seq, and different bytes. Anything less proves nothing and is
 * refused, saying which condition failed: one entry sent twice, two entries at different
 * seqs or of different logs, a signature that does not verify (anyone can write bytes; only
 * a signature binds the author), or bytes that are not an entry.
 */
public final class EquivocationVerifier {
    /** The rule id a proven claim is reported under (docs/PROTOCOL.md §7 and §15). */
    public static final String RULE = "E-EQUIVOCATION";
    private static final String OK = "OK   ";
    private static final String FAIL = "FAIL ";

    private EquivocationVerifier() {
    }

    /** Checks every line; the report is verified when the file holds at least one claim and every claim is proof. */
    public static ExportVerifier.Report verify(Path file, KeyRing keys) {
        List<String> out = new ArrayList<>();
        List<EquivocationFile.Line> lines = EquivocationFile.read(file);
        boolean ok = !lines.isEmpty();
        if (lines.isEmpty()) {
            out.add(FAIL + file + ": the file is empty (no claim of equivocation)");
        }
        for (EquivocationFile.Line line : lines) {
            String where = file + " line " + line.number();
            switch (line) {
                case EquivocationFile.Line.Unreadable u -> {
                    out.add(FAIL + where + ": not proof of equivocation: " + u.problem());
                    ok = false;
                }
                case EquivocationFile.Line.Read r -> {
                    Optional<String> refused = refusal(r.claim(), keys);
                    if (refused.isPresent()) {
                        out.add(FAIL + where + ": not proof of equivocation: " + refused.get());
                        ok = false;
                    } else {
                        out.add(OK + "[" + RULE + "] " + where + ": " + proven(r.claim(), keys));
                    }
                }
            }
        }
        out.add(ok ? "VERIFIED: proof that a station signed two different entries at one seq of its log"
                : "NOT VERIFIED: not proof of equivocation");
        return new ExportVerifier.Report(out, ok);
    }

    /** Why {@code c} proves nothing, or empty when it is proof. */
    static Optional<String> refusal(EquivocationFile.Claim c, KeyRing keys) {
        SignedEntry first = c.first().entry();
        SignedEntry second = c.second().entry();
        if (!first.log().equals(second.log())) {
            return Optional.of("the two entries belong to different logs (" + first.log() + " and " + second.log()
                    + "); equivocation is two entries of one log");
        }
        if (first.seq() != second.seq()) {
            return Optional.of("the two entries are at seq " + first.seq() + " and seq " + second.seq()
                    + " of log " + first.log() + "; equivocation is two entries at one seq");
        }
        if (!first.log().equals(c.log()) || first.seq() != c.seq()) {
            return Optional.of("the line names log " + c.log() + " seq " + c.seq() + " but its entries are log "
                    + first.log() + " seq " + first.seq());
        }
        if (Arrays.equals(first.bytes(), second.bytes())) {
            return Optional.of("the two entries are the same bytes (hash " + first.hash().shortHex()
                    + "): one entry held twice, not two");
        }
        Optional<VerifyingKey> key = keys.find(c.log().author(), true);
        if (key.isEmpty()) {
            return Optional.of("no key given for station " + c.log().author() + " (pass --key with its identity file or "
                    + c.log().author() + "=BASE64KEY)");
        }
        for (String which : List.of("first", "second")) {
            try {
                (which.equals("first") ? first : second).verify(key.get());
            } catch (SignatureException ex) {
                return Optional.of("the " + which + " entry's signature does not verify with "
                        + c.log().author() + "'s key " + key.get().fingerprintShort()
                        + ": bytes anyone could have written prove nothing against " + c.log().author());
            }
        }
        return Optional.empty();
    }

    private static String proven(EquivocationFile.Claim c, KeyRing keys) {
        VerifyingKey key = keys.find(c.log().author(), true).orElseThrow();
        return c.log().author() + " signed two different entries at seq " + c.seq() + " of log " + c.log() + ": hash "
                + c.first().entry().hash().shortHex() + seen(c.first()) + " and hash " + c.second().entry().hash().shortHex()
                + seen(c.second()) + ", both with key " + key.fingerprintShort()
                + c.recordedBy().map(s -> " (recorded by " + s + ")").orElse("");
    }

    private static String seen(EquivocationFile.Version v) {
        return v.seen().map(t -> " (seen " + EntryCodec.formatTime(t) + ")").orElse("");
    }
}
