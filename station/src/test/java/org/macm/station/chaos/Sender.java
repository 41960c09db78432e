package org.macm.station.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.macm.core.log.StationId;

/**
 * An operator sending a numbered series of messages through one station's API while that
 * station is killed and restarted under it. The rule that keeps the series exactly-once:
 *
 * <ul>
 *   <li>A send the station answered is done: the message is durable in the author's log.
 *   <li>A send that never reached the station (nothing answers at {@code api.url}) is
 *       repeated: it cannot have been written.
 *   <li>A send that may have reached it (the connection broke after the request went out,
 *       typically because the station was SIGKILLed mid-write) is <em>ambiguous</em>: the
 *       sender waits until the station answers again, looks for the text among the messages
 *       the station has sent, and repeats the send only if it is not there. A process that was
 *       killed cannot write later, so the look is final.
 * </ul>
 *
 * <p>The sender's view is not evidence: the test checks the final logs, so if this rule were
 * wrong the test would see a duplicate or a gap and fail, not pass.
 */
public final class Sender {
    private final StationProcess from;
    private final StationId to;
    private final List<String> texts;
    private final Pace pace;
    private final Duration stallLimit;
    private final ChaosLog log;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger notReached = new AtomicInteger();
    private final AtomicInteger ambiguous = new AtomicInteger();
    private final AtomicInteger foundAfterAmbiguous = new AtomicInteger();

    public Sender(StationProcess from, StationId to, List<String> texts, Pace pace, Duration stallLimit, ChaosLog log) {
        this.from = from;
        this.to = to;
        this.texts = List.copyOf(texts);
        this.pace = pace;
        this.stallLimit = stallLimit;
        this.log = log;
    }

    /** How many messages of the series are durably written so far. */
    public int done() {
        return done.get();
    }

    /** What happened along the way, for the run's log. */
    public String summary() {
        return "%s sent %d messages to %s; %d attempts found no station, %d were ambiguous (%d of those had been written)"
                .formatted(from.id(), done.get(), to, notReached.get(), ambiguous.get(), foundAfterAmbiguous.get());
    }

    /** Sends the whole series; throws if one message cannot be written within the stall limit. */
    public Void run() throws InterruptedException {
        for (int i = 0; i < texts.size(); i++) {
            pace.awaitTurn(i);
            sendOnce(texts.get(i));
            done.incrementAndGet();
        }
        log.note(summary());
        return null;
    }

    private void sendOnce(String text) throws InterruptedException {
        long deadline = System.nanoTime() + stallLimit.toNanos();
        String lastFailure = "";
        while (System.nanoTime() < deadline) {
            switch (from.http().send(to, text)) {
                case StationHttp.Sent.Written w -> {
                    return;
                }
                case StationHttp.Sent.NotReached n -> {
                    notReached.incrementAndGet();
                    lastFailure = n.why();
                    Thread.sleep(20);
                }
                case StationHttp.Sent.Unknown u -> {
                    ambiguous.incrementAndGet();
                    lastFailure = u.why();
                    if (wasWritten(text, deadline)) {
                        foundAfterAmbiguous.incrementAndGet();
                        log.note("'" + text + "': ambiguous send (" + u.why() + ") had been written; not sent again");
                        return;
                    }
                    log.note("'" + text + "': ambiguous send (" + u.why() + ") was not written; sending again");
                }
            }
        }
        throw new AssertionError("'" + text + "' could not be sent through " + from.id() + " within " + stallLimit
                + "; last failure: " + lastFailure);
    }

    /** Waits until the station answers again, then says whether {@code text} is in its log. */
    private boolean wasWritten(String text, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            Optional<List<String>> sent = from.http().sentTexts();
            if (sent.isPresent()) {
                return sent.get().contains(text);
            }
            Thread.sleep(50);
        }
        throw new AssertionError(from.id() + " did not answer within " + stallLimit + " after an ambiguous send of '"
                + text + "'");
    }
}
