package org.macm.station.console.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.alert.Alert;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.alert.SafetyAlert;
import org.macm.encounter.alert.ZoneAlert;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Side;
import org.macm.encounter.zone.Zone;
import org.macm.station.console.UiText;
import org.macm.station.watch.WatchPicture;
import org.macm.station.watch.WatchService;

/**
 * What {@code GET /map/data} answers, as JSON: the watch's picture cut down to what the map
 * draws (tracks by party, encounters with their closest point of approach, zones as GeoJSON
 * polygon coordinates, the alerts with a line in the officer's language). Names come from the
 * feeds and are untrusted: they travel as JSON strings and the map's script only ever sets
 * them as text.
 *
 * @param configured whether the station runs an encounter watch at all
 * @param time the watch's present, ISO-8601 ({@code ""} without a watch)
 */
public record MapData(boolean configured, String time, String side, String otherSide, List<Track> tracks,
        List<Encounter> encounters, List<MapZone> zones, List<AlertItem> alerts) {

    /** A place, degrees, rounded to about a metre. */
    public record Point(double lat, double lon) {
        static Point of(GeoPoint p) {
            return new Point(round(p.latitude()), round(p.longitude()));
        }
    }

    /**
     * One unit where dead reckoning puts it at the picture's time.
     *
     * @param party {@code own}, {@code other} or {@code third}
     * @param kind {@code vessel} or {@code aircraft}
     * @param altitude feet, aircraft only; null when not reported
     */
    public record Track(String id, String name, String kind, String party, String side, Point position,
            double course, double speed, Double altitude, String fix) {
    }

    /** An active encounter: both units, and where each will be at the closest point of approach. */
    public record Encounter(String id, String kind, String a, String b, String aName, String bName, Point cpa,
            Point cpaA, Point cpaB, double cpaNm, double rangeNm, double tcpaMinutes, String cpaTime) {
    }

    /** An announced zone: its polygons as GeoJSON MultiPolygon coordinates ([lon, lat]). */
    public record MapZone(String name, String kind, String party, List<List<List<double[]>>> polygons) {
    }

    /**
     * One alert for the list beside the map.
     *
     * @param state {@code new}, {@code updated} or {@code cleared}
     * @param compose where its draft is sent from, or {@code ""} when it has none (zone entries have no notice form yet)
     */
    public record AlertItem(String id, String state, String text, String time, String compose) {
    }

    /** The map's data for an officer reading {@code t}; an empty map when there is no watch. */
    public static MapData of(Optional<WatchPicture> picture, UiText t) {
        if (picture.isEmpty()) {
            return new MapData(false, "", "", "", List.of(), List.of(), List.of(), List.of());
        }
        WatchPicture p = picture.get();
        List<Track> tracks = new ArrayList<>();
        for (TrackState s : p.tracks()) {
            tracks.add(track(s, p));
        }
        List<Encounter> encounters = new ArrayList<>();
        for (EncounterAlert e : p.encounters()) {
            encounters.add(encounter(e));
        }
        List<MapZone> zones = new ArrayList<>();
        for (Zone z : p.zones()) {
            zones.add(new MapZone(z.name(), z.kind(), party(z.side(), p), polygons(z.geometry())));
        }
        List<AlertItem> alerts = new ArrayList<>();
        for (WatchService.AlertRecord r : p.alerts().reversed()) {
            alerts.add(new AlertItem(r.id(), r.last().lifecycle().name().toLowerCase(Locale.ROOT),
                    text(r.last().alert(), t), t.local(r.last().alert().time()),
                    r.draft().isPresent() && r.last().alert() instanceof EncounterAlert ? "/compose?alert=" + URLEncoder.encode(r.id(), StandardCharsets.UTF_8) : ""));
        }
        return new MapData(true, p.time().toString(), p.side(), p.otherSide(), tracks, encounters, zones, alerts);
    }

    private static Track track(TrackState s, WatchPicture p) {
        boolean air = s.kind() == UnitKind.AIRCRAFT;
        Double altitude = air && s.altitudeAt(p.time()).isPresent() ? Math.rint(s.altitudeAt(p.time()).getAsDouble()) : null;
        return new Track(s.unit().key(), s.displayName(), air ? "aircraft" : "vessel", party(s.unit().side(), p),
                s.unit().side().code(), Point.of(s.positionAt(p.time())), Math.rint(s.courseDegrees()),
                round1(s.speedKnots()), altitude, s.time().toString());
    }

    private static Encounter encounter(EncounterAlert e) {
        Instant at = e.time().plus(Duration.ofMillis(Math.round(Math.max(0, e.tcpaMinutes()) * 60_000)));
        GeoPoint a = e.a().positionAt(at);
        GeoPoint b = e.b().positionAt(at);
        double lonB = b.longitude();
        if (Math.abs(lonB - a.longitude()) > 180) {
            lonB += lonB < a.longitude() ? 360 : -360; // the two sides of 180°: average across it
        }
        double lon = (a.longitude() + lonB) / 2;
        lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
        Point cpa = new Point(round((a.latitude() + b.latitude()) / 2), round(lon));
        return new Encounter(e.id(), e.kind().name().toLowerCase(Locale.ROOT), e.a().unit().key(), e.b().unit().key(),
                e.a().displayName(), e.b().displayName(), cpa, Point.of(a), Point.of(b), round2(e.cpaNm()),
                round2(e.rangeNm()), round1(e.tcpaMinutes()), at.toString());
    }

    /** The alert's line in the officer's language; names stay as the feed gave them. */
    private static String text(Alert alert, UiText t) {
        return switch (alert) {
            case EncounterAlert e -> t.format("map.alert.encounter",
                    t.get("map.pair." + e.kind().name().toLowerCase(Locale.ROOT)),
                    e.a().unit().side().code() + " " + e.a().displayName(),
                    e.b().unit().side().code() + " " + e.b().displayName(),
                    String.format(Locale.ROOT, "%.1f", e.cpaNm()),
                    String.format(Locale.ROOT, "%.0f", Math.max(0, e.tcpaMinutes())));
            case ZoneAlert z -> t.format("map.alert.zone",
                    z.unit().unit().side().code() + " " + z.unit().displayName(), z.zoneName(), z.zoneSide().code());
            // The page puts text in as textContent only, so the received words cannot become markup.
            case SafetyAlert s -> t.format("map.alert.safety", s.unit().side().code() + " " + s.name(), s.text());
        };
    }

    private static String party(Side side, WatchPicture p) {
        return side.code().equals(p.side()) ? "own" : side.code().equals(p.otherSide()) ? "other" : "third";
    }

    private static List<List<List<double[]>>> polygons(Geometry g) {
        List<List<List<double[]>>> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon poly) {
                List<List<double[]>> rings = new ArrayList<>();
                rings.add(ring(poly.getExteriorRing().getCoordinates()));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    rings.add(ring(poly.getInteriorRingN(h).getCoordinates()));
                }
                out.add(rings);
            }
        }
        return out;
    }

    private static List<double[]> ring(Coordinate[] coordinates) {
        List<double[]> ring = new ArrayList<>();
        for (Coordinate c : coordinates) {
            ring.add(new double[] {round(c.x), round(c.y)});
        }
        return ring;
    }

    private static double round(double degrees) {
        return Math.rint(degrees * 1e5) / 1e5;
    }

    private static double round1(double v) {
        return Math.rint(v * 10) / 10;
    }

    private static double round2(double v) {
        return Math.rint(v * 100) / 100;
    }
}
