package org.macm.template;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a catalog's canonical form, in lower-case hex. Two stations render every
 * message alike exactly when their hashes are equal; the hash travels in the link handshake
 * so a difference is seen before it matters. It covers what the catalog means (forms,
 * fields, labels, bodies, vocabulary), not how its files are laid out.
 */
public record CatalogHash(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public CatalogHash {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new TemplateException("a catalog hash is 64 lower-case hex digits, got '" + hex + "'");
        }
    }

    static CatalogHash of(byte[] digest) {
        return new CatalogHash(HexFormat.of().formatHex(digest));
    }

    /** The first 12 hex digits, enough for a console line; compare whole hashes, not this. */
    public String shortForm() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return hex;
    }
}
