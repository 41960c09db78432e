package org.macm.station.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.macm.core.crypto.Sha256;
import org.macm.core.log.EntryCodec;
import org.macm.station.console.UiText;
import org.macm.station.console.Views;

/**
 * Writes a {@link Transcript} as one self-contained HTML page ({@code transcript.jte}): its
 * style inside it, no script, no image, no font or anything else fetched, so that it opens
 * and prints the same anywhere, years later, offline. jte escapes every value from the logs
 * for where it stands; the page's Content-Security-Policy allows nothing but its own style
 * block (named by its hash), so that a value that escaped escaping still could not run.
 */
public final class TranscriptPage {
    private static final String CSS = css();
    private static final String CSP = "default-src 'none'; style-src 'sha256-"
            + Base64.getEncoder().encodeToString(Sha256.digest(CSS.getBytes(StandardCharsets.UTF_8)))
            + "'; base-uri 'none'; form-action 'none'";

    private final Views views;

    public TranscriptPage(Views views) {
        this.views = views;
    }

    /** The page, in the language of {@code text}. */
    public String render(Transcript transcript, UiText text) {
        return views.render("transcript.jte", Map.of("tr", transcript, "t", text, "css", CSS, "csp", CSP));
    }

    /** A deadline as a person reads it: {@code 5 min}, {@code 3 h}, {@code 90 s}, {@code 1 h 30 min}. */
    public static String duration(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append(" h");
        }
        if (m > 0) {
            out.append(out.isEmpty() ? "" : " ").append(m).append(" min");
        }
        if (s > 0 || out.isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append(s).append(" s");
        }
        return out.toString();
    }

    /** A time exactly as entries write it (UTC, milliseconds): what the table of entries shows. */
    public static String utc(Instant time) {
        return EntryCodec.formatTime(time);
    }

    private static String css() {
        try (InputStream in = TranscriptPage.class.getResourceAsStream("transcript.css")) {
            if (in == null) {
                throw new IllegalStateException("transcript.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transcript.css", e);
        }
    }
}
