package org.macm.station.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API route: method, path template (segments in braces are parameters), the role it
 * needs, and how it answers. The role is required so that no route is ever open by default.
 * Most routes answer with one JSON document; a route whose answer can be larger than memory
 * should hold (an export of a long log) streams it instead.
 */
public record Route(String method, String template, Role role, Answer answer) {
    /** Handles a matched request; returns the JSON body of a 200 answer or throws {@link ApiException}. */
    @FunctionalInterface
    public interface Handler {
        JsonNode handle(Request request);
    }

    /**
     * Handles a matched request whose answer is streamed: it decides everything that can be
     * refused (throwing {@link ApiException}) before it returns, since once the first byte is
     * out the status can no longer change.
     */
    @FunctionalInterface
    public interface StreamHandler {
        Body open(Request request);
    }

    /** Writes a streamed body; it may take long, and the bytes leave as they are written. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A 200 answer to be streamed: its media type, headers known before the body, and the body. */
    public record Body(String contentType, Map<String, String> headers, BodyWriter writer) {
        public Body {
            Objects.requireNonNull(contentType, "contentType");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(writer, "writer");
        }
    }

    /** How a route answers: one JSON document, or a stream. */
    public sealed interface Answer {
        /** The whole answer is one JSON document, built before it is sent. */
        record Json(Handler handler) implements Answer {
        }

        /** The answer is written while it is read, never held whole. */
        record Streamed(StreamHandler handler) implements Answer {
        }
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
        Objects.requireNonNull(answer, "answer");
    }

    /** A route answering with one JSON document. */
    public Route(String method, String template, Role role, Handler handler) {
        this(method, template, role, new Answer.Json(Objects.requireNonNull(handler, "handler")));
    }

    /** A route whose answer is streamed. */
    public static Route streaming(String method, String template, Role role, StreamHandler handler) {
        return new Route(method, template, role, new Answer.Streamed(Objects.requireNonNull(handler, "handler")));
    }

    Pattern pattern() {
        return Pattern.compile(template.replaceAll("\\{[a-z]+}", "([^/]+)"));
    }
}
