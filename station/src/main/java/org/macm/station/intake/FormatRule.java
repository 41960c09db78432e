package org.macm.station.intake;

import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.Rule;

/**
 * The format rule (docs/PROTOCOL.md §7, {@code F-…}) an unreadable entry breaks, as the strict
 * reader names it ({@link MalformedEntryException#rule()}). A refusal the reader files under
 * no rule is recorded as {@link #UNNAMED}.
 */
public final class FormatRule {
    /** The id given when the reader's refusal names no rule. */
    public static final String UNNAMED = "F-ENTRY";

    private FormatRule() {
    }

    /** The rule id {@code why} names, or {@link #UNNAMED}. */
    public static String of(MalformedEntryException why) {
        return why.rule().map(Rule::id).orElse(UNNAMED);
    }

    /** The refusal message in the form {@code [RULE] text}: the reader's own when it names its rule. */
    public static String message(String rule, MalformedEntryException why) {
        String text = String.valueOf(why.getMessage());
        return why.rule().isPresent() ? text : "[" + rule + "] " + text;
    }
}
