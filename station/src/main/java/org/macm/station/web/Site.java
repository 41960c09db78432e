package org.macm.station.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * One face of the station's web server with a listener of its own: the local API (token,
 * JSON) or the duty-officer console (session, HTML). {@link WebServer} hands each request to
 * the site whose listener it arrived on, so that the API token never opens the console and a
 * console session never opens the API: each site checks its own credentials and knows
 * nothing of the other's.
 */
public interface Site {
    /** A short name for the listener and for messages: {@code api}, {@code console}. */
    String name();

    /** Where the site listens; port 0 takes any free port. */
    InetSocketAddress address();

    /** HTTPS settings when the site is served over TLS. */
    default Optional<SslContextFactory.Server> tls() {
        return Optional.empty();
    }

    /** Adds the site's routes. They are reachable only after {@link #guard} let a request through. */
    void install(RoutesConfig routes);

    /** Runs before every request on this site's listener, matched or not: throws or halts to refuse it. */
    void guard(Context ctx);

    /** Answers a request of this site that failed with {@code e}. */
    void failed(Exception e, Context ctx);

    /** Answers a request of this site that matched no route (after {@link #guard} passed it). */
    void notFound(Context ctx);
}
