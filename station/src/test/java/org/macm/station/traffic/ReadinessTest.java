package org.macm.station.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.traffic.Readiness.Direction;
import org.macm.station.traffic.Readiness.Flow;
import org.macm.station.traffic.Readiness.Gap;
import org.macm.station.traffic.Readiness.OfficerRow;
import org.macm.station.traffic.Readiness.Period;
import org.macm.station.traffic.Readiness.Report;
import org.macm.station.traffic.Readiness.Tests;

/**
 * Readiness follows docs/PROTOCOL.md §16: receipt times are the receiver's own entry times,
 * acknowledgement times run from receipt, deadlines are those the author announced before the
 * message, "as of" is the later last entry of the two logs; and the report is the same whoever
 * holds the logs and in whichever order they are given. Figures are those of
 * {@link ReadinessScenario}, worked out by hand.
 */
class ReadinessTest {
    @TempDir
    Path tmp;

    private ReadinessScenario scenario;

    @BeforeEach
    void writeTheScenario() {
        scenario = ReadinessScenario.write(tmp);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private Report atJp(Optional<Period> period) {
        List<List<SignedEntry>> logs = scenario.logsAt(scenario.jp());
        return Readiness.compute(ReadinessScenario.link(), logs.get(0), logs.get(1), period);
    }

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Spread spread(int count, Duration median, Duration p95, Duration max) {
        return new Spread(count, Optional.of(median), Optional.of(p95), Optional.of(max));
    }

    private static Instant at(String hms) {
        return Instant.parse("2026-11-30T" + hms + "Z");
    }

    @Test
    void figures_followTheReceiversEntryTimes_theAnnouncedDeadlines_andTheLaterLastEntry() {
        Report r = atJp(Optional.empty());
        assertThat(r.asOf()).as("cn-mnd's last entry, the later of the two").contains(at("04:00:00"));
        assertThat(r.directions()).extracting(Direction::from).as("the link's first station first").containsExactly(CN, JP);

        Direction jp = r.from(JP);
        assertThat(jp.precedences()).containsExactly(
                new Flow(Precedence.FLASH, 3, spread(3, s(2), s(4), s(4)), spread(3, s(360), s(420), s(420)), 1),
                new Flow(Precedence.IMMEDIATE, 1, spread(1, s(5), s(5), s(5)), Spread.NONE, 1),
                new Flow(Precedence.PRIORITY, 1, spread(1, s(1800), s(1800), s(1800)), Spread.NONE, 0),
                new Flow(Precedence.ROUTINE, 0, Spread.NONE, Spread.NONE, 0));
        assertThat(jp.tests()).as("the human test is never acknowledged; nothing arrives after 00:46:02")
                .isEqualTo(new Tests(2, 1, 1, Optional.of(new Gap(at("00:46:02"), at("04:00:00")))));
        assertThat(jp.officers()).as("cn-mnd's officers, by name").containsExactly(
                new OfficerRow("Lt Li", 1, spread(1, s(360), s(360), s(360)), 0),
                new OfficerRow("Lt Wang", 2, spread(2, s(60), s(420), s(420)), 1));

        Direction cn = r.from(CN);
        assertThat(cn.precedences().get(3)).as("Cdr Ito's second acknowledgement is no time to answer")
                .isEqualTo(new Flow(Precedence.ROUTINE, 1, spread(1, s(3), s(3), s(3)),
                        spread(1, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)), 0));
        assertThat(cn.tests()).isEqualTo(new Tests(1, 1, 0, Optional.of(new Gap(at("00:00:00"), at("04:00:00")))));
        assertThat(cn.officers()).containsExactly(
                new OfficerRow("Lt Sato", 1, spread(1, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)), 0));
    }

    @Test
    void theSameReport_fromEitherStationsCopies_inEitherOrder() {
        Report jpView = atJp(Optional.empty());
        List<List<SignedEntry>> atCn = scenario.logsAt(scenario.cn());
        assertThat(Readiness.compute(ReadinessScenario.link(), atCn.get(0), atCn.get(1), Optional.empty()))
                .isEqualTo(jpView);
        assertThat(Readiness.compute(ReadinessScenario.link(), atCn.get(1), atCn.get(0), Optional.empty()))
                .isEqualTo(jpView);
        assertThat(ReadinessJson.of(jpView)).isEqualTo(ReadinessJson.of(
                Readiness.compute(ReadinessScenario.link(), atCn.get(0), atCn.get(1), Optional.empty())));
    }

    @Test
    void aPeriod_countsWhatWasWrittenInIt_andTheUntestedWindowEndsWithIt() {
        Report r = atJp(Optional.of(new Period(at("00:00:00"), at("00:30:00"))));
        Direction jp = r.from(JP);
        assertThat(jp.precedences()).extracting(Flow::messages).containsExactly(3, 0, 0, 0);
        assertThat(jp.tests()).isEqualTo(new Tests(0, 0, 0, Optional.of(new Gap(at("00:00:00"), at("00:30:00")))));
        assertThat(r.from(CN).precedences()).extracting(Flow::messages).containsExactly(0, 0, 0, 0);
        assertThat(r.asOf()).as("as of is still the logs' end").contains(at("04:00:00"));
    }

    @Test
    void percentiles_areNearestRank_aValueThatOccurred_theLowerMiddleForAnEvenCount() {
        List<Duration> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> s(21 - i)).toList();
        assertThat(Spread.of(twenty)).isEqualTo(spread(20, s(10), s(19), s(20)));
        assertThat(Spread.of(List.of(s(7), s(3)))).isEqualTo(spread(2, s(3), s(7), s(7)));
        assertThat(Spread.of(List.of(s(5)))).isEqualTo(spread(1, s(5), s(5), s(5)));
        assertThat(Spread.of(List.of())).isEqualTo(Spread.NONE);
    }

    @Test
    void canonicalJson_escapesStringsAsRfc8785Does_andNothingElse() {
        Report r = atJp(Optional.empty());
        Direction jp = r.from(JP);
        String name = "Lt \"Q\" \\ 李\n\t\u0001\u007f/";
        Direction named = new Direction(jp.from(), jp.to(), jp.precedences(), jp.tests(),
                List.of(new OfficerRow(name, 1, spread(1, s(1), s(1), s(1)), 0)));
        String json = ReadinessJson.of(new Report(r.link(), r.logs(), r.period(), r.asOf(), List.of(r.from(CN), named)));
        assertThat(json).contains("{\"officer\":\"Lt \\\"Q\\\" \\\\ 李\\n\\t\\u0001\u007f/\",\"acks\":1,"
                + "\"toAck\":{\"count\":1,\"median\":1000,\"p95\":1000,\"max\":1000},\"missed\":0}");
    }

    @Test
    void officerNames_areOrderedByCodePoint() {
        assertThat(Readiness.byCodePoints("\uFF21", "\uD83D\uDE00")).as("U+FF21 before U+1F600").isNegative();
        assertThat(Readiness.byCodePoints("Lt", "Lt Li")).isNegative();
        assertThat(Readiness.byCodePoints("b", "a")).isPositive();
    }
}
