package org.macm.station.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.macm.station.api.ApiException;
import org.macm.station.api.ApiToken;
import org.macm.station.metrics.HealthRoutes;
import org.macm.station.web.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a standby node serves on the API address: {@code /api/v1/status} (with the token)
 * saying it is the standby and who holds the lease, {@code /healthz} 200 and {@code /readyz}
 * 503 {@code standby} (without), and 503 naming the active node for every other request
 * with the token, so a client knows where to go. Without the token every other request gets
 * 401, as on the active node: the holder's name is not for strangers.
 */
final class StandbySite implements Site {
    private static final Logger LOG = LoggerFactory.getLogger(StandbySite.class);
    static final String STATUS = "/api/v1/status";

    private final ObjectMapper json = new ObjectMapper();
    private final InetSocketAddress address;
    private final ApiToken token;
    private final Supplier<ObjectNode> status;
    private final Supplier<String> active;

    /**
     * @param status what {@code /api/v1/status} answers
     * @param active the active node as a client should read it, e.g. {@code cn-a/41234 (epoch 3)}
     */
    StandbySite(InetSocketAddress address, ApiToken token, Supplier<ObjectNode> status, Supplier<String> active) {
        this.address = address;
        this.token = token;
        this.status = status;
        this.active = active;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void install(RoutesConfig routes) {
        routes.get(HealthRoutes.HEALTHZ, ctx -> respond(ctx, 200, json.createObjectNode().put("status", "up")));
        routes.get(HealthRoutes.READYZ, ctx -> {
            ObjectNode body = json.createObjectNode().put("ready", false);
            body.putObject("checks").put("role", "standby");
            respond(ctx, 503, body);
        });
        routes.get(STATUS, ctx -> respond(ctx, 200, status.get()));
    }

    @Override
    public void guard(Context ctx) {
        if (HealthRoutes.isHealthRequest(ctx)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ") || !token.matches(header.substring(7).strip())) {
            throw new ApiException(401, "missing or wrong API token: send 'Authorization: Bearer <token>' "
                    + "with the token from the station folder's api.token");
        }
        if (!("GET".equals(ctx.method().name()) && STATUS.equals(ctx.path()))) {
            throw new ApiException(503, "this node is the standby and serves only " + STATUS + "; the active node is "
                    + active.get() + ": use its API");
        }
    }

    @Override
    public void failed(Exception e, Context ctx) {
        if (e instanceof ApiException a) {
            respond(ctx, a.status(), error(a.getMessage()));
            return;
        }
        LOG.error("standby API request {} {} failed", ctx.method(), ctx.path(), e);
        respond(ctx, 500, error("internal error; see the station's log"));
    }

    @Override
    public void notFound(Context ctx) {
        respond(ctx, 503, error("this node is the standby; the active node is " + active.get()));
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private void respond(Context ctx, int code, ObjectNode body) {
        try {
            ctx.status(code);
            ctx.header("Content-Type", "application/json; charset=utf-8");
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.result(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
