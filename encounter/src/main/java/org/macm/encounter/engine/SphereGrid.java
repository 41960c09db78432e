package org.macm.encounter.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.macm.encounter.geo.Earth;

/**
 * A uniform grid on the mean sphere: latitude bands of equal height, each cut into as many
 * longitude cells as keep every cell at least {@code cellNm} wide at its poleward edge, with
 * longitude wrapping round at 180°. A query returns every track whose reported position lies
 * within a given great-circle distance of a point (plus tracks of nearby cells: a superset),
 * visiting only the cells a spherical cap of that radius touches, so its cost grows with the
 * number of nearby tracks, not all tracks. Near a pole the cap covers whole bands.
 *
 * <p>Each grid also keeps a histogram of its tracks' speeds in powers of two, so a query can
 * bound how far any of them may have moved ({@link #maxSpeedMs()}) without scanning them.
 */
final class SphereGrid {
    private static final int SPEED_CLASSES = 24;
    /** Doubles per track in a cell's data. */
    private static final int STRIDE = 5;

    private final double cellRad;
    private final int bands;
    private final int[] columns;
    private final LongMap<Cell> cells = new LongMap<>();
    private final int[] speedCounts = new int[SPEED_CLASSES];
    private int size;

    /**
     * The tracks of one cell, unordered; each knows its slot for O(1) removal. Their positions,
     * speeds and fix times are copied beside them ({@code data[5 * slot ...]}: x, y, z, m/s,
     * epoch ms), so a query can drop the tracks out of its range without touching each track's
     * slot: at a million tracks that saves a cache miss per track a query looks at, most of
     * them out of range.
     */
    private static final class Cell {
        TrackSlot[] items = new TrackSlot[4];
        double[] data = new double[4 * STRIDE];
        int size;
    }

    SphereGrid(double cellNm) {
        this.cellRad = cellNm * Earth.NM / Earth.MEAN_RADIUS;
        this.bands = (int) Math.ceil(Math.PI / cellRad);
        this.columns = new int[bands];
        for (int b = 0; b < bands; b++) {
            double lo = -Math.PI / 2 + b * cellRad;
            double hi = Math.min(Math.PI / 2, lo + cellRad);
            double poleward = Math.max(Math.abs(lo), Math.abs(hi));
            columns[b] = Math.max(1, (int) Math.floor(2 * Math.PI * Math.cos(poleward) / cellRad));
        }
    }

    int size() {
        return size;
    }

    /** Adds {@code e} at its reported position. */
    void add(TrackSlot e) {
        e.grid = this;
        e.cell = key(e);
        e.speedClass = speedClass(e.speedMs);
        speedCounts[e.speedClass]++;
        insert(e);
        size++;
    }

    /** Moves {@code e} after a fix; nothing moves when it stays in its cell. */
    void moved(TrackSlot e) {
        speedCounts[e.speedClass]--;
        e.speedClass = speedClass(e.speedMs);
        speedCounts[e.speedClass]++;
        long key = key(e);
        if (key != e.cell) {
            delete(e);
            e.cell = key;
            insert(e);
        } else {
            place(cells.get(key), e);
        }
    }

    /** Removes {@code e}. */
    void remove(TrackSlot e) {
        speedCounts[e.speedClass]--;
        delete(e);
        e.grid = null;
        e.slot = -1;
        size--;
    }

    /** An upper bound of every track's speed, m/s (a power of two in knots). */
    double maxSpeedMs() {
        for (int c = SPEED_CLASSES - 1; c >= 0; c--) {
            if (speedCounts[c] > 0) {
                return (1L << c) * Earth.KNOT;
            }
        }
        return 0;
    }

    /**
     * Adds to {@code found} every track whose fix is at most {@code reach.maxAgeMillis()} old
     * and lies within its {@link Reach} (great-circle, mean sphere) of the unit-sphere point
     * {@code (x, y, z)}, and possibly some a little further (the test is on the chord, which is
     * never longer than the arc, with 0.1 % to spare). The cells searched are those within
     * the reach of a track as fast as the grid's {@link #maxSpeedMs()} and as old as allowed.
     */
    void query(double x, double y, double z, Reach reach, List<TrackSlot> found) {
        if (size == 0) {
            return;
        }
        double alpha = reach.maxM(maxSpeedMs()) / Earth.MEAN_RADIUS * 1.001 + 1e-9;
        Range range = new Range(x, y, z, reach.restM() / Earth.MEAN_RADIUS * 1.001 + 1e-9,
                reach.speedFactor() / Earth.MEAN_RADIUS * 1.001, reach.travelS(), reach.nowMillis(), reach.maxAgeMillis());
        double lat = Math.asin(Math.max(-1, Math.min(1, z)));
        double lon = Math.atan2(y, x);
        double latLo = lat - alpha;
        double latHi = lat + alpha;
        boolean polar = latLo <= -Math.PI / 2 || latHi >= Math.PI / 2 || alpha >= Math.PI / 2;
        double dLon = Math.PI;
        if (!polar) {
            double s = Math.sin(alpha) / Math.cos(lat);
            dLon = s >= 1 ? Math.PI : Math.asin(s);
        }
        int b0 = band(latLo);
        int b1 = band(latHi);
        for (int b = b0; b <= b1; b++) {
            int n = columns[b];
            if (dLon >= Math.PI) {
                for (int c = 0; c < n; c++) {
                    collect(b, c, range, found);
                }
                continue;
            }
            int c0 = (int) Math.floor((lon - dLon + Math.PI) / (2 * Math.PI) * n);
            int c1 = (int) Math.floor((lon + dLon + Math.PI) / (2 * Math.PI) * n);
            if (c1 - c0 + 1 >= n) {
                for (int c = 0; c < n; c++) {
                    collect(b, c, range, found);
                }
            } else {
                for (int c = c0; c <= c1; c++) {
                    collect(b, Math.floorMod(c, n), range, found);
                }
            }
        }
    }

    /**
     * How far a query reaches for a track of speed {@code v} m/s whose fix is {@code age}
     * seconds old at {@code nowMillis}: {@code restM + speedFactor * v * (travelS + age)}
     * metres; tracks older than {@code maxAgeMillis} are out of reach.
     */
    record Reach(double restM, double speedFactor, double travelS, long nowMillis, long maxAgeMillis) {
        /** The reach for the fastest and oldest track allowed. */
        double maxM(double maxSpeedMs) {
            return restM + speedFactor * maxSpeedMs * (travelS + maxAgeMillis / 1000.0);
        }
    }

    /** A query's point and reach in radians (see {@link Reach}). */
    private record Range(double x, double y, double z, double rest, double speedFactor, double travelS, long nowMillis,
            long maxAgeMillis) {
    }

    private void collect(int band, int column, Range r, List<TrackSlot> found) {
        Cell cell = cells.get(pack(band, column));
        if (cell == null) {
            return;
        }
        double[] data = cell.data;
        double oldest = r.nowMillis - r.maxAgeMillis;
        for (int i = 0, j = 0; i < cell.size; i++, j += STRIDE) {
            double time = data[j + 4];
            if (time < oldest) {
                continue;
            }
            double dx = data[j] - r.x;
            double dy = data[j + 1] - r.y;
            double dz = data[j + 2] - r.z;
            double reach = r.rest + r.speedFactor * data[j + 3] * (r.travelS + Math.max(0, r.nowMillis - time) / 1000);
            if (dx * dx + dy * dy + dz * dz <= reach * reach) {
                found.add(cell.items[i]);
            }
        }
    }

    private void insert(TrackSlot e) {
        Cell cell = cells.get(e.cell);
        if (cell == null) {
            cell = new Cell();
            cells.put(e.cell, cell);
        }
        if (cell.size == cell.items.length) {
            cell.items = Arrays.copyOf(cell.items, cell.size * 2);
            cell.data = Arrays.copyOf(cell.data, cell.size * 2 * STRIDE);
        }
        e.slot = cell.size;
        cell.items[cell.size++] = e;
        place(cell, e);
    }

    /** Copies e's position, speed and fix time beside it in its cell. */
    private static void place(Cell cell, TrackSlot e) {
        int j = STRIDE * e.slot;
        cell.data[j] = e.px;
        cell.data[j + 1] = e.py;
        cell.data[j + 2] = e.pz;
        cell.data[j + 3] = e.speedMs;
        cell.data[j + 4] = e.timeMillis;
    }

    private void delete(TrackSlot e) {
        Cell cell = cells.get(e.cell);
        TrackSlot last = cell.items[--cell.size];
        cell.items[e.slot] = last;
        System.arraycopy(cell.data, STRIDE * cell.size, cell.data, STRIDE * e.slot, STRIDE);
        last.slot = e.slot;
        cell.items[cell.size] = null;
        if (cell.size == 0) {
            cells.remove(e.cell);
        }
    }

    private long key(TrackSlot e) {
        double lat = Math.asin(Math.max(-1, Math.min(1, e.pz)));
        double lon = Math.atan2(e.py, e.px);
        int b = band(lat);
        int n = columns[b];
        int c = Math.floorMod((int) Math.floor((lon + Math.PI) / (2 * Math.PI) * n), n);
        return pack(b, c);
    }

    private int band(double lat) {
        int b = (int) Math.floor((lat + Math.PI / 2) / cellRad);
        return Math.max(0, Math.min(bands - 1, b));
    }

    private static long pack(int band, int column) {
        return ((long) band << 32) | (column & 0xFFFF_FFFFL);
    }

    private static int speedClass(double speedMs) {
        double knots = speedMs / Earth.KNOT;
        if (knots <= 1) {
            return 0;
        }
        // the smallest c with 2^c >= knots
        int c = Math.getExponent(knots);
        if (knots > (1L << c)) {
            c++;
        }
        return Math.min(SPEED_CLASSES - 1, c);
    }

    /** A list to reuse across queries. */
    static List<TrackSlot> scratch() {
        return new ArrayList<>(256);
    }
}
