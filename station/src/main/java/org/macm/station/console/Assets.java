package org.macm.station.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The console's static files, by name, from the jar: its own stylesheet and script, and the
 * WebJars' htmx and Leaflet. Only the files listed here are served (no
 * directory is exposed), and only {@link #PUBLIC} ones without a session: the login page's.
 */
public final class Assets {
    /** What the login page needs before anyone is logged in. */
    static final java.util.Set<String> PUBLIC = java.util.Set.of("console.css");

    private static final String OWN = "/org/macm/station/console/assets/";
    private static final String WEBJARS = "/META-INF/resources/webjars/";

    private record Asset(String resource, String type) {
    }

    private static final Map<String, Asset> ASSETS = Map.ofEntries(
            Map.entry("console.css", new Asset(OWN + "console.css", "text/css; charset=utf-8")),
            Map.entry("console.js", new Asset(OWN + "console.js", "text/javascript; charset=utf-8")),
            Map.entry("compose.js", new Asset(OWN + "compose.js", "text/javascript; charset=utf-8")),
            Map.entry("map.js", new Asset(OWN + "map.js", "text/javascript; charset=utf-8")),
            Map.entry("coastline.geojson", new Asset(OWN + "coastline.geojson", "application/geo+json")),
            Map.entry("htmx.min.js", new Asset(WEBJARS + "htmx.org/2.0.4/dist/htmx.min.js", "text/javascript; charset=utf-8")),
            Map.entry("leaflet.js", new Asset(WEBJARS + "leaflet/1.9.4/dist/leaflet.js", "text/javascript; charset=utf-8")),
            Map.entry("leaflet.css", new Asset(WEBJARS + "leaflet/1.9.4/dist/leaflet.css", "text/css; charset=utf-8")));

    private Assets() {
    }

    /** Every asset's name: what the console serves under {@code /assets/}. */
    static java.util.Set<String> names() {
        return ASSETS.keySet();
    }

    static boolean isPublic(String name) {
        return PUBLIC.contains(name);
    }

    /** Serves asset {@code name}; false when there is no such asset. */
    static boolean serve(String name, Context ctx) {
        Optional<Asset> asset = Optional.ofNullable(ASSETS.get(name));
        if (asset.isEmpty()) {
            return false;
        }
        try (InputStream in = Assets.class.getResourceAsStream(asset.get().resource())) {
            if (in == null) {
                return false;
            }
            ctx.contentType(asset.get().type());
            ctx.header("Cache-Control", "private, max-age=3600");
            ctx.result(in.readAllBytes());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
