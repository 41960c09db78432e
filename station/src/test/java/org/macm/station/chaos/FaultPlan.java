package org.macm.station.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntSupplier;
import org.macm.testkit.FaultProxy;

/**
 * The faults of one chaos run, drawn from a seeded {@link Random} so that a failing run can
 * be repeated: each round holds every kind of episode below once or more, shuffled; each
 * episode starts after a random lead-in so that it lands in the middle of traffic, and is
 * written to the {@link ChaosLog} as it happens.
 */
final class FaultPlan {
    /** One kind of fault episode; each ends with everything running and healed again. */
    enum Kind {
        KILL_JP, KILL_CN, KILL_BOTH, CUT_A, CUT_B, CUT_BOTH, BLACKHOLE_A, BLACKHOLE_B, DELAY_A, DELAY_B
    }

    /** One round: at least three SIGKILLs of each station, each path cut, blackholed and delayed. */
    static final List<Kind> ROUND = List.of(Kind.KILL_JP, Kind.KILL_JP, Kind.KILL_JP, Kind.KILL_CN, Kind.KILL_CN,
            Kind.KILL_CN, Kind.KILL_BOTH, Kind.CUT_A, Kind.CUT_B, Kind.CUT_BOTH, Kind.BLACKHOLE_A, Kind.BLACKHOLE_B,
            Kind.DELAY_A, Kind.DELAY_B);

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration DETECTION_SLACK = Duration.ofSeconds(5);

    private final Random random;
    private final List<Kind> episodes;
    private final StationProcess jp;
    private final StationProcess cn;
    private final FaultProxy a;
    private final FaultProxy b;
    private final Duration silenceLimit;
    private final ChaosLog log;

    FaultPlan(long seed, int rounds, StationProcess jp, StationProcess cn, FaultProxy a, FaultProxy b,
            Duration silenceLimit, ChaosLog log) {
        this.random = new Random(seed);
        List<Kind> all = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Kind> round = new ArrayList<>(ROUND);
            Collections.shuffle(round, random);
            all.addAll(round);
        }
        this.episodes = List.copyOf(all);
        this.jp = jp;
        this.cn = cn;
        this.a = a;
        this.b = b;
        this.silenceLimit = silenceLimit;
        this.log = log;
    }

    List<Kind> episodes() {
        return episodes;
    }

    /** Runs every episode in turn, each when {@code pace} says the senders have reached it. */
    Void run(Pace pace, IntSupplier slowestSender) throws InterruptedException {
        try {
            for (int k = 1; k <= episodes.size(); k++) {
                while (slowestSender.getAsInt() < pace.threshold(k)) {
                    Thread.sleep(10);
                }
                pace.episodeStarted();
                Kind kind = episodes.get(k - 1);
                Thread.sleep(between(0, 300));
                log.note("episode " + k + "/" + episodes.size() + ": " + kind + " (senders at " + slowestSender.getAsInt()
                        + ")");
                run(kind);
            }
        } finally {
            pace.release();
        }
        log.note("fault plan done: " + episodes.size() + " episodes");
        return null;
    }

    private void run(Kind kind) throws InterruptedException {
        switch (kind) {
            case KILL_JP -> killAndRestart(List.of(jp));
            case KILL_CN -> killAndRestart(List.of(cn));
            case KILL_BOTH -> killAndRestart(List.of(jp, cn));
            case CUT_A -> cut(List.of(a));
            case CUT_B -> cut(List.of(b));
            case CUT_BOTH -> cutBoth();
            case BLACKHOLE_A -> blackhole(a);
            case BLACKHOLE_B -> blackhole(b);
            case DELAY_A -> delay(a);
            case DELAY_B -> delay(b);
        }
    }

    private void killAndRestart(List<StationProcess> stations) throws InterruptedException {
        for (StationProcess s : stations) {
            s.kill();
            log.note("  SIGKILLed " + s.id());
        }
        Thread.sleep(between(100, 1_500));
        for (StationProcess s : stations) {
            s.start();
        }
        for (StationProcess s : stations) {
            s.awaitApi(START_LIMIT);
            log.note("  " + s.id() + " running again (start #" + s.starts() + ")");
        }
    }

    private void cut(List<FaultProxy> paths) throws InterruptedException {
        paths.forEach(FaultProxy::cut);
        long hold = between(500, 3_000);
        log.note("  cut " + names(paths) + " for " + hold + " ms");
        Thread.sleep(hold);
        paths.forEach(FaultProxy::heal);
    }

    /** Both paths cut for longer than the silence limit: jp-mod must see the link DOWN. */
    private void cutBoth() throws InterruptedException {
        a.cut();
        b.cut();
        long hold = silenceLimit.toMillis() + between(500, 2_000);
        log.note("  cut both paths for " + hold + " ms");
        Thread.sleep(hold);
        String state = jp.http().link().map(l -> l.path("state").asText()).orElse("(no answer)");
        a.heal();
        b.heal();
        if (!state.equals("DOWN")) {
            throw new AssertionError("with both paths cut for " + hold + " ms, jp-mod reported its link " + state
                    + ", not DOWN");
        }
    }

    /**
     * Nothing passes, not even a close, for more than twice the silence limit: only the
     * heartbeat can tell. By then jp-mod must show the link short of UP (the path is silent),
     * and its heartbeat must close the path soon after (within {@link #DETECTION_SLACK} more:
     * a reader that was busy storing a large batch starts counting silence late).
     */
    private void blackhole(FaultProxy path) throws InterruptedException {
        path.blackhole();
        long hold = 2 * silenceLimit.toMillis() + between(200, 1_500);
        log.note("  blackhole " + path.name() + " for " + hold + " ms, then until jp-mod has closed it");
        long started = System.nanoTime();
        Thread.sleep(hold);
        String state = jp.http().link().map(l -> l.path("state").asText()).orElse("(no answer)");
        long deadline = System.nanoTime() + DETECTION_SLACK.toNanos();
        boolean closed = closedAtJp(path);
        while (!closed && System.nanoTime() < deadline) {
            Thread.sleep(50);
            closed = closedAtJp(path);
        }
        long heldMillis = (System.nanoTime() - started) / 1_000_000;
        path.heal();
        if (state.equals("UP")) {
            throw new AssertionError("path " + path.name() + " was blackholed for " + hold + " ms (silence limit "
                    + silenceLimit.toMillis() + " ms), yet jp-mod reported its link UP");
        }
        if (!closed) {
            throw new AssertionError("path " + path.name() + " was blackholed for " + heldMillis + " ms (silence limit "
                    + silenceLimit.toMillis() + " ms), yet jp-mod had not closed it");
        }
        log.note("  jp-mod showed the link " + state + " and had closed " + path.name() + " after " + heldMillis
                + " ms of blackhole");
    }

    private void delay(FaultProxy path) throws InterruptedException {
        Duration latency = Duration.ofMillis(between(20, 150));
        long hold = between(1_500, 3_000);
        path.delay(latency);
        log.note("  delay " + path.name() + " by " + latency.toMillis() + " ms for " + hold + " ms");
        Thread.sleep(hold);
        path.heal();
    }

    /** Whether jp-mod reports {@code path} not connected (false while it does not answer). */
    private boolean closedAtJp(FaultProxy path) throws InterruptedException {
        return jp.http().link().flatMap(l -> pathConnected(l, path.port())).map(connected -> !connected).orElse(false);
    }

    private static Optional<Boolean> pathConnected(JsonNode link, int port) {
        for (JsonNode p : link.path("paths")) {
            if (p.path("name").asText().endsWith(":" + port)) {
                return Optional.of(p.path("connected").asBoolean());
            }
        }
        return Optional.empty();
    }

    private static String names(List<FaultProxy> paths) {
        return String.join(" and ", paths.stream().map(FaultProxy::name).toList());
    }

    private long between(long min, long max) {
        return min + (long) (random.nextDouble() * (max - min));
    }
}
