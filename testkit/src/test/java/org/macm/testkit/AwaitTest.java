package org.macm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
    @Test
    void awaitValue_timedOut_namesWhatWasAwaited_andTheLastValueSeen() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> Await.awaitValue("the link to come UP", Duration.ofMillis(100),
                () -> "DOWN after " + polls.incrementAndGet(), "UP"::equals))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("timed out after 100 ms waiting for the link to come UP; last seen: DOWN after ")
                .hasMessageEndingWith("after " + polls.get());
    }

    @Test
    void await_timedOut_showsTheEvidenceAsItWasAtTheDeadline() {
        assertThatThrownBy(() -> Await.await("delivery", Duration.ofSeconds(0), () -> false, () -> "head seq 3"))
                .hasMessage("timed out after 0 s waiting for delivery; last seen: head seq 3");
    }

    @Test
    void awaitValue_returnsTheFirstWantedValue() throws Exception {
        AtomicInteger n = new AtomicInteger();
        assertThat(Await.awaitValue("three", Duration.ofSeconds(5), n::incrementAndGet, v -> v >= 3)).isEqualTo(3);
    }

    @Test
    void within_answersFalse_insteadOfFailing() throws Exception {
        assertThat(Await.within(Duration.ofMillis(30), Duration.ofMillis(1), () -> false)).isFalse();
        assertThat(Await.within(Duration.ofMillis(30), Duration.ofMillis(1), () -> true)).isTrue();
    }
}
