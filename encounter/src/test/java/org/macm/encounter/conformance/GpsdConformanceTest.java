package org.macm.encounter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.macm.encounter.TestData;

/**
 * Conformance with gpsd: our decodes against gpsd's own expected output for its regression
 * logs (real sentences from many receivers), field by field, per message type.
 */
class GpsdConformanceTest {

    @Test
    void sampleAivdm_matchesGpsdUnscaledOutput() throws IOException {
        Conformance c = new Conformance("gpsd sample.aivdm");
        GpsdCorpus.run(
                TestData.require("ais/gpsd/sample.aivdm"), TestData.require("ais/gpsd/sample.aivdm.ju.chk"), c);
        c.publish("gpsd-sample");
        // The only difference: a corrupt type 4 whose latitude (109 degrees) and longitude (205)
        // are out of range and whose EPFD code (14) is reserved; we decode them as absent.
        assertThat(c.differences())
                .containsExactly(
                        "gpsd sample.aivdm type 4 sample.aivdm:1026 mmsi 972158237: lon ours 108600000 gpsd 123070132",
                        "gpsd sample.aivdm type 4 sample.aivdm:1026 mmsi 972158237: lat ours 54600000 gpsd 65599231",
                        "gpsd sample.aivdm type 4 sample.aivdm:1026 mmsi 972158237: epfd ours 0 gpsd 14");
        assertThat(c.totalExpected()).isEqualTo(36);
        assertThat(c.totalMatched()).isEqualTo(35);
    }

    @Test
    void daemonLogs_matchGpsdReports() throws IOException {
        Conformance c = new Conformance("gpsd daemon");
        for (String log : new String[] {"ais-18-27.log", "ais-nmea.log", "ais-raw-messages.log", "ais_unpack_sixbit.log"}) {
            Path in = TestData.require("ais/gpsd/daemon/" + log);
            var decoder = GpsdCorpus.run(in, TestData.require("ais/gpsd/daemon/" + log + ".chk"), c);
            System.out.println(log + ": " + decoder.stats().snapshot());
        }
        c.publish("gpsd-daemon");
        // The only difference: a class B unit that sends heading 360, outside 0..359 (511 is
        // the n/a code); we decode it as absent and count it as out of range.
        assertThat(c.differences())
                .containsExactly(
                        "gpsd daemon type 18 ais-18-27.log:181 mmsi 230055040: heading ours 511 gpsd 360",
                        "gpsd daemon type 18 ais-18-27.log:261 mmsi 230055040: heading ours 511 gpsd 360");
        assertThat(c.totalExpected()).isEqualTo(418);
        assertThat(c.totalMatched()).isEqualTo(416);
    }
}
