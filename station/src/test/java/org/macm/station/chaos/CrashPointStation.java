package org.macm.station.chaos;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.run.StationRuntime;
import org.macm.template.Catalog;

/**
 * A station run as {@code macm run} runs it, that stops dead at one point on a receipt's way,
 * so that a test can SIGKILL it exactly there. Production code has no crash hook: the stop is
 * a listener handed to {@link StationRuntime#start(StationLayout, Clock, String, java.util.function.Consumer)}
 * before any part of the station listens, so it runs first, on the thread that reached the
 * point, and the parts registered after it (the link's sender, the message board) never hear
 * of it. At the point it prints {@link #REACHED} and the point's details on standard output,
 * then holds that thread for ever.
 *
 * <p>Usage: {@code CrashPointStation POINT DIR}, POINT one of {@link Point}.
 */
final class CrashPointStation {
    /** How the line printed at the point starts. */
    static final String REACHED = "CRASH POINT REACHED ";

    /** Where the station stops. */
    enum Point {
        /**
         * The receiver's intake has committed a message and the receipt covering it (one commit),
         * and is about to wake the link's sender: the receipt is durable and never sent. Every
         * later write stops here too, so no other write wakes the sender meanwhile.
         */
        RECEIPT_WRITTEN,
        /**
         * The sender's intake has verified the peer's receipt covering one of its messages and
         * is about to store it: verified, not persisted, and the board not told.
         */
        RECEIPT_VERIFIED
    }

    private CrashPointStation() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CrashPointStation " + List.of(Point.values()) + " DIR");
        }
        Point point = Point.valueOf(args[0].toUpperCase(Locale.ROOT));
        StationLayout layout = new StationLayout(Path.of(args[1]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StationRuntime runtime = StationRuntime.start(layout, Clock.systemUTC(), Catalog.builtIn().hash().hex(),
                station -> stopAt(point, station, out));
        out.println("Station " + runtime.station().id() + " is running, to stop at " + point + ".");
        holdForever();
    }

    private static void stopAt(Point point, Station station, PrintStream out) {
        switch (point) {
            case RECEIPT_WRITTEN -> {
                AtomicBoolean reached = new AtomicBoolean();
                station.onWrite((peer, written) -> {
                    if (reached.get()) {
                        holdForever();
                    }
                    if (written.entry().body() instanceof Body.Receipt r
                            && coversMessage(station, station.peerLog(peer), r.upTo())) {
                        reached.set(true);
                        out.println(REACHED + point + " receipt " + written.seq() + " upTo " + r.upTo().seq());
                        holdForever();
                    }
                });
            }
            case RECEIPT_VERIFIED -> station.onVerified((peer, verified) -> {
                for (SignedEntry e : verified) {
                    if (e.entry().body() instanceof Body.Receipt r
                            && coversMessage(station, station.ownLog(peer), r.upTo())) {
                        out.println(REACHED + point + " receipt " + e.seq() + " upTo " + r.upTo().seq());
                        holdForever();
                    }
                }
            });
        }
    }

    /** Whether {@code log} holds a message at or before {@code upTo}: link announcements and tests do not count. */
    private static boolean coversMessage(Station station, LogId log, Head upTo) {
        return station.store().read(log, 1, (int) upTo.seq()).stream()
                .anyMatch(e -> e.entry().kind() == EntryKind.MESSAGE);
    }

    /** Holds the calling thread until the process is killed. */
    private static void holdForever() {
        while (true) {
            LockSupport.park();
        }
    }

    /** What {@link StationProcess#start(List)} runs for a station in {@code layout} that stops at {@code point}. */
    static List<String> command(Point point, StationLayout layout) {
        return List.of(CrashPointStation.class.getName(), point.name(), layout.dir().toString());
    }
}
