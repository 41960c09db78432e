package org.macm.encounter.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.ais.binary.AreaNotice;
import org.macm.encounter.ais.binary.AtonMonitoring;
import org.macm.encounter.ais.binary.BerthingData;
import org.macm.encounter.ais.binary.ClearanceTime;
import org.macm.encounter.ais.binary.DangerousCargoImo236;
import org.macm.encounter.ais.binary.FairwayClosed;
import org.macm.encounter.ais.binary.MarineTrafficSignal;
import org.macm.encounter.ais.binary.MetHydroReport;
import org.macm.encounter.ais.binary.MetHydroReportImo236;
import org.macm.encounter.ais.binary.RouteInformation;
import org.macm.encounter.ais.binary.TidalWindow;
import org.macm.encounter.ais.binary.VtsTargets;

/**
 * A decoded binary application message in gpsd's field names and raw units, so that the
 * conformance harness compares it with what gpsdecode printed for the same sentence.
 *
 * <p>Our records keep gpsd's unscaled values under camel-case forms of gpsd's names, so most
 * fields map by name (berthLength is berth_length); what gpsd composes (timestamps such as
 * "18T17:15Z", the berthing services by name) is built here. {@link #scaled} is gpsd's scaled
 * form ({@code gpsdecode -j}), numbers compared to the decimals gpsd prints.
 */
final class GpsdApplicationView {
    private static final String[] TRENDS = {"steady", "increasing", "decreasing", "N/A"};
    private static final String[] PRECIPITATION = {
        "reserved", "rain", "thunderstorm", "freezing rain", "mixed/ice", "snow", "reserved", "N/A"
    };
    private static final String[] ICE = {"no", "yes", "reserved", "N/A"};
    private static final String[] ID_TYPES = {"mmsi", "imo", "callsign", "other"};
    private static final String[] SERVICES = {
        "agent", "fuel", "chandler", "stevedore", "electrical", "water", "customs", "cartage", "crane",
        "lift", "medical", "navrepair", "provisions", "shiprepair", "surveyor", "steam", "tugs",
        "solidwaste", "liquidwaste", "hazardouswaste", "ballast", "additional", "regional1", "regional2",
        "future1", "future2"
    };
    private static final double LATLON3 = 60_000.0;
    private static final double LATLON4 = 600_000.0;

    private GpsdApplicationView() {}

    /** The message's fields as gpsd prints them, or empty for an application gpsd does not decode. */
    static Optional<Map<String, Object>> of(ApplicationMessage message) {
        if (message instanceof AreaNotice) {
            return Optional.empty(); // gpsd leaves FI 22/23 undecoded (prints nothing for them)
        }
        Map<String, Object> v = fields((Record) message, e -> fields(e, null));
        v.put("dac", (long) message.dac());
        v.put("fid", (long) message.fi());
        switch (message) {
            case MetHydroReport m -> v.put("timestamp", dayTime(m.day(), m.hour(), m.minute()));
            case MetHydroReportImo236 m -> v.put("timestamp", dayTime(m.day(), m.hour(), m.minute()));
            case DangerousCargoImo236 m -> {
                v.put("departure", monthTime(m.lmonth(), m.lday(), m.lhour(), m.lminute()));
                v.put("eta", monthTime(m.nmonth(), m.nday(), m.nhour(), m.nminute()));
            }
            case ClearanceTime m -> v.put("arrival", monthTime(m.month(), m.day(), m.hour(), m.minute()));
            case RouteInformation m -> v.put("start", monthTime(m.month(), m.day(), m.hour(), m.minute()));
            case BerthingData m -> {
                v.put("arrival", m.month() + "-" + m.day() + "T" + m.hour() + ":" + m.minute());
                v.put("availability", m.availability() ? 1L : 0L);
                for (int i = 0; i < SERVICES.length; i++) {
                    v.put(SERVICES[i], (long) m.services().get(i));
                }
            }
            case FairwayClosed m -> {
                v.put("from", String.format("%02d-%02dT%02d:%02d", m.fmonth(), m.fday(), m.fhour(), m.fminute()));
                v.put("to", String.format("%02d-%02dT%02d:%02d", m.tmonth(), m.tday(), m.thour(), m.tminute()));
            }
            case MarineTrafficSignal m -> {
                // gpsd prints this position scaled even in unscaled mode
                v.put("lon", near(m.lon() / LATLON3, 6));
                v.put("lat", near(m.lat() / LATLON3, 6));
            }
            default -> {
                // every field maps by name
            }
        }
        return Optional.of(v);
    }

    /** The fields as gpsd prints them scaled ({@code gpsdecode -j}, the {@code .js.chk} files). */
    static Optional<Map<String, Object>> scaled(ApplicationMessage message) {
        Optional<Map<String, Object>> raw = of(message);
        raw.ifPresent(v -> {
            switch (message) {
                case MetHydroReport m -> {
                    latLon(v, m.lat(), m.lon());
                    v.put("airtemp", near(m.airtemp() / 10.0, 1));
                    v.put("dewpoint", near(m.dewpoint() / 10.0, 1));
                    v.put("pressure", (long) m.pressure() + 799);
                    v.put("pressuretend", TRENDS[m.pressuretend()]);
                    v.put("visibility", near(m.visibility() / 10.0, 1));
                    v.put("waterlevel", near((m.waterlevel() - 1000) / 100.0, 1));
                    v.put("leveltrend", TRENDS[m.leveltrend()]);
                    tenths(v, "cspeed", "cspeed2", "cspeed3", "waveheight", "swellheight", "watertemp", "salinity");
                    v.put("preciptype", PRECIPITATION[m.preciptype()]);
                    v.put("ice", ICE[m.ice()]);
                }
                case MetHydroReportImo236 m -> {
                    latLon(v, m.lat(), m.lon());
                    v.put("airtemp", near((m.airtemp() - 600) / 10.0, 1));
                    v.put("dewpoint", near((m.dewpoint() - 200) / 10.0, 1));
                    v.put("pressure", (long) m.pressure() + 800);
                    v.put("pressuretend", TRENDS[m.pressuretend()]);
                    v.put("visibility", near(m.visibility() / 10.0, 1));
                    v.put("waterlevel", near((m.waterlevel() - 100) / 10.0, 1));
                    v.put("leveltrend", TRENDS[m.leveltrend()]);
                    v.put("watertemp", near((m.watertemp() - 100) / 10.0, 1));
                    tenths(v, "cspeed", "cspeed2", "cspeed3", "waveheight", "swellheight", "salinity");
                }
                case AtonMonitoring m -> {
                    volts(v, "ana_int", m.anaInt());
                    volts(v, "ana_ext1", m.anaExt1());
                    volts(v, "ana_ext2", m.anaExt2());
                }
                case TidalWindow m -> v.put("tidals", list(m.tidals(), t -> {
                    Map<String, Object> e = fields(t, null);
                    latLon(e, t.lat(), t.lon());
                    e.put("cspeed", near(t.cspeed() / 10.0, 1));
                    return e;
                }));
                case ClearanceTime m -> latLon(v, m.lat(), m.lon());
                case BerthingData m -> {
                    v.put("berth_lon", near(m.berthLon() / LATLON3, 6));
                    v.put("berth_lat", near(m.berthLat() / LATLON3, 6));
                    v.put("berth_depth", near(m.berthDepth() / 10.0, 1));
                }
                case RouteInformation m -> v.put("waypoints", list(m.waypoints(), w -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("lon", near(w.lon() / LATLON4, 7));
                    e.put("lat", near(w.lat() / LATLON4, 7));
                    return e;
                }));
                case VtsTargets m -> v.put("targets", list(m.targets(), t -> {
                    Map<String, Object> e = target(t);
                    latLon(e, t.lat(), t.lon());
                    return e;
                }));
                default -> {
                    // nothing gpsd scales
                }
            }
        });
        return raw;
    }

    /** Every record component under gpsd's name; lists become a check of gpsd's array. */
    private static Map<String, Object> fields(Record r, Function<Record, Map<String, Object>> element) {
        if (r instanceof VtsTargets.Target t) {
            return target(t);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object value = read(c, r);
            String name = snake(c.getName());
            switch (value) {
                case Integer i -> v.put(name, (long) i);
                case Boolean b -> v.put(name, b);
                case String s -> v.put(name, s);
                case List<?> l when element != null && (l.isEmpty() || l.getFirst() instanceof Record) ->
                        v.put(name, list(l, e -> element.apply((Record) e)));
                default -> {
                    // lists of plain values (berthing services) are named one by one by the caller
                }
            }
        }
        return v;
    }

    private static Map<String, Object> target(VtsTargets.Target t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("idtype", (long) t.idtype());
        v.put(ID_TYPES[t.idtype()], t.id());
        v.put("lat", (long) t.lat());
        v.put("lon", (long) t.lon());
        v.put("course", (long) t.course());
        v.put("second", (long) t.second());
        v.put("speed", (long) t.speed());
        return v;
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
        }
    }

    /** gpsd's names are ours in snake case: berthLength is berth_length, anaExt1 is ana_ext1. */
    static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** A check that gpsd's array has our elements, in order, field by field. */
    private static <T> GpsdView.Check list(List<T> ours, Function<? super T, Map<String, Object>> view) {
        List<Map<String, Object>> expected = new ArrayList<>();
        ours.forEach(e -> expected.add(view.apply(e)));
        return new GpsdView.Check(expected.toString(), n -> {
            if (!n.isArray() || n.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!GpsdView.compare(expected.get(i), n.get(i), new int[1]).isEmpty()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A number gpsd printed with {@code decimals} decimals: equal to ours once rounded. */
    private static GpsdView.Check near(double value, int decimals) {
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
        return new GpsdView.Check(
                String.format("%." + decimals + "f", value),
                (JsonNode n) -> n.isNumber() && Math.abs(n.asDouble() - value) <= tolerance);
    }

    private static void latLon(Map<String, Object> v, int lat, int lon) {
        v.put("lat", near(lat / LATLON3, 6));
        v.put("lon", near(lon / LATLON3, 6));
    }

    private static void tenths(Map<String, Object> v, String... names) {
        for (String name : names) {
            v.put(name, near((Long) v.get(name) / 10.0, 1));
        }
    }

    /** gpsd scales a voltage only when it is not 0 (0 is printed as the integer). */
    private static void volts(Map<String, Object> v, String name, int raw) {
        if (raw != 0) {
            v.put(name, near(raw * 0.05, 2));
        }
    }

    private static String dayTime(int day, int hour, int minute) {
        return String.format("%02dT%02d:%02dZ", day, hour, minute);
    }

    private static String monthTime(int month, int day, int hour, int minute) {
        return String.format("%02d-%02dT%02d:%02dZ", month, day, hour, minute);
    }
}
