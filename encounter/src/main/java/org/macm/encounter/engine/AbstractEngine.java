package org.macm.encounter.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Identifier;

/**
 * What both engines do the same way: keep the tracks, run the clock, judge a unit's active
 * encounters first and then the candidates the subclass finds. The subclasses differ only in
 * how they index tracks and which candidates they offer.
 */
abstract sealed class AbstractEngine implements EncounterEngine permits GridEncounterEngine, NaiveEncounterEngine {
    final EncounterConfig config;
    final PairJudge judge;
    private final Map<Identifier, TrackSlot> slots = new HashMap<>();
    private final List<PairState> scratch = new ArrayList<>();
    long nowMillis = Long.MIN_VALUE;

    AbstractEngine(EncounterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.judge = new PairJudge(config);
    }

    @Override
    public final void update(TrackState track, Consumer<AlertEvent> out) {
        nowMillis = Math.max(nowMillis, track.time().toEpochMilli());
        Identifier key = track.unit().identifiers().get(0);
        TrackSlot e = slots.get(key);
        boolean watched = judge.parties().isWatched(track.unit().side());
        if (e == null) {
            if (!watched) {
                return;
            }
            e = new TrackSlot(key);
            slots.put(key, e);
            e.set(track, config.ages().maxAge(track.kind()).toMillis(), judge.sideCode(track.unit().side()));
            add(e);
        } else {
            e.set(track, config.ages().maxAge(track.kind()).toMillis(), judge.sideCode(track.unit().side()));
            moved(e);
        }
        scratch.clear();
        scratch.addAll(e.pairs);
        for (int i = 0; i < scratch.size(); i++) {
            PairState s = scratch.get(i);
            judge.judge(s.a, s.b, nowMillis, out);
        }
        scratch.clear();
        if (!watched) {
            // a unit whose side changed to one that is not watched keeps no alerts and raises none
            removeTrack(e);
            return;
        }
        candidates(e, out);
    }

    @Override
    public final void remove(Identifier key, Instant now, Consumer<AlertEvent> out) {
        nowMillis = Math.max(nowMillis, now.toEpochMilli());
        TrackSlot e = slots.get(key);
        if (e != null) {
            judge.lost(e, out);
            removeTrack(e);
        }
    }

    @Override
    public final void tick(Instant now, Consumer<AlertEvent> out) {
        nowMillis = Math.max(nowMillis, now.toEpochMilli());
        judge.tick(nowMillis, out);
    }

    @Override
    public final List<EncounterAlert> active() {
        List<EncounterAlert> list = new ArrayList<>(judge.active.size());
        for (PairState s : judge.active) {
            list.add(s.shown);
        }
        return List.copyOf(list);
    }

    @Override
    public final int size() {
        return slots.size();
    }

    /** Judges {@code e} against a pair with no active encounter, if it is not one already judged this update. */
    final void consider(TrackSlot e, TrackSlot other, Consumer<AlertEvent> out) {
        if (other == e || !judge.isPair(e, other) || judge.beyondReach(e, other, nowMillis) || shares(e, other)) {
            return;
        }
        judge.judgeNew(e, other, nowMillis, out);
    }

    private static boolean shares(TrackSlot e, TrackSlot other) {
        for (int i = 0; i < e.pairs.size(); i++) {
            PairState s = e.pairs.get(i);
            if (s.a == other || s.b == other) {
                return true;
            }
        }
        return false;
    }

    private void removeTrack(TrackSlot e) {
        slots.remove(e.key);
        drop(e);
    }

    /** Indexes a new track. */
    abstract void add(TrackSlot e);

    /** Re-indexes a track whose state changed (position, speed, side or kind). */
    abstract void moved(TrackSlot e);

    /** Drops a track from the index. */
    abstract void drop(TrackSlot e);

    /** Offers {@code e} every track that may come close to it, through {@link #consider}. */
    abstract void candidates(TrackSlot e, Consumer<AlertEvent> out);
}
