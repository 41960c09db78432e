package org.macm.encounter.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.ClearReason;
import org.macm.encounter.alert.DraftNotice;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.alert.PairKind;
import org.macm.encounter.geo.Earth;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.Side;

/**
 * The rules both engines share: which pairs count, the CPA evaluation, and each encounter's
 * lifecycle with hysteresis. An engine only decides which pairs to hand to {@link #judge};
 * because every decision is made here, from the same numbers, the indexed and the naive
 * engines raise, update and clear exactly the same alerts.
 *
 * <p>Lifecycle of a pair: raised (NEW) when the thresholds are met within the horizon;
 * while raised, shown again (UPDATED) when the CPA moved by {@code updateFraction} of the
 * threshold or the predicted CPA time by {@code updateShift}; cleared once the clear
 * condition (nothing within {@code clearFactor} times the thresholds, or the CPA past and
 * nothing within the thresholds) has held for {@code clearAfter}; cleared at once when a
 * track goes stale or is removed.
 */
final class PairJudge {
    private final EncounterConfig config;
    private final Parties parties;
    private final Cpa cpa = new Cpa();
    /** Per pair kind: threshold metres, vertical feet (NaN for none), horizon seconds. */
    private final double[] hM = new double[3];
    private final double[] vFt = new double[3];
    private final double[] horizonS = new double[3];
    private final long clearAfterMillis;
    private final long updateShiftMillis;
    /** Every active encounter, in the order raised; a set so clearing one is O(1) however many are up. */
    final Set<PairState> active = new LinkedHashSet<>();
    private final List<PairState> ticking = new ArrayList<>();

    PairJudge(EncounterConfig config) {
        this.config = config;
        this.parties = config.parties();
        for (PairKind k : PairKind.values()) {
            Threshold t = config.threshold(k);
            hM[slot(k)] = t.horizontalNm() * Earth.NM;
            vFt[slot(k)] = t.verticalFeet().isPresent() ? t.verticalFeet().getAsDouble() : Double.NaN;
            horizonS[slot(k)] = t.horizon().toMillis() / 1000.0;
        }
        this.clearAfterMillis = config.clearAfter().toMillis();
        this.updateShiftMillis = config.updateShift().toMillis();
    }

    Parties parties() {
        return parties;
    }

    /** Whether units of these sides form a pair to judge. */
    boolean isPair(TrackSlot a, TrackSlot b) {
        return parties.isPair(a.state.unit().side(), b.state.unit().side());
    }

    /**
     * The largest distance, metres on the mean sphere, between the reported positions of a pair
     * of {@code kind} that can still be near: the hysteresis radius plus how far each can move in
     * its remaining age and the horizon, with 5 % and 0.1 nm to spare for the difference
     * between the plane and the sphere. The grid queries this far, and {@link #judge} rules out
     * anything further, so both engines see the same pairs.
     */
    double reachM(PairKind kind, double speedAms, long maxAgeAMillis, double speedBms, long maxAgeBMillis) {
        int k = slot(kind);
        double bound = hM[k] * config.clearFactor()
                + speedAms * (horizonS[k] + maxAgeAMillis / 1000.0)
                + speedBms * (horizonS[k] + maxAgeBMillis / 1000.0);
        return bound * 1.05 + 0.1 * Earth.NM;
    }

    /**
     * Judges one pair at {@code nowMillis}, emitting whatever lifecycle step follows. The pair
     * is put in a fixed order first (the first party's unit, else by key), so the figures do not
     * depend on which unit's fix triggered the evaluation.
     */
    void judge(TrackSlot x, TrackSlot y, long nowMillis, Consumer<AlertEvent> out) {
        TrackSlot a = x;
        TrackSlot b = y;
        if (first(y, x)) {
            a = y;
            b = x;
        }
        PairState state = find(a, b);
        if (!isPair(a, b) || a.isStale(nowMillis) || b.isStale(nowMillis)) {
            if (state != null) {
                clear(state, ClearReason.TRACK_LOST, out);
            }
            return;
        }
        PairKind kind = PairKind.of(a.kind, b.kind);
        int k = slot(kind);
        cpa.evaluate(a, b, nowMillis, hM[k], vFt[k], horizonS[k], config.clearFactor(),
                reachM(kind, a.speedMs, a.maxAgeMillis, b.speedMs, b.maxAgeMillis));
        if (state == null) {
            if (cpa.conflict) {
                raise(a, b, kind, nowMillis, out);
            }
            return;
        }
        boolean clearable = !cpa.near || (cpa.tcpaS < 0 && !cpa.conflict);
        if (clearable) {
            if (state.clearSinceMillis == Long.MIN_VALUE) {
                state.clearSinceMillis = nowMillis;
            }
            if (nowMillis - state.clearSinceMillis >= clearAfterMillis) {
                ClearReason reason = cpa.near || cpa.tcpaS < 0 ? ClearReason.PASSED : ClearReason.SEPARATED;
                state.shown = alert(state.id, a, b, kind, nowMillis);
                clear(state, reason, out);
            }
            return;
        }
        state.clearSinceMillis = Long.MIN_VALUE;
        EncounterAlert shown = state.shown;
        double shownCpaAt = shown.time().toEpochMilli() + shown.tcpaMinutes() * 60_000;
        double cpaAt = nowMillis + cpa.tcpaS * 1000;
        if (Math.abs(cpa.cpaM / Earth.NM - shown.cpaNm()) >= config.updateFraction() * hM[k] / Earth.NM
                || Math.abs(cpaAt - shownCpaAt) >= updateShiftMillis) {
            state.shown = alert(state.id, a, b, kind, nowMillis);
            out.accept(new AlertEvent.Updated(state.shown));
        }
    }

    /** Clears every encounter of {@code e} (its track is gone). */
    void lost(TrackSlot e, Consumer<AlertEvent> out) {
        for (int i = e.pairs.size() - 1; i >= 0; i--) {
            clear(e.pairs.get(i), ClearReason.TRACK_LOST, out);
        }
    }

    /** Re-judges every active encounter at {@code nowMillis} (time passes without fixes). */
    void tick(long nowMillis, Consumer<AlertEvent> out) {
        ticking.clear();
        ticking.addAll(active);
        for (int i = 0; i < ticking.size(); i++) {
            PairState s = ticking.get(i);
            if (active.contains(s)) {
                judge(s.a, s.b, nowMillis, out);
            }
        }
        ticking.clear();
    }

    private void raise(TrackSlot a, TrackSlot b, PairKind kind, long nowMillis, Consumer<AlertEvent> out) {
        String id = "enc:" + a.key.key() + "/" + b.key.key() + "@" + Instant.ofEpochSecond(Math.floorDiv(nowMillis, 1000));
        PairState state = new PairState(a, b, id);
        state.shown = alert(id, a, b, kind, nowMillis);
        a.pairs.add(state);
        b.pairs.add(state);
        active.add(state);
        out.accept(new AlertEvent.Raised(state.shown, DraftNotice.of(state.shown)));
    }

    private void clear(PairState state, ClearReason reason, Consumer<AlertEvent> out) {
        state.a.pairs.remove(state);
        state.b.pairs.remove(state);
        active.remove(state);
        out.accept(new AlertEvent.Cleared(state.shown, reason));
    }

    private EncounterAlert alert(String id, TrackSlot a, TrackSlot b, PairKind kind, long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        boolean air = kind != PairKind.SURFACE;
        return new EncounterAlert(id, kind, a.state, b.state, now, a.state.positionAt(now), b.state.positionAt(now),
                cpa.rangeM / Earth.NM, cpa.cpaM / Earth.NM, cpa.tcpaS / 60.0,
                air ? a.state.altitudeAt(now) : OptionalDouble.empty(),
                air ? b.state.altitudeAt(now) : OptionalDouble.empty(),
                Double.isNaN(cpa.verticalFt) ? OptionalDouble.empty() : OptionalDouble.of(cpa.verticalFt));
    }

    private static int slot(PairKind kind) {
        return switch (kind) {
            case SURFACE -> 0;
            case AIR -> 1;
            case MIXED -> 2;
        };
    }

    private static PairState find(TrackSlot a, TrackSlot b) {
        List<PairState> pairs = a.pairs.size() <= b.pairs.size() ? a.pairs : b.pairs;
        for (int i = 0; i < pairs.size(); i++) {
            PairState s = pairs.get(i);
            if ((s.a == a && s.b == b) || (s.a == b && s.b == a)) {
                return s;
            }
        }
        return null;
    }

    /** Whether {@code x} comes first in a pair with {@code y}: the first party's unit, else the smaller key. */
    private boolean first(TrackSlot x, TrackSlot y) {
        Side sx = x.state.unit().side();
        Side sy = y.state.unit().side();
        boolean xFirst = sx.equals(parties.first());
        boolean yFirst = sy.equals(parties.first());
        if (xFirst != yFirst) {
            return xFirst;
        }
        boolean xParty = parties.isParty(sx);
        boolean yParty = parties.isParty(sy);
        if (xParty != yParty) {
            return xParty;
        }
        return x.key.compareTo(y.key) < 0;
    }
}
