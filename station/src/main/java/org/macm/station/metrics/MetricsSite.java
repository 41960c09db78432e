package org.macm.station.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetSocketAddress;
import java.util.Set;
import org.macm.station.web.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics listener ({@code [metrics] listen}), one {@link Site} of the station's web
 * server: {@code GET /metrics} in the Prometheus text format, and {@code /healthz} and
 * {@code /readyz} (installed by the API site, see {@link HealthRoutes}). Nothing else passes
 * its guard, so the API and the console cannot be reached through it. It needs no token:
 * what it serves holds no secret, no message text and no officer's name.
 */
public final class MetricsSite implements Site {
    /** The scrape path. */
    public static final String METRICS = "/metrics";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsSite.class);
    private static final Set<String> PATHS = Set.of(METRICS, HealthRoutes.HEALTHZ, HealthRoutes.READYZ);

    private final InetSocketAddress address;
    private final StationMetrics metrics;

    public MetricsSite(InetSocketAddress address, StationMetrics metrics) {
        this.address = address;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void install(RoutesConfig routes) {
        routes.get(METRICS, ctx -> {
            ctx.status(200);
            ctx.header("Content-Type", StationMetrics.CONTENT_TYPE);
            ctx.header("Cache-Control", "no-store");
            ctx.result(metrics.scrape());
        });
    }

    @Override
    public void guard(Context ctx) {
        if (!"GET".equals(ctx.method().name()) || !PATHS.contains(ctx.path())) {
            throw new Refused();
        }
    }

    @Override
    public void failed(Exception e, Context ctx) {
        if (e instanceof Refused) {
            text(ctx, 404, "not found: this listener serves GET /metrics, /healthz and /readyz only");
            return;
        }
        LOG.error("metrics request {} {} failed", ctx.method(), ctx.path(), e);
        text(ctx, 500, "internal error; see the station's log");
    }

    @Override
    public void notFound(Context ctx) {
        text(ctx, 404, "not found");
    }

    /** A request this listener does not serve; answered 404 by {@link #failed}. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super("not served on the metrics listener", null, false, false);
        }
    }

    private static void text(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.header("Content-Type", "text/plain; charset=utf-8");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(message + "\n");
    }
}
