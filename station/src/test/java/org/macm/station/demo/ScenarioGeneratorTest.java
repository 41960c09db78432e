package org.macm.station.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.sbs.SbsDecoder;
import org.macm.encounter.sbs.SbsMessage;
import org.macm.encounter.decode.DecodeResult;

/** The demo scenario decodes cleanly and really contains the encounters it promises. */
class ScenarioGeneratorTest {
    @TempDir
    Path tmp;

    @Test
    void scenario_decodesWithoutASingleRejectedLine_andIsTheSameForTheSameSeed() throws Exception {
        new ScenarioGenerator(7).generate(tmp.resolve("a"));
        new ScenarioGenerator(7).generate(tmp.resolve("b"));
        assertThat(Files.readAllBytes(tmp.resolve("a/ecs.aivdm"))).isEqualTo(Files.readAllBytes(tmp.resolve("b/ecs.aivdm")));
        AisDecoder ais = new AisDecoder();
        List<String> aisLines = Files.readAllLines(tmp.resolve("a/ecs.aivdm"));
        aisLines.forEach(ais::accept);
        assertThat(ais.stats().snapshot().rejectedTotal()).isZero();
        assertThat(ais.stats().snapshot().decoded()).isGreaterThan(2000);
        SbsDecoder sbs = new SbsDecoder();
        long positions = Files.readAllLines(tmp.resolve("a/ecs.sbs")).stream().map(sbs::accept)
                .filter(r -> r instanceof DecodeResult.Decoded<SbsMessage> d && d.value().position().isPresent()).count();
        assertThat(sbs.stats().snapshot().rejectedTotal()).isZero();
        assertThat(positions).isGreaterThan(2000);
    }

    @Test
    void scenario_bringsTheTwoDestroyersWithinTwoNauticalMiles_andTheTwoAircraftWithinFive() {
        assertThat(closest(ScenarioGenerator.KIRISAME, ScenarioGenerator.NANCHANG)).isLessThan(2.0);
        assertThat(closest(ScenarioGenerator.P3C, ScenarioGenerator.Y9)).isLessThan(5.0);
    }

    private static double closest(ScenarioGenerator.Mover a, ScenarioGenerator.Mover b) {
        double min = Double.MAX_VALUE;
        for (long s = 0; s <= ScenarioGenerator.LENGTH.toSeconds(); s += 5) {
            double[] p = a.at(java.time.Duration.ofSeconds(s));
            double[] q = b.at(java.time.Duration.ofSeconds(s));
            double dLat = (p[0] - q[0]) * 60;
            double dLon = (p[1] - q[1]) * 60 * Math.cos(Math.toRadians((p[0] + q[0]) / 2));
            min = Math.min(min, Math.hypot(dLat, dLon));
        }
        return min;
    }
}
