package org.macm.station.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.macm.core.MacmException;
import org.macm.station.metrics.Health;
import org.macm.station.metrics.HealthRoutes;
import org.macm.station.web.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's local JSON API, one {@link Site} of the station's web server. Authorization
 * is checked in one place, before any handler runs: every route declares a role, and a
 * request without the bearer token gets 401, on an unknown path too (401 before 404). It
 * binds to loopback unless the config names another address.
 */
public final class ApiSite implements Site {
    private static final Logger LOG = LoggerFactory.getLogger(ApiSite.class);
    private static final int MAX_BODY = 256 * 1024;
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** Duplicate keys are refused: which of two values counts would otherwise be the parser's choice. */
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final InetSocketAddress address;
    private final List<Route> routes;
    private final List<Pattern> patterns;
    private final ApiToken token;
    /** /healthz and /readyz, served without the token (they say nothing sensitive); absent in some tests. */
    private final Optional<Health> health;

    public ApiSite(InetSocketAddress address, ApiToken token, List<Route> routes) {
        this(address, token, routes, Optional.empty());
    }

    public ApiSite(InetSocketAddress address, ApiToken token, List<Route> routes, Optional<Health> health) {
        this.address = address;
        this.routes = List.copyOf(routes);
        this.patterns = this.routes.stream().map(Route::pattern).toList();
        this.token = token;
        this.health = health;
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
    public void install(RoutesConfig config) {
        for (Route route : routes) {
            config.addHttpHandler(HandlerType.findOrCreate(route.method()), route.template(),
                    ctx -> serve(ctx, route), route.role());
        }
        health.ifPresent(h -> HealthRoutes.install(config, h));
    }

    @Override
    public void failed(Exception e, Context ctx) {
        switch (e) {
            case ApiException a -> respond(ctx, a.status(), error(a.getMessage()));
            case MacmException m -> respond(ctx, 400, error(m.getMessage()));
            default -> {
                LOG.error("API request {} {} failed", ctx.method(), ctx.path(), e);
                respond(ctx, 500, error("internal error; see the station's log"));
            }
        }
    }

    @Override
    public void notFound(Context ctx) {
        respond(ctx, 404, error("no such route: " + path(ctx)));
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * The single authorization check: every route needs at least OPERATOR, proven by the
     * token; only /healthz and /readyz need none.
     */
    @Override
    public void guard(Context ctx) {
        if (health.isPresent() && HealthRoutes.isHealthRequest(ctx)) {
            return; // liveness and readiness, for a monitor that holds no token: they say nothing sensitive
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ") || !token.matches(header.substring(7).strip())) {
            throw new ApiException(401, "missing or wrong API token: send 'Authorization: Bearer <token>' "
                    + "with the token from the station folder's api.token");
        }
        String path = path(ctx);
        boolean pathKnown = false;
        for (int i = 0; i < routes.size(); i++) {
            if (patterns.get(i).matcher(path).matches()) {
                pathKnown = true;
                if (routes.get(i).method().equals(ctx.method().name())) {
                    return;
                }
            }
        }
        throw new ApiException(pathKnown ? 405 : 404, pathKnown ? "method not allowed" : "no such route: " + path);
    }

    private void serve(Context ctx, Route route) {
        String path = path(ctx);
        Matcher matcher = route.pattern().matcher(path);
        if (!matcher.matches()) {
            throw new ApiException(404, "no such route: " + path);
        }
        Route.Request request = new Route.Request(matcher, query(ctx.queryString()), readBody(ctx));
        switch (route.answer()) {
            case Route.Answer.Json json -> respond(ctx, 200, json.handler().handle(request));
            case Route.Answer.Streamed streamed -> stream(ctx, streamed.handler().open(request));
        }
    }

    /**
     * Writes a streamed answer straight to the connection as it is produced. Once the first
     * bytes are out the status cannot change, so a failure then cuts the connection instead:
     * the client sees a broken answer, never a short one that looks complete.
     */
    private void stream(Context ctx, Route.Body body) {
        ctx.status(200);
        headers(ctx, body.contentType());
        body.headers().forEach(ctx::header);
        try {
            OutputStream out = ctx.res().getOutputStream();
            body.writer().writeTo(out);
            out.flush();
        } catch (IOException e) {
            // Mostly a client that hung up; nothing more can reach it.
            LOG.info("API stream {} {} cut: {}", ctx.method(), ctx.path(), e.toString());
            abort(ctx, e);
        } catch (RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                // Nothing has left yet: drop the headers and what is buffered, and answer with the error as any route does.
                ctx.res().reset();
                throw e;
            }
            LOG.error("API stream {} {} failed after its first bytes; connection cut", ctx.method(), ctx.path(), e);
            abort(ctx, e);
        }
    }

    /** Cuts the connection without ending the chunked body, so no client takes what came as the whole. */
    private static void abort(Context ctx, Throwable cause) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(cause);
    }

    /** Every JSON answer leaves here; every answer, streamed ones too, is never cached, never sniffed, sends no referrer. */
    private void respond(Context ctx, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(status);
        headers(ctx, "application/json; charset=utf-8");
        ctx.result(bytes);
    }

    private static void headers(Context ctx, String contentType) {
        ctx.header("Content-Type", contentType);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /** The request path, percent-decoded as the routes' patterns expect ('+' stays '+'). */
    private static String path(Context ctx) {
        return URLDecoder.decode(ctx.path().replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private JsonNode readBody(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] raw = in.readNBytes(MAX_BODY + 1);
            if (raw.length > MAX_BODY) {
                throw new ApiException(413, "request body larger than " + MAX_BODY + " bytes");
            }
            if (raw.length == 0) {
                return json.createObjectNode();
            }
            try {
                return json.readTree(new String(raw, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
                if (duplicate.lookingAt()) {
                    throw new ApiException(400, "duplicate field '" + duplicate.group(1) + "': give each field once");
                }
                throw new ApiException(400, "request body is not JSON: " + e.getOriginalMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }
}
