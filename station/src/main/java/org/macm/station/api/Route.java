package org.macm.station.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API route: method, path template (segments in braces are parameters), the role it
 * needs, and its handler. The role is required so that no route is ever open by default.
 */
public record Route(String method, String template, Role role, Handler handler) {
    /** Handles a matched request; returns the JSON body of a 200 answer or throws {@link ApiException}. */
    @FunctionalInterface
    public interface Handler {
        JsonNode handle(Request request);
    }

    /** A matched request: path parameters in order, query parameters, and the JSON body ({} when empty). */
    public record Request(Matcher path, Map<String, String> query, JsonNode body) {
        public String param(int i) {
            return path.group(i);
        }

        public Optional<String> query(String name) {
            return Optional.ofNullable(query.get(name));
        }
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(role, "role: every route declares who may call it");
        Objects.requireNonNull(handler, "handler");
    }

    Pattern pattern() {
        return Pattern.compile(template.replaceAll("\\{[a-z]+}", "([^/]+)"));
    }
}
