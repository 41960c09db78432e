package org.macm.encounter.ais.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing the application decoder: any DAC and FI, either envelope, any bits of any length up
 * to the largest binary message. The data comes from the radio, so nothing may escape; what is
 * decoded names the application it was asked for.
 */
class ApplicationDecoderFuzzTest {
    private final ApplicationDecoder decoder = new ApplicationDecoder();

    @Property(tries = 4000)
    void anyBits_anyApplication_neverThrows(
            @ForAll @IntRange(min = 0, max = 1023) int dac,
            @ForAll @IntRange(min = 0, max = 63) int fi,
            @ForAll boolean addressed,
            @ForAll @Size(max = 127) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 7) int cut) {
        BinaryData data = BinaryData.of(bytes, Math.max(0, bytes.length * 8 - cut));
        Optional<ApplicationMessage> m = decoder.decode(dac, fi, addressed, data);
        m.ifPresent(a -> {
            assertThat(a.dac()).isEqualTo(dac);
            assertThat(a.fi()).isEqualTo(fi);
        });
    }

    /** The known applications, over and over, so the random bits reach their layouts. */
    @Property(tries = 4000)
    void anyBits_knownApplications_neverThrow(
            @ForAll("known") int[] dacFi, @ForAll boolean addressed, @ForAll @Size(max = 127) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 7) int cut) {
        BinaryData data = BinaryData.of(bytes, Math.max(0, bytes.length * 8 - cut));
        decoder.decode(dacFi[0], dacFi[1], addressed, data).ifPresent(a -> assertThat(a.fi()).isEqualTo(dacFi[1]));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<int[]> known() {
        return net.jqwik.api.Arbitraries.of(
                new int[] {1, 11}, new int[] {1, 12}, new int[] {1, 13}, new int[] {1, 14}, new int[] {1, 15},
                new int[] {1, 16}, new int[] {1, 17}, new int[] {1, 18}, new int[] {1, 19}, new int[] {1, 20},
                new int[] {1, 22}, new int[] {1, 23}, new int[] {1, 25}, new int[] {1, 27}, new int[] {1, 28},
                new int[] {1, 29}, new int[] {1, 30}, new int[] {1, 31}, new int[] {1, 32}, new int[] {200, 10},
                new int[] {235, 10}, new int[] {250, 10});
    }
}
