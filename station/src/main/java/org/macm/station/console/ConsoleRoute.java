package org.macm.station.console;

import java.util.Objects;
import org.macm.station.officer.Role;

/**
 * One console route: method, path (Javalin's syntax, {@code /messages/{id}}), the least role
 * that may use it, and its handler. The role is required, so no route is open by default;
 * the console's guard has already checked the session and, for a form, its CSRF token.
 */
public record ConsoleRoute(String method, String path, Role role, Handler handler) {
    /** Answers one request of a logged-in officer. */
    @FunctionalInterface
    public interface Handler {
        void handle(ConsoleRequest request) throws Exception;
    }

    public ConsoleRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role: every console route declares who may use it");
        Objects.requireNonNull(handler, "handler");
    }

    public static ConsoleRoute get(String path, Role role, Handler handler) {
        return new ConsoleRoute("GET", path, role, handler);
    }

    public static ConsoleRoute post(String path, Role role, Handler handler) {
        return new ConsoleRoute("POST", path, role, handler);
    }
}
