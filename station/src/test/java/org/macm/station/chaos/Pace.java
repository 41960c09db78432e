package org.macm.station.chaos;

/**
 * Keeps traffic and faults interleaved whatever the machine's speed. The messages of each
 * sender are cut into {@code episodes + 1} equal segments; fault episode {@code k} (from 1)
 * starts once both senders have finished segment {@code k - 1}, and no sender starts segment
 * {@code k} before episode {@code k} has started. So every episode meets live traffic, and
 * a fast machine cannot finish sending before the faults begin.
 */
public final class Pace {
    private final int messages;
    private final int episodes;
    private int started;

    public Pace(int messages, int episodes) {
        if (messages < episodes + 1) {
            throw new IllegalArgumentException("need at least " + (episodes + 1) + " messages for " + episodes
                    + " fault episodes, got " + messages);
        }
        this.messages = messages;
        this.episodes = episodes;
    }

    int episodes() {
        return episodes;
    }

    /** How many messages each sender must have sent before episode {@code k} (from 1) may start. */
    int threshold(int k) {
        return (int) ((long) k * messages / (episodes + 1));
    }

    /** Blocks a sender before message {@code index} (from 0) until its segment's episode has started. */
    synchronized void awaitTurn(int index) throws InterruptedException {
        int segment = (int) ((long) index * (episodes + 1) / messages);
        while (segment > started) {
            wait();
        }
    }

    public synchronized void episodeStarted() {
        started++;
        notifyAll();
    }

    /** Lets the senders run to the end (the fault plan is done, or failed). */
    public synchronized void release() {
        started = episodes;
        notifyAll();
    }
}
