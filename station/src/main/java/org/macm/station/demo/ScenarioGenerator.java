package org.macm.station.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.macm.station.StationException;

/**
 * Generates the demo's East China Sea scenario: 40 minutes of AIS (ships) and SBS-1
 * (aircraft) reports, deterministic for a given seed.
 *
 * <ul>
 *   <li>JS Kirisame (DD-104, Japan) steams south-west at 16 kn; PLAN Nanchang (101, China)
 *       steams north-east at 18 kn on a reciprocal track: closest approach about 0.7 nm at
 *       minute 20, a close encounter between surface units.</li>
 *   <li>A JMSDF P-3C patrols west at 10,000 ft, 300 kn; a PLAN Y-9 comes east at 10,500 ft,
 *       260 kn: 3 nm and 500 ft apart at minute 14.</li>
 *   <li>The P-3C's track crosses the announced PLAN exercise area (the zone in the units
 *       files) from about minute 24: a zone entry.</li>
 *   <li>Eight merchant ships of third parties on the shipping lanes, never alerting.</li>
 * </ul>
 *
 * Units move on great circles approximated locally (a few tens of nautical miles), which
 * is ample for a demo; the engine's own accuracy is tested separately.
 */
public final class ScenarioGenerator {
    public static final Instant START = Instant.parse("2026-11-29T03:00:00Z");
    public static final Duration LENGTH = Duration.ofMinutes(40);
    private static final DateTimeFormatter SBS_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SBS_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A unit moving at constant velocity from a start position. */
    public record Mover(String id, String name, String callSign, double lat, double lon, double courseDeg,
            double speedKnots, int altitudeFeet) {
        /** The mover that passes {@code (lat, lon)} at {@code when} after the start. */
        static Mover through(String id, String name, String callSign, double lat, double lon, Duration when,
                double courseDeg, double speedKnots, int altitudeFeet) {
            double[] start = new Mover(id, name, callSign, lat, lon, courseDeg, speedKnots, altitudeFeet).at(when.negated());
            return new Mover(id, name, callSign, start[0], start[1], courseDeg, speedKnots, altitudeFeet);
        }

        double[] at(Duration t) {
            double hours = t.toMillis() / 3_600_000.0;
            double nm = speedKnots * hours;
            double rad = Math.toRadians(courseDeg);
            double dLat = nm * Math.cos(rad) / 60.0;
            double dLon = nm * Math.sin(rad) / (60.0 * Math.cos(Math.toRadians(lat + dLat / 2)));
            return new double[] {lat + dLat, lon + dLon};
        }
    }

    /** Pass 0.7 nm apart at minute 20 (reciprocal courses, tracks 1 nm apart east-west). */
    public static final Mover KIRISAME = Mover.through("431999104", "KIRISAME", "JSKS", 29.85, 125.1692,
            Duration.ofMinutes(20), 225, 16, 0);
    public static final Mover NANCHANG = Mover.through("412000101", "NANCHANG", "BNCH", 29.85, 125.15,
            Duration.ofMinutes(20), 45, 18, 0);
    /** Pass 3 nm apart and 500 ft apart at minute 14; the P-3C then flies on into the exercise area. */
    public static final Mover P3C = Mover.through("84A1C3", "JMSDF P-3C", "JPN5101", 29.90, 125.30,
            Duration.ofMinutes(14), 270, 300, 10_000);
    public static final Mover Y9 = Mover.through("7808B4", "PLAN Y-9", "CHN9011", 29.95, 125.30,
            Duration.ofMinutes(14), 90, 260, 10_500);
    /** The announced PLAN exercise area (lat/lon corners); the P-3C enters it near minute 24. */
    public static final List<GeoCorner> EXERCISE_AREA = List.of(new GeoCorner(29.60, 123.60), new GeoCorner(29.60, 124.40),
            new GeoCorner(30.20, 124.40), new GeoCorner(30.20, 123.60));

    /** A corner of a zone, in degrees. */
    public record GeoCorner(double lat, double lon) {
    }

    private final long seed;

    public ScenarioGenerator(long seed) {
        this.seed = seed;
    }

    /** Writes {@code ecs.aivdm}, {@code ecs.sbs}, {@code units.toml} and {@code zones.geojson} into {@code dir}. */
    public void generate(Path dir) {
        Random random = new Random(seed);
        List<Mover> ships = new ArrayList<>(List.of(KIRISAME, NANCHANG));
        String[] flags = {"477", "636", "538", "563", "371", "440", "355", "229"};
        for (int i = 0; i < 8; i++) {
            int mmsi = Integer.parseInt(flags[i]) * 1_000_000 + random.nextInt(1_000_000);
            boolean northbound = i % 2 == 0;
            ships.add(new Mover(String.valueOf(mmsi), "MERCHANT " + (i + 1), "V" + (7000 + i), 29.0 + random.nextDouble() * 1.2,
                    123.9 + random.nextDouble() * 0.4, northbound ? 20 + random.nextInt(10) : 200 + random.nextInt(10),
                    11 + random.nextInt(8), 0));
        }
        List<Mover> aircraft = List.of(P3C, Y9);
        try {
            Files.createDirectories(dir);
            try (Writer ais = Files.newBufferedWriter(dir.resolve("ecs.aivdm"), StandardCharsets.US_ASCII);
                    Writer sbs = Files.newBufferedWriter(dir.resolve("ecs.sbs"), StandardCharsets.US_ASCII)) {
                AisEncoder encoder = new AisEncoder();
                for (long s = 0; s <= LENGTH.toSeconds(); s++) {
                    Duration t = Duration.ofSeconds(s);
                    Instant now = START.plus(t);
                    if (s % 360 == 0) {
                        for (Mover m : ships) {
                            write(ais, encoder.staticData(now, Integer.parseInt(m.id()), m.name(), m.callSign(),
                                    m.name().startsWith("MERCHANT") ? 70 : 35, 150, 18));
                        }
                    }
                    if (s % 10 == 0) {
                        for (Mover m : ships) {
                            double[] p = m.at(t);
                            write(ais, encoder.position(now, Integer.parseInt(m.id()), p[0], p[1], m.speedKnots(),
                                    m.courseDeg(), (int) Math.round(m.courseDeg())));
                        }
                    }
                    if (s % 2 == 0) {
                        for (Mover m : aircraft) {
                            writeSbs(sbs, m, now, t, s % 30 == 0);
                        }
                    }
                }
            }
            Files.writeString(dir.resolve("units.toml"), UNITS, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("zones.geojson"), zones(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StationException("cannot write the scenario into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The two parties' units; the merchant ships are left out on purpose: unknown units are third parties. */
    static final String UNITS = """
            # Units of the two parties in the demo scenario (generated by ScenarioGenerator).
            [[unit]]
            side = "JP"
            name = "JS KIRISAME"
            kind = "vessel"
            type = "escort-ship"
            mmsi = "431999104"
            callsign = "JSKS"
            hull = "DD-104"

            [[unit]]
            side = "JP"
            name = "JMSDF P-3C 5101"
            kind = "aircraft"
            type = "patrol aircraft"
            icao24 = "84A1C3"
            callsign = "JPN5101"

            [[unit]]
            side = "CN"
            name = "PLAN NANCHANG"
            kind = "vessel"
            type = "destroyer"
            mmsi = "412000101"
            hull = "101"

            [[unit]]
            side = "CN"
            name = "PLAN Y-9 9011"
            kind = "aircraft"
            type = "patrol aircraft"
            icao24 = "7808B4"
            callsign = "CHN9011"
            """;

    private static String zones() {
        StringBuilder ring = new StringBuilder();
        for (GeoCorner c : EXERCISE_AREA) {
            ring.append(String.format(Locale.ROOT, "[%.2f, %.2f], ", c.lon(), c.lat()));
        }
        GeoCorner first = EXERCISE_AREA.get(0);
        ring.append(String.format(Locale.ROOT, "[%.2f, %.2f]", first.lon(), first.lat()));
        return """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature",
                   "properties": {"name": "PLAN exercise area (announced)", "kind": "exercise-area", "side": "CN"},
                   "geometry": {"type": "Polygon", "coordinates": [[%s]]}}]}
                """.formatted(ring);
    }

    private static void write(Writer out, List<String> lines) throws IOException {
        for (String l : lines) {
            out.write(l);
            out.write('\n');
        }
    }

    /** MSG,1 (call sign) now and then, MSG,3 (position, altitude) and MSG,4 (speed, track) every time. */
    private static void writeSbs(Writer out, Mover m, Instant now, Duration t, boolean identify) throws IOException {
        String head = ",1,1," + m.id() + ",1," + SBS_DATE.format(now) + "," + SBS_TIME.format(now) + ","
                + SBS_DATE.format(now) + "," + SBS_TIME.format(now) + ",";
        if (identify) {
            out.write("MSG,1" + head + m.callSign() + ",,,,,,,,0,0,0,0\n");
        }
        double[] p = m.at(t);
        out.write(String.format(Locale.ROOT, "MSG,3%s,%d,,,%.5f,%.5f,,,0,0,0,0%n", head, m.altitudeFeet(), p[0], p[1]));
        out.write(String.format(Locale.ROOT, "MSG,4%s,,%d,%d,,,0,,0,0,0,0%n", head, (int) m.speedKnots(),
                (int) Math.round(m.courseDeg())));
    }
}
