package org.macm.station.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.core.MacmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's local JSON API over HTTP. Authorization is checked in one place, before any
 * handler runs: every route declares a role, and a request without the bearer token gets
 * 401. It binds to loopback unless the config names another address.
 *
 * <p>It uses the JDK's built-in HTTP server: the API is small and local, and the station
 * stays free of a web framework until the console needs one.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int MAX_BODY = 256 * 1024;
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** Duplicate keys are refused: which of two values counts would otherwise be the parser's choice. */
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final List<Route> routes;
    private final List<Pattern> patterns;
    private final ApiToken token;
    private final HttpServer server;

    public ApiServer(InetSocketAddress address, ApiToken token, List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.patterns = this.routes.stream().map(Route::pattern).toList();
        this.token = token;
        try {
            this.server = HttpServer.create(address, 32);
        } catch (IOException e) {
            throw new ApiException(500, "cannot open the API on " + address + ": " + e.getMessage()
                    + " (is another station using that port? set [api] listen in station.toml)");
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    public ApiServer start() {
        server.start();
        return this;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public List<Route> routes() {
        return routes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int status;
        JsonNode body;
        try {
            String path = exchange.getRequestURI().getPath();
            Route route = null;
            Matcher matcher = null;
            boolean pathKnown = false;
            for (int i = 0; i < routes.size(); i++) {
                Matcher m = patterns.get(i).matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (routes.get(i).method().equals(exchange.getRequestMethod())) {
                        route = routes.get(i);
                        matcher = m;
                        break;
                    }
                }
            }
            authorize(exchange);
            if (route == null) {
                throw new ApiException(pathKnown ? 405 : 404, pathKnown ? "method not allowed" : "no such route: " + path);
            }
            body = route.handler().handle(new Route.Request(matcher, query(exchange.getRequestURI().getRawQuery()),
                    readBody(exchange)));
            status = 200;
        } catch (ApiException e) {
            status = e.status();
            body = error(e.getMessage());
        } catch (MacmException e) {
            status = 400;
            body = error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("API request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            status = 500;
            body = error("internal error: " + e);
        }
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The single authorization check: every route needs at least OPERATOR, proven by the token. */
    private void authorize(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ") || !token.matches(header.substring(7).strip())) {
            throw new ApiException(401, "missing or wrong API token: send 'Authorization: Bearer <token>' "
                    + "with the token from the station folder's api.token");
        }
    }

    private JsonNode readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
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

    @Override
    public void close() {
        server.stop(0);
    }
}
