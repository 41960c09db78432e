package org.macm.core.log;

/**
 * The refusal rules of docs/PROTOCOL.md §7, one constant per rule id. A reader, a verifier and
 * a station's intake name the rule they apply, so that two implementations (ours and a third
 * party's) can be compared case by case against the refusal corpus in docs/vectors.
 *
 * <p>{@code F-} rules are about one entry's bytes (and the lines of an export), {@code C-}
 * rules about one log's chain, {@code A-} rules about an entry against the other log of its
 * link, {@code E-} about two different signed entries at one seq.
 */
public enum Rule {
    F_SIZE("F-SIZE"),
    F_UTF8("F-UTF8"),
    F_OUTSIDE("F-OUTSIDE"),
    F_JSON("F-JSON"),
    F_ESCAPE("F-ESCAPE"),
    F_DEPTH("F-DEPTH"),
    F_DUPLICATE_KEY("F-DUPLICATE-KEY"),
    F_UNKNOWN_KEY("F-UNKNOWN-KEY"),
    F_MISSING_KEY("F-MISSING-KEY"),
    F_TYPE("F-TYPE"),
    F_INTEGER("F-INTEGER"),
    F_VERSION("F-VERSION"),
    F_RANGE("F-RANGE"),
    F_HASH("F-HASH"),
    F_HEAD("F-HEAD"),
    F_LINK("F-LINK"),
    F_AUTHOR("F-AUTHOR"),
    F_TIME("F-TIME"),
    F_KIND("F-KIND"),
    F_PRECEDENCE("F-PRECEDENCE"),
    F_CONTENT("F-CONTENT"),
    F_TEMPLATE_ID("F-TEMPLATE-ID"),
    F_LANG("F-LANG"),
    F_BLANK("F-BLANK"),
    F_EXPORT_LINE("F-EXPORT-LINE"),
    F_EXPORT_BASE64("F-EXPORT-BASE64"),
    C_SIGNATURE("C-SIGNATURE"),
    C_LOG("C-LOG"),
    C_SEQ("C-SEQ"),
    C_PREV("C-PREV"),
    A_PEERHEAD("A-PEERHEAD"),
    A_PEERHEAD_ORDER("A-PEERHEAD-ORDER"),
    A_RECEIPT("A-RECEIPT"),
    A_ACK("A-ACK"),
    A_ACK_KIND("A-ACK-KIND"),
    E_EQUIVOCATION("E-EQUIVOCATION");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    /** The id as the document and every refusal message write it, e.g. {@code F-UTF8}. */
    public String id() {
        return id;
    }

    /** The prefix of a refusal message under this rule: {@code [F-UTF8] }. */
    public String tag() {
        return "[" + id + "] ";
    }

    /** The rule with this id; throws {@link IllegalArgumentException} for an id no rule has. */
    public static Rule ofId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no refusal rule has the id '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
