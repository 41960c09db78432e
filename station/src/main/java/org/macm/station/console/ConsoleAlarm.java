package org.macm.station.console;

import java.time.Instant;
import java.util.List;

/**
 * Something no officer may miss, raised until one dismisses it: a FLASH message arriving, an
 * acknowledgement going overdue (an escalation), the link going DOWN, a peer entry that spoils
 * the evidence (void, unreadable or equivocating), an entry whose time is far from its time of
 * receipt (a clock is wrong). The text is a UiText
 * key with its arguments, so each officer reads it in their own language.
 */
public record ConsoleAlarm(long id, Kind kind, String textKey, List<String> args, String href, Instant raised) {
    /** What raised the alarm. */
    public enum Kind {
        FLASH,
        ESCALATION,
        LINK_DOWN,
        /** A validly signed peer entry that breaks a rule: stored but void, or unreadable (the log is held). */
        EVIDENCE,
        /** The peer signed two different entries at one seq. */
        EQUIVOCATION,
        /** An entry's time far from its time of receipt: one of the two stations' clocks is wrong. */
        CLOCK
    }

    public ConsoleAlarm {
        args = List.copyOf(args);
    }

    /** The alarm's sentence in the officer's language. */
    public String text(UiText t) {
        return t.format(textKey, args.toArray());
    }
}
