package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.store.StoreFixtures.CN_LOG;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.macm.core.log.LogWriter;
import org.macm.core.log.SignedEntry;

class LogTailTest {
    private final LogWriter cn = StoreFixtures.writer(CN_LOG, StoreFixtures.key(2));
    private final List<SignedEntry> log = StoreFixtures.chain(cn, 12);

    private static List<Long> seqs(List<SignedEntry> entries) {
        return entries.stream().map(SignedEntry::seq).toList();
    }

    @Test
    void keepsTheNewestEntries_andSendsOlderReadsToTheDatabase() {
        LogTail tail = new LogTail(5);
        log.forEach(tail::append); // seq 1..12; 8..12 kept
        assertThat(tail.read(8, 100)).hasValueSatisfying(l -> assertThat(seqs(l)).containsExactly(8L, 9L, 10L, 11L, 12L));
        assertThat(tail.read(10, 2)).hasValueSatisfying(l -> assertThat(l).containsExactly(log.get(9), log.get(10)));
        assertThat(tail.read(7, 100)).as("seq 7 fell out: the caller must read the file").isEmpty();
        assertThat(tail.read(13, 100)).as("nothing durable past the head").hasValueSatisfying(l -> assertThat(l).isEmpty());
    }

    @Test
    void anEmptyTail_answersNothing() {
        assertThat(new LogTail(5).read(1, 10)).isEmpty();
    }

    @Test
    void anEntryThatDoesNotFollow_startsTheTailAfresh() {
        LogTail tail = new LogTail(5);
        tail.append(log.get(0));
        tail.append(log.get(1));
        tail.append(log.get(5)); // seq 6 after seq 2: whatever was kept no longer joins up with it
        assertThat(tail.read(1, 10)).isEmpty();
        assertThat(tail.read(6, 10)).hasValueSatisfying(l -> assertThat(seqs(l)).containsExactly(6L));
    }
}
