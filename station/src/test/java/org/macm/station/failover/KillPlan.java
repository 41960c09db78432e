package org.macm.station.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.macm.station.chaos.ChaosLog;

/**
 * SIGKILLs the active cn-mnd node {@code rounds} times under traffic and restarts it each time,
 * so that it comes back as the standby. The next kill falls a number of messages drawn from the
 * seed (1 to 4 seconds of traffic) after the last takeover, or as soon as the restarted node
 * is the standby if that takes longer, so it lands at a different point of the sender's and
 * the link's work each time. After it: the standby must say it is active within {@code limit} (counted from
 * the moment the killed process was gone), jp-mod's path to it must connect, and the killed
 * node, restarted on its folder, must say it is the standby.
 */
final class KillPlan {
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(60);
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(60);

    private final FailoverRig rig;
    private final SteadySender traffic;
    private final long seed;
    private final int rounds;
    private final Duration limit;
    private final Takeovers takeovers = new Takeovers();

    KillPlan(FailoverRig rig, SteadySender traffic, long seed, int rounds, Duration limit) {
        this.rig = rig;
        this.traffic = traffic;
        this.seed = seed;
        this.rounds = rounds;
        this.limit = limit;
    }

    Takeovers takeovers() {
        return takeovers;
    }

    Void run() throws InterruptedException {
        Random random = new Random(seed);
        ChaosLog log = rig.log();
        int at = traffic.done() + 100 + random.nextInt(300);
        for (int k = 1; k <= rounds; k++) {
            long waitUntil = System.nanoTime() + WAIT_LIMIT.toNanos();
            while (traffic.done() < at) {
                if (System.nanoTime() > waitUntil) {
                    throw new AssertionError("the sender did not reach message " + at + " within " + WAIT_LIMIT);
                }
                Thread.sleep(1);
            }
            CnNodes.Node active = rig.cn().active()
                    .orElseThrow(() -> new AssertionError("no single active node before kill; see the nodes' output"));
            CnNodes.Node standby = rig.cn().other(active);
            CnNodes.awaitRole(standby, "standby", RESTART_LIMIT);
            active.process().kill();
            long gone = System.nanoTime();
            log.note("kill #" + k + ": SIGKILLed " + active + " (message " + traffic.done() + ")");
            CnNodes.awaitRole(standby, "active", limit.multipliedBy(3));
            Duration toActive = Duration.ofNanos(System.nanoTime() - gone);
            active.process().start();
            rig.awaitLinkUp(standby, Duration.ofSeconds(60));
            Duration toLinkUp = Duration.ofNanos(System.nanoTime() - gone);
            takeovers.add(toActive, toLinkUp);
            log.note("kill #" + k + ": " + standby + " active after " + toActive.toMillis() + " ms, jp-mod's path to it"
                    + " up after " + toLinkUp.toMillis() + " ms");
            assertThat(toActive).as("kill #%d: time until %s took over (seed %d)", k, standby, seed)
                    .isLessThanOrEqualTo(limit);
            at = traffic.done() + 100 + random.nextInt(300);
            CnNodes.awaitRole(active, "standby", RESTART_LIMIT);
            log.note("kill #" + k + ": " + active + " restarted as standby");
        }
        log.note(takeovers.summary());
        return null;
    }
}
