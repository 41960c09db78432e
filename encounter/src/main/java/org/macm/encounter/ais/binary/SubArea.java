package org.macm.encounter.ais.binary;

import static org.macm.encounter.ais.binary.Fields.s;
import static org.macm.encounter.ais.binary.Fields.u;

import java.util.ArrayList;
import java.util.List;

/**
 * One 87-bit sub-area of an {@link AreaNotice} (IMO SN.1/Circ.289, "sub-area types").
 * Positions are in 1/1000 minute (181° and 91° mean not available); sizes are in metres times
 * 10 to the power {@code scale}; bearings of polyline and polygon legs in half degrees from the
 * previous point (720 = not available).
 */
public sealed interface SubArea {

    /** Bits of one sub-area, shape code included. */
    int BITS = 87;

    /** A circle of {@code radius} (0 = a point) around a centre. */
    record Circle(int scale, int lon, int lat, int precision, int radius) implements SubArea {}

    /** A box from its south-west corner, {@code east} and {@code north} long, turned by {@code orientation} degrees. */
    record Rectangle(int scale, int lon, int lat, int precision, int east, int north, int orientation)
            implements SubArea {}

    /** A sector of a circle between two bearings in degrees. */
    record Sector(int scale, int lon, int lat, int precision, int radius, int left, int right)
            implements SubArea {}

    /** An open line of legs from the previous sub-area's last point. */
    record Polyline(int scale, List<Leg> legs) implements SubArea {
        public Polyline {
            legs = List.copyOf(legs);
        }
    }

    /** A closed area whose first vertex is the preceding circle's centre. */
    record Polygon(int scale, List<Leg> legs) implements SubArea {
        public Polygon {
            legs = List.copyOf(legs);
        }
    }

    /** Up to 14 characters of text that belong to the notice. */
    record AssociatedText(String text) implements SubArea {}

    /** A shape code (6 or 7) that IMO 289 reserves; its bits are not interpreted. */
    record Reserved(int shape) implements SubArea {}

    /** One leg of a polyline or polygon: bearing in half degrees, distance in scaled metres. */
    record Leg(int bearing, int distance) {}

    static SubArea read(BinaryData d, int at) {
        int shape = u(d, at, 3);
        int scale = u(d, at + 3, 2);
        return switch (shape) {
            case 0 -> new Circle(scale, s(d, at + 5, 25), s(d, at + 30, 24), u(d, at + 54, 3), u(d, at + 57, 12));
            case 1 -> new Rectangle(scale, s(d, at + 5, 25), s(d, at + 30, 24), u(d, at + 54, 3),
                    u(d, at + 57, 8), u(d, at + 65, 8), u(d, at + 73, 9));
            case 2 -> new Sector(scale, s(d, at + 5, 25), s(d, at + 30, 24), u(d, at + 54, 3),
                    u(d, at + 57, 12), u(d, at + 69, 9), u(d, at + 78, 9));
            case 3 -> new Polyline(scale, legs(d, at + 5));
            case 4 -> new Polygon(scale, legs(d, at + 5));
            case 5 -> new AssociatedText(d.text(at + 3, 14));
            default -> new Reserved(shape);
        };
    }

    /** The four legs of a polyline or polygon, without the unused ones (distance 0 = no point). */
    private static List<Leg> legs(BinaryData d, int at) {
        List<Leg> legs = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            int distance = u(d, at + 20 * i + 10, 10);
            if (distance != 0) {
                legs.add(new Leg(u(d, at + 20 * i, 10), distance));
            }
        }
        return legs;
    }
}
