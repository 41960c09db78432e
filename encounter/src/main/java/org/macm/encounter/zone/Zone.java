package org.macm.encounter.zone;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.macm.encounter.EncounterException;
import org.macm.encounter.unit.Side;

/**
 * An area one side announced (an exercise area, a boundary), as a polygon or multipolygon in
 * longitude/latitude degrees. Tests are planar in degrees, which is exact for "inside" (the
 * edges are the straight lines GeoJSON means); a zone that crosses 180° must be split there,
 * as RFC 7946 asks. Read zones with {@link ZoneReader}.
 *
 * @param name the {@code name} property, unique in a file
 * @param kind the {@code kind} property, e.g. {@code exercise-area}, {@code boundary}
 * @param side the {@code side} property: the party that announced it; the other party's units
 *     inside it raise alerts
 * @param geometry a valid Polygon or MultiPolygon, x = longitude, y = latitude
 */
public record Zone(String name, String kind, Side side, Geometry geometry) {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    public Zone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(geometry, "geometry");
        if (!geometry.isValid()) {
            throw new EncounterException("zone '" + name + "': the polygon is not valid (self-intersecting or badly nested rings)");
        }
        geometry = geometry.copy();
    }

    @Override
    public Geometry geometry() {
        return geometry.copy();
    }

    /** A prepared form for repeated point tests. */
    Prepared prepare() {
        return new Prepared(this, PreparedGeometryFactory.prepare(geometry), geometry.getEnvelopeInternal(), geometry);
    }

    /** A zone ready for fast point tests; held by the zone watch only. */
    record Prepared(Zone zone, PreparedGeometry prepared, Envelope envelope, Geometry geometry) {

        boolean contains(double lat, double lon) {
            if (!envelope.contains(lon, lat)) {
                return false;
            }
            return prepared.covers(point(lat, lon));
        }

        boolean isWithin(double lat, double lon, double degrees) {
            if (envelope.distance(new Envelope(lon, lon, lat, lat)) > degrees) {
                return false;
            }
            return geometry.isWithinDistance(point(lat, lon), degrees);
        }

        private static Point point(double lat, double lon) {
            return FACTORY.createPoint(new Coordinate(lon, lat));
        }
    }
}
