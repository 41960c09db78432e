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
    /** pairs[a * SIDE_CODES + b]: whether side codes a and b make a pair (see {@link #sideCode}). */
    private final boolean[] pairs = new boolean[SIDE_CODES * SIDE_CODES];
    private static final int SIDE_CODES = 4;
    /** The plane-versus-sphere allowance of the reaches (5 %, plus 0.1 nm). */
    private static final double MARGIN = 1.05;

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
        // Parties.isPair on side codes: the two parties pair; a party and THIRD when third
        // parties are included; a side that is neither party nor THIRD (code 3) never pairs
        pairs[1] = true;
        pairs[SIDE_CODES] = true;
        if (parties.includeThirdParties()) {
            pairs[2] = true;
            pairs[SIDE_CODES + 2] = true;
            pairs[2 * SIDE_CODES] = true;
            pairs[2 * SIDE_CODES + 1] = true;
        }
    }

    /** 0 for the first party, 1 the second, 2 THIRD, 3 any other side: what {@link TrackSlot#side} holds. */
    int sideCode(Side side) {
        if (side.equals(parties.first())) {
            return 0;
        }
        if (side.equals(parties.second())) {
            return 1;
        }
        return side.isThird() ? 2 : 3;
    }

    Parties parties() {
        return parties;
    }

    /** Whether units of these sides form a pair to judge. */
    boolean isPair(TrackSlot a, TrackSlot b) {
        return isPair(a.side, b.side);
    }

    /** Whether units of side codes {@code a} and {@code b} make a pair to judge. */
    boolean isPair(int a, int b) {
        return pairs[a * SIDE_CODES + b];
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
        return bound * MARGIN + 0.1 * Earth.NM;
    }

    /**
     * How far a new encounter can be raised with {@code e}: the threshold plus how far each unit
     * can have moved since its fix and will move in the horizon, with the same margin as
     * {@link #reachM}. A pair with no active encounter that is further apart cannot be in
     * conflict ({@link #judge} finds no time in the horizon within the threshold), so the
     * engines skip it ({@link #beyondReach}); unlike {@link #reachM} it uses the fixes' actual
     * ages, which are mostly seconds where the ages allowed are minutes.
     */
    SphereGrid.Reach raiseReach(PairKind kind, TrackSlot e, long nowMillis, long otherMaxAgeMillis) {
        int k = slot(kind);
        double rest = (hM[k] + e.speedMs * (horizonS[k] + Math.max(0, nowMillis - e.timeMillis) / 1000.0)) * MARGIN
                + 0.1 * Earth.NM;
        return new SphereGrid.Reach(rest, MARGIN * (1 + 1e-9), horizonS[k], nowMillis, otherMaxAgeMillis);
    }

    /**
     * Whether no encounter can be raised between {@code a} and {@code b} (with no encounter
     * active between them) at {@code nowMillis}: either's fix is too old, or they are
     * further apart than {@link #raiseReach}. The chord is never longer than the arc, and
     * the margin covers rounding, so this skips only pairs {@link #judge} would not raise.
     */
    boolean beyondReach(TrackSlot a, TrackSlot b, long nowMillis) {
        if (a.isStale(nowMillis) || b.isStale(nowMillis)) {
            return true;
        }
        double dx = a.px - b.px;
        double dy = a.py - b.py;
        double dz = a.pz - b.pz;
        SphereGrid.Reach r = raiseReach(PairKind.of(a.kind, b.kind), a, nowMillis, b.maxAgeMillis);
        double reach = (r.restM() + r.speedFactor() * b.speedMs * (r.travelS() + Math.max(0, nowMillis - b.timeMillis) / 1000.0))
                / Earth.MEAN_RADIUS * (1 + 1e-9) + 1e-12;
        return dx * dx + dy * dy + dz * dz > reach * reach;
    }

    /**
     * Judges one pair at {@code nowMillis}, emitting whatever lifecycle step follows. The pair
     * is put in a fixed order first (the first party's unit, else by key), so the figures do not
     * depend on which unit's fix triggered the evaluation.
     */
    void judge(TrackSlot x, TrackSlot y, long nowMillis, Consumer<AlertEvent> out) {
        judge(x, y, nowMillis, out, true);
    }

    /**
     * {@link #judge} for a pair known to have no active encounter (the engine checked), which
     * spares looking for one: only a raise can follow.
     */
    void judgeNew(TrackSlot x, TrackSlot y, long nowMillis, Consumer<AlertEvent> out) {
        judge(x, y, nowMillis, out, false);
    }

    private void judge(TrackSlot x, TrackSlot y, long nowMillis, Consumer<AlertEvent> out, boolean mayBeActive) {
        TrackSlot a = x;
        TrackSlot b = y;
        if (first(y, x)) {
            a = y;
            b = x;
        }
        PairState state = mayBeActive ? find(a, b) : null;
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
    private static boolean first(TrackSlot x, TrackSlot y) {
        // side codes: 0 the first party, 1 the second (see sideCode)
        boolean xFirst = x.side == 0;
        boolean yFirst = y.side == 0;
        if (xFirst != yFirst) {
            return xFirst;
        }
        boolean xParty = x.side <= 1;
        boolean yParty = y.side <= 1;
        if (xParty != yParty) {
            return xParty;
        }
        return x.key.compareTo(y.key) < 0;
    }
}
