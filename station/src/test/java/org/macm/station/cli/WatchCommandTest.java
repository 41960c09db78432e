package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo scenario through the real decoders, track store, engine and zones: the alerts an officer must see. */
class WatchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void scenario_raisesTheSurfaceAndAirEncountersAndTheZoneEntry_andNothingForThirdParties() {
        CliRun r = CliRun.run("watch", "--scenario", tmp.resolve("scenario").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("NEW      surface encounter: JP JS KIRISAME and CN PLAN NANCHANG")
                .contains("NEW      air encounter: JP JMSDF P-3C 5101 and CN PLAN Y-9 9011")
                .contains("NEW      zone entry: JP JMSDF P-3C 5101 inside PLAN exercise area")
                .contains("draft encounter-notice v1, ready to send as JP:")
                .contains("| Notice of unplanned encounter")
                .doesNotContain("MERCHANT")
                .contains("(0 lines rejected); alerts: 3 new");
        assertThat(out.lines().filter(l -> l.contains("CLEARED"))).hasSize(3);
    }

    @Test
    void drafts_renderInTheReadersLanguage_withTheOwnUnitUnderOurUnits() {
        CliRun r = CliRun.run("watch", "--scenario", tmp.resolve("s").toString(), "--as", "CN", "--lang", "zh-Hans");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ready to send as CN:").contains("海上意外相遇通报")
                .contains("我方兵力：中方驱逐舰“PLAN NANCHANG”号").contains("北纬 29°");
    }

    @Test
    void everyAlert_hasADraftToSend_theZoneEntryAsAZoneEntryNotice_fromEitherSide() {
        CliRun jp = CliRun.run("watch", "--scenario", tmp.resolve("jp").toString());
        assertThat(jp.out().lines().filter(l -> l.contains("ready to send as JP:"))).as(jp.out()).hasSize(3);
        assertThat(jp.out()).contains("draft zone-entry-notice v1, ready to send as JP:")
                .contains("| Notice of entry into an announced area")
                .contains("| Units: Japanese maritime patrol aircraft \"JMSDF P-3C 5101\"")
                .contains("| Area: PLAN exercise area (announced)").contains("| Area announced by: your side");
        CliRun cn = CliRun.run("watch", "--scenario", tmp.resolve("cn").toString(), "--as", "CN", "--lang", "zh-Hans");
        assertThat(cn.out()).contains("draft zone-entry-notice v1, ready to send as CN:").contains("| 进入已通报区域通报")
                .contains("| 区域通报方：我方").contains("| 区域类型：训练区域");
    }

    @Test
    void replay_withGarbageLines_countsThemAndStillRaisesTheAlerts() throws Exception {
        Path dir = tmp.resolve("scenario");
        CliRun.run("watch", "--scenario", dir.toString());
        Path dirty = tmp.resolve("dirty.aivdm");
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(dir.resolve("ecs.aivdm"))) {
            b.append(line).append('\n').append("!AIVDM,1,1,,A,garbage,0*00\n");
        }
        Files.writeString(dirty, b);
        CliRun r = CliRun.run("watch", "--replay", dirty.toString(), "--units", dir.resolve("units.toml").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("NEW      surface encounter").containsPattern("\\(\\d{4,} lines rejected\\)");
    }

    @Test
    void watch_withoutUnits_saysWhyItIsNeeded() {
        CliRun r = CliRun.run("watch", "--replay", tmp.resolve("x.aivdm").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).contains("--units is required");
    }
}
