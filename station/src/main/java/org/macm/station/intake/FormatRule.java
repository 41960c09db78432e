package org.macm.station.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.core.log.MalformedEntryException;

/**
 * The format rule (docs/PROTOCOL.md §7, {@code F-…}) an unreadable entry breaks, as the strict
 * reader names it at the start of its message ({@code [F-UTF8] …}). A reader message without
 * an id is filed under {@link #UNNAMED}.
 */
public final class FormatRule {
    /** The id given when the reader's message names no rule. */
    public static final String UNNAMED = "F-ENTRY";
    private static final Pattern ID = Pattern.compile("^\\[(F-[A-Z0-9-]+)\\]\\s*");

    private FormatRule() {
    }

    /** The rule id {@code why} names, or {@link #UNNAMED}. */
    public static String of(MalformedEntryException why) {
        Matcher m = ID.matcher(String.valueOf(why.getMessage()));
        return m.find() ? m.group(1) : UNNAMED;
    }

    /** The refusal message in the form {@code [RULE] text}, whether or not the reader's message carried the id. */
    public static String message(String rule, MalformedEntryException why) {
        String text = String.valueOf(why.getMessage());
        return text.startsWith("[") ? text : "[" + rule + "] " + text;
    }
}
