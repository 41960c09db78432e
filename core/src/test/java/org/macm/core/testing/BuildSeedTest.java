package org.macm.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which seed a property runs with: the build's under CI (or when asked), its own when it has one, else jqwik's random one. */
class BuildSeedTest {
    @Test
    void buildSeed_isImposedOnAPropertyWithoutItsOwn() {
        assertThat(BuildSeed.seedFor(Optional.empty(), Optional.of("4242"))).hasValue("4242");
        assertThat(BuildSeed.seedFor(Optional.of(""), Optional.of(" 4242 "))).hasValue("4242");
    }

    @Test
    void aSeedWrittenOnTheProperty_isLeftAlone() {
        assertThat(BuildSeed.seedFor(Optional.of("17"), Optional.of("4242"))).isEmpty();
    }

    @Test
    void noBuildSeed_leavesJqwikToPickARandomOne() {
        assertThat(BuildSeed.seedFor(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(BuildSeed.seedFor(Optional.empty(), Optional.of("  "))).isEmpty();
    }
}
