package org.macm.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rule every conformance test follows when its corpus is missing: fail under CI, skip loudly elsewhere. */
class TestDataTest {
    @TempDir
    Path testdata;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void missingCorpus_underCiTrue_failsTheTestNamingTheFileAndTheFix() {
        Path missing = testdata.resolve("ais/gpsd/sample.aivdm");
        assertThatThrownBy(() -> TestData.require(testdata, "ais/gpsd/sample.aivdm", Optional.of("true"), console))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("conformance corpus " + missing + " is absent, and CI=true requires every conformance test"
                        + " to run; provide the shared testdata folder next to the repository or set -Dmacm.testdata=DIR");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingCorpus_underCiTrueInCapitals_failsToo() {
        assertThatThrownBy(() -> TestData.require(testdata, "adsb/node-sbs1/msgs.txt", Optional.of("TRUE"), console))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void missingCorpus_withoutCi_isSkippedSayingWhyAndHowToRunIt() {
        Path missing = testdata.resolve("ais/libais/x.nmea");
        assertThatThrownBy(() -> TestData.require(testdata, "ais/libais/x.nmea", Optional.empty(), console))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("conformance corpus " + missing + " is absent, so this test is skipped (under"
                        + " CI=true it fails); set -Dmacm.testdata=DIR to the shared testdata folder to run it");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("SKIPPED: conformance corpus " + missing
                + " is absent, so this test is skipped (under CI=true it fails); set -Dmacm.testdata=DIR to the shared"
                + " testdata folder to run it" + System.lineSeparator());
    }

    @Test
    void missingCorpus_withCiSetToSomethingElse_isSkipped() {
        assertThatThrownBy(() -> TestData.require(testdata, "ais/libais/x.nmea", Optional.of("false"), console))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aFolderWhereTheCorpusFileShouldBe_countsAsMissing() throws Exception {
        Files.createDirectories(testdata.resolve("ais/gpsd/sample.aivdm"));
        assertThatThrownBy(() -> TestData.require(testdata, "ais/gpsd/sample.aivdm", Optional.of("true"), console))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void presentCorpus_isReturned_underCiOrNot() throws Exception {
        Path file = Files.createDirectories(testdata.resolve("adsb/node-sbs1")).resolve("msgs.txt");
        Files.writeString(file, "MSG,3\n");
        assertThat(TestData.require(testdata, "adsb/node-sbs1/msgs.txt", Optional.of("true"), console)).isEqualTo(file);
        assertThat(TestData.require(testdata, "adsb/node-sbs1/msgs.txt", Optional.empty(), console)).isEqualTo(file);
    }
}
