package org.macm.encounter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.macm.encounter.EncounterException;
import org.macm.encounter.unit.Parties;

/** The withers change one value, keep every other, and validate as the constructor does. */
class EncounterConfigTest {
    private static final EncounterConfig DEFAULTS = EncounterConfig.defaults(Parties.of("JP", "CN"));

    @Test
    void wither_changesOneValue_andKeepsTheOthers() {
        Threshold surface = new Threshold(3, OptionalDouble.empty(), Duration.ofMinutes(30));
        EncounterConfig changed = DEFAULTS.withSurface(surface).withCellSizeNm(10);
        assertThat(changed.surface()).isEqualTo(surface);
        assertThat(changed.cellSizeNm()).isEqualTo(10);
        assertThat(changed.withSurface(DEFAULTS.surface()).withCellSizeNm(DEFAULTS.cellSizeNm())).isEqualTo(DEFAULTS);
    }

    @Test
    void wither_outOfRange_isRefusedSayingTheRange() {
        assertThatThrownBy(() -> DEFAULTS.withClearFactor(0.5)).isInstanceOf(EncounterException.class)
                .hasMessage("clearFactor is in [1, 10], got 0.5");
        assertThatThrownBy(() -> DEFAULTS.withSurface(Threshold.airDefault())).isInstanceOf(EncounterException.class)
                .hasMessage("the surface threshold has no vertical separation");
    }
}
