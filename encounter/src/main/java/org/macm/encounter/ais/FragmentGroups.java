package org.macm.encounter.ais;

import java.util.Objects;
import java.util.Optional;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.RejectReason;

/**
 * The multi-sentence messages waiting for their next fragment, in a fixed number of reusable
 * slots so that a feed of lost or forged fragments cannot grow memory. A group is keyed like
 * gpsd and libais key it, by sequential message id, channel, fragment count and VDM/VDO, plus
 * the tag-block source when both fragments name one (so two receivers multiplexed on one feed
 * with the same id do not mix). Several groups may be open at once, which is what
 * interleaved sequences need.
 */
final class FragmentGroups {

    /** One open group. Its payload buffer is kept across reuse of the slot. */
    static final class Group {
        boolean open;
        int sequenceId;
        char channel;
        int count;
        int next;
        boolean ownVessel;
        long firstLine;
        TagBlock tagBlock = TagBlock.NONE;
        final StringBuilder payload = new StringBuilder(256);

        boolean matches(int sequenceId, char channel, int count, boolean ownVessel, TagBlock tagBlock) {
            return open
                    && this.sequenceId == sequenceId
                    && this.channel == channel
                    && this.count == count
                    && this.ownVessel == ownVessel
                    && sameSource(this.tagBlock.source(), tagBlock.source());
        }

        private static boolean sameSource(Optional<String> a, Optional<String> b) {
            return a.isEmpty() || b.isEmpty() || Objects.equals(a.get(), b.get());
        }
    }

    private final Group[] groups;
    private final int maxSpan;
    private final DecodeStats stats;
    private int open;

    FragmentGroups(int capacity, int maxSpan, DecodeStats stats) {
        this.groups = new Group[capacity];
        for (int i = 0; i < capacity; i++) {
            groups[i] = new Group();
        }
        this.maxSpan = maxSpan;
        this.stats = stats;
    }

    int openCount() {
        return open;
    }

    /** Drops, and counts as lost, every group that did not complete within the span. */
    void expire(long line) {
        if (open == 0) {
            return;
        }
        for (Group g : groups) {
            if (g.open && line - g.firstLine > maxSpan) {
                lose(g);
            }
        }
    }

    /** The open group with this key, if any. */
    Optional<Group> find(int sequenceId, char channel, int count, boolean ownVessel, TagBlock tagBlock) {
        for (Group g : groups) {
            if (g.matches(sequenceId, channel, count, ownVessel, tagBlock)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** A slot for a new group: a free one, else the oldest open one, which is counted as lost. */
    Group start(int sequenceId, char channel, int count, boolean ownVessel, TagBlock tagBlock, long line) {
        Group slot = null;
        for (Group g : groups) {
            if (!g.open) {
                slot = g;
                break;
            }
            if (slot == null || g.firstLine < slot.firstLine) {
                slot = g;
            }
        }
        Objects.requireNonNull(slot, "a fragment table has at least one slot");
        if (slot.open) {
            lose(slot);
        }
        slot.open = true;
        slot.sequenceId = sequenceId;
        slot.channel = channel;
        slot.count = count;
        slot.next = 2;
        slot.ownVessel = ownVessel;
        slot.firstLine = line;
        slot.tagBlock = tagBlock;
        slot.payload.setLength(0);
        open++;
        return slot;
    }

    /** Drops an incomplete group and counts it as lost. */
    void lose(Group g) {
        close(g);
        stats.rejected(RejectReason.FRAGMENT_LOST);
    }

    /** Frees a group's slot (after completion or loss). */
    void close(Group g) {
        if (g.open) {
            g.open = false;
            open--;
        }
    }
}
