package org.macm.station.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.StationId;

/**
 * What each side of a link holds the other to, as both logs say it (docs/PROTOCOL.md §14):
 * the deadlines each station announced in its own log ({@link LinkParameters#DEFAULTS} when it
 * announced none), which apply to the messages it writes, and the clock check of each side's
 * entries against their time of receipt. {@code macm status} and the console's Link page show it.
 *
 * @param ours           our announcement in force (empty: nothing announced, the defaults apply)
 * @param theirs         the peer's announcement in force (empty: nothing announced)
 * @param ourEntries     our entries' times against the peer's times of receipt
 * @param theirEntries   the peer's entries' times against our times of receipt
 */
public record LinkTerms(StationId self, StationId peer, Optional<LinkParameters> ours, Optional<LinkParameters> theirs,
        ClockCheck ourEntries, ClockCheck theirEntries) {

    /** The deadlines our messages are held to. */
    public LinkParameters ourDeadlines() {
        return ours.orElse(LinkParameters.DEFAULTS);
    }

    /** The deadlines the peer's messages are held to. */
    public LinkParameters theirDeadlines() {
        return theirs.orElse(LinkParameters.DEFAULTS);
    }

    /** True when the two stations hold their messages to different deadlines. */
    public boolean differ() {
        return !ourDeadlines().equals(theirDeadlines());
    }

    /** True when either side's latest entry compared was far from its time of receipt. */
    public boolean clocksApart() {
        return ourEntries.apartNow() || theirEntries.apartNow();
    }

    /**
     * The lines {@code macm status} prints (the console says the same in the officer's
     * language): both sides' deadlines, a warning when they differ, a clock warning when flagged.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(DeadlineText.expects(self, ourDeadlines()) + (ours.isEmpty() ? " (protocol defaults)" : ""));
        out.add(DeadlineText.expects(peer, theirDeadlines()) + (theirs.isEmpty() ? " (protocol defaults)" : ""));
        if (differ()) {
            out.add("WARNING: the two stations expect different deadlines; each message is held to its author's");
        }
        theirEntries.lastFlagged().ifPresent(r -> out.add(clockLine(r, "here")));
        ourEntries.lastFlagged().ifPresent(r -> out.add(clockLine(r, "at " + peer)));
        return out;
    }

    private static String clockLine(ClockReading r, String where) {
        return "CLOCK: " + r.id() + " was written at " + r.written() + " but received " + where + " at " + r.received()
                + " (" + r.offsetText() + "): one of the two clocks is wrong; check time sync on both stations";
    }
}
