package org.macm.station.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.core.MacmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's local JSON API over HTTP. Authorization is checked in one place, before any
 * handler runs: every route declares a role, and a request without the bearer token gets
 * 401, on an unknown path too (401 before 404). It binds to loopback unless the config names
 * another address.
 *
 * <p>It runs on Javalin (Jetty 12 underneath), so that the console can later be served from
 * the same embedded server: routes, server-sent events, static files and a graceful stop.
 * Requests run on virtual threads. Nothing listens until {@link #start()}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int MAX_BODY = 256 * 1024;
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** Duplicate keys are refused: which of two values counts would otherwise be the parser's choice. */
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final InetSocketAddress requested;
    private final List<Route> routes;
    private final List<Pattern> patterns;
    private final ApiToken token;
    private final Javalin app;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile InetSocketAddress bound;

    public ApiServer(InetSocketAddress address, ApiToken token, List<Route> routes) {
        this.requested = address;
        this.routes = List.copyOf(routes);
        this.patterns = this.routes.stream().map(Route::pattern).toList();
        this.token = token;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = address.getHostString();
            config.jetty.port = address.getPort();
            // The one check every request passes, matched or not: token, then route, then method.
            config.routes.before(this::authorizeAndMatch);
            for (Route route : this.routes) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.template(),
                        ctx -> serve(ctx, route), route.role());
            }
            config.routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), error(e.getMessage())));
            config.routes.exception(MacmException.class, (e, ctx) -> respond(ctx, 400, error(e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("API request {} {} failed", ctx.method(), ctx.path(), e);
                respond(ctx, 500, error("internal error; see the station's log"));
            });
        });
    }

    public ApiServer start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause(); // Jetty wraps the JDK's BindException ("Address already in use")
            }
            throw new ApiException(500, "cannot open the API on " + requested + ": " + cause.getMessage()
                    + " (is another station using that port? set [api] listen in station.toml)");
        }
        bound = new InetSocketAddress(requested.getAddress(), app.port());
        return this;
    }

    /** The address the server listens on, with the port it bound (when the config asked for port 0). */
    public InetSocketAddress address() {
        if (bound == null) {
            throw new IllegalStateException("the API server is not started");
        }
        return bound;
    }

    public List<Route> routes() {
        return routes;
    }

    /** The single authorization check: every route needs at least OPERATOR, proven by the token. */
    private void authorizeAndMatch(Context ctx) {
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
        JsonNode body = route.handler().handle(new Route.Request(matcher, query(ctx.queryString()), readBody(ctx)));
        respond(ctx, 200, body);
    }

    /** Every answer leaves here: JSON, never cached, never sniffed, no referrer. */
    private void respond(Context ctx, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(status);
        ctx.header("Content-Type", "application/json; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.result(bytes);
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

    /** Stops the server gracefully: requests in flight finish. Safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
        }
    }
}
