package org.macm.store;

/**
 * How a store's group commit is doing: the transactions it committed, the writes they carried
 * and the time spent in them. Both stores report it ({@link JdbcLogStore#commitStats}); the
 * benchmarks read it to show how many entries shared one fsync.
 */
public record CommitStats(long commits, long writes, long nanos) {
    public double writesPerCommit() {
        return commits == 0 ? 0 : (double) writes / commits;
    }

    public double microsPerCommit() {
        return commits == 0 ? 0 : nanos / 1e3 / commits;
    }
}
