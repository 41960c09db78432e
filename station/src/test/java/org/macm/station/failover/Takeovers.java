package org.macm.station.failover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The takeover times of one run, for the report: from the moment the active node was gone
 * (SIGKILL returned) to the moment the other node said it was active, and to the moment jp-mod's
 * path to that node was connected.
 */
final class Takeovers {
    private final List<Duration> toActive = new ArrayList<>();
    private final List<Duration> toLinkUp = new ArrayList<>();

    synchronized void add(Duration active, Duration linkUp) {
        toActive.add(active);
        toLinkUp.add(linkUp);
    }

    synchronized int count() {
        return toActive.size();
    }

    /** "takeovers: 10; kill to standby active: min/median/max; kill to jp-mod connected to it: ..." */
    synchronized String summary() {
        return "takeovers: " + toActive.size() + "; kill to standby active: " + spread(toActive)
                + "; kill to jp-mod connected to it: " + spread(toLinkUp);
    }

    private static String spread(List<Duration> ds) {
        if (ds.isEmpty()) {
            return "none";
        }
        List<Duration> sorted = ds.stream().sorted().toList();
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        return "min %s, median %s, max %s".formatted(seconds(sorted.get(0)), seconds(median),
                seconds(sorted.get(n - 1)));
    }

    private static String seconds(Duration d) {
        return "%.3f s".formatted(d.toMillis() / 1000.0);
    }
}
