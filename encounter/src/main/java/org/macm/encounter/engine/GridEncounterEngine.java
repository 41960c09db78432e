package org.macm.encounter.engine;

import java.util.List;
import java.util.function.Consumer;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.PairKind;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.Side;

/**
 * The engine for live use: tracks are kept in one {@link SphereGrid} per side and kind, and a
 * fix is judged only against the other sides' tracks within the distance from which a pair
 * could still come within the (hysteresis) threshold in the horizon, given both units' speeds
 * and how old their fixes may be. So one update costs time proportional to the tracks nearby,
 * not to all tracks; its alerts are exactly the {@link NaiveEncounterEngine}'s (the pair rules
 * rule out every pair beyond that distance, see {@code PairJudge.reachM}).
 */
public final class GridEncounterEngine extends AbstractEngine {
    private final Side[] sides;
    /** grids[side * 2 + kind]. */
    private final SphereGrid[] grids;
    private final long[] maxAgeMillis = new long[2];
    private final List<TrackSlot> found = SphereGrid.scratch();

    public GridEncounterEngine(EncounterConfig config) {
        super(config);
        Parties p = config.parties();
        this.sides = p.includeThirdParties() ? new Side[] {p.first(), p.second(), Side.THIRD} : new Side[] {p.first(), p.second()};
        this.grids = new SphereGrid[sides.length * 2];
        for (int i = 0; i < grids.length; i++) {
            grids[i] = new SphereGrid(config.cellSizeNm());
        }
        for (UnitKind k : UnitKind.values()) {
            maxAgeMillis[slot(k)] = config.ages().maxAge(k).toMillis();
        }
    }

    @Override
    void add(TrackSlot e) {
        SphereGrid g = gridFor(e);
        if (g != null) {
            g.add(e);
        }
    }

    @Override
    void moved(TrackSlot e) {
        SphereGrid target = gridFor(e);
        if (target == e.grid) {
            if (target != null) {
                target.moved(e);
            }
            return;
        }
        if (e.grid != null) {
            e.grid.remove(e);
        }
        if (target != null) {
            target.add(e);
        }
    }

    @Override
    void drop(TrackSlot e) {
        if (e.grid != null) {
            e.grid.remove(e);
        }
    }

    @Override
    void candidates(TrackSlot e, Consumer<AlertEvent> out) {
        for (int s = 0; s < sides.length; s++) {
            if (!judge.isPair(e.side, s)) {
                continue;
            }
            for (UnitKind k : UnitKind.values()) {
                SphereGrid g = grids[s * 2 + slot(k)];
                if (g.size() == 0) {
                    continue;
                }
                SphereGrid.Reach reach = judge.raiseReach(PairKind.of(e.kind, k), e, nowMillis, maxAgeMillis[slot(k)]);
                found.clear();
                g.query(e.px, e.py, e.pz, reach, found);
                for (int i = 0; i < found.size(); i++) {
                    consider(e, found.get(i), out);
                }
            }
        }
        found.clear();
    }

    private static int slot(UnitKind kind) {
        return switch (kind) {
            case VESSEL -> 0;
            case AIRCRAFT -> 1;
        };
    }

    /** The grid of e's side (code, see PairJudge.sideCode: sides[i] has code i) and kind; none for unwatched sides. */
    private SphereGrid gridFor(TrackSlot e) {
        return e.side < sides.length ? grids[e.side * 2 + slot(e.kind)] : null;
    }
}
