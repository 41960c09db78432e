package org.macm.station.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /healthz} and {@code GET /readyz}, answered from a {@link Health} without any
 * credential. The station's web server has one router for all its listeners, so these routes
 * are installed once (by the API site, which every running station has) and each site's
 * guard decides whether its listener lets them through: the API's and the metrics listener's
 * do, the console's does not.
 */
public final class HealthRoutes {
    /** The liveness path. */
    public static final String HEALTHZ = "/healthz";
    /** The readiness path. */
    public static final String READYZ = "/readyz";
    private static final Set<String> PATHS = Set.of(HEALTHZ, READYZ);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthRoutes() {
    }

    /** Whether {@code ctx} asks for one of these routes, which need no token. */
    public static boolean isHealthRequest(Context ctx) {
        return "GET".equals(ctx.method().name()) && PATHS.contains(ctx.path());
    }

    /** Adds both routes to the server's router; call once per server. */
    public static void install(RoutesConfig routes, Health health) {
        routes.get(HEALTHZ, ctx -> answer(ctx, 200, health.liveness()));
        routes.get(READYZ, ctx -> {
            Map<String, String> checks = health.checks();
            answer(ctx, Health.ready(checks) ? 200 : 503, health.readiness(checks));
        });
    }

    private static void answer(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status);
            ctx.header("Content-Type", "application/json; charset=utf-8");
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
