package org.macm.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What a step costs this JVM besides CPU: bytes allocated (all threads, live and ended,
 * {@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}; a virtual thread's
 * allocation counts on its carrier) and the garbage collector's stop-the-world pauses,
 * counted from the collectors' notifications. The allocation is what drives the pauses, so
 * the two are printed together, per round trip and in total.
 *
 * <p>Pauses: every notification of G1's and Parallel's/Serial's collectors is a pause (G1's
 * "G1 Concurrent GC" bean reports its Remark and Cleanup pauses); of ZGC's beans only the
 * "Pauses" ones are, its "Cycles" are concurrent work.
 */
final class JvmCost implements AutoCloseable {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long allocated0;
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong pauseMicros = new AtomicLong();
    private final AtomicLong maxPauseMicros = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;

    private JvmCost() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter && !gc.getName().endsWith("Cycles")) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        allocated0 = threads.getTotalThreadAllocatedBytes();
    }

    /** Starts counting now; {@link #close} stops listening. */
    static JvmCost start() {
        return new JvmCost();
    }

    private void onGc(Notification n, Object handback) {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        // The bean reports whole milliseconds; a pause that took under 1 ms shows as 0.
        long micros = info.getGcInfo().getDuration() * 1000;
        pauses.incrementAndGet();
        pauseMicros.addAndGet(micros);
        maxPauseMicros.accumulateAndGet(micros, Math::max);
    }

    /** What was spent since {@link #start}. */
    Spent spent() {
        return new Spent(threads.getTotalThreadAllocatedBytes() - allocated0, pauses.get(), pauseMicros.get() / 1000.0,
                maxPauseMicros.get() / 1000.0);
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone: nothing to undo
            }
        }
    }

    /** Bytes allocated and GC pauses (count, total and longest, in ms) over a step. */
    record Spent(long bytes, long pauses, double pauseMillis, double maxPauseMillis) {
        /** One line, per round trip and for the step: what the bench prints. */
        String perRoundTrip(int roundTrips, double seconds) {
            return String.format(Locale.ROOT, "allocated %.1f KB/rt (%.0f MB in %.0f s, all threads); GC pauses %d, "
                    + "total %.0f ms, max %.0f ms (%s)", roundTrips == 0 ? Double.NaN : bytes / 1024.0 / roundTrips,
                    bytes / 1e6, seconds, pauses, pauseMillis, maxPauseMillis, collectors());
        }

        private static String collectors() {
            StringBuilder names = new StringBuilder();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                names.append(names.isEmpty() ? "" : ", ").append(gc.getName());
            }
            return names.toString();
        }
    }
}
