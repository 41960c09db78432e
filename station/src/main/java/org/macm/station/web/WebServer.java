package org.macm.station.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.macm.station.StationException;

/**
 * The station's one embedded HTTP server (Javalin on Jetty 12): one listener per {@link Site},
 * each request handed to the site whose listener it came in on (with TLS when the site asks
 * for it). Requests run on virtual threads; {@link #close()} stops gracefully.
 */
public final class WebServer implements AutoCloseable {
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final Javalin app;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<Integer, Site> byPort = new HashMap<>();
    private final Map<String, InetSocketAddress> bound = new HashMap<>();

    public WebServer(List<Site> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a web server needs at least one site");
        }
        list.forEach(s -> sites.put(s.name(), s));
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            // Jetty's default listener is made only when none is added: every site adds its own.
            for (Site site : list) {
                config.jetty.addConnector((server, http) -> {
                    ServerConnector c = site.tls()
                            .map(tls -> new ServerConnector(server, tls, new HttpConnectionFactory(http)))
                            .orElseGet(() -> new ServerConnector(server, new HttpConnectionFactory(http)));
                    c.setName(site.name());
                    // The literal address, not a name: "localhost" could resolve to ::1 instead of 127.0.0.1.
                    c.setHost(site.address().getAddress() == null ? site.address().getHostString()
                            : site.address().getAddress().getHostAddress());
                    c.setPort(site.address().getPort());
                    return c;
                });
            }
            config.routes.before(ctx -> siteOf(ctx).guard(ctx));
            for (Site site : list) {
                site.install(config.routes);
            }
            config.routes.exception(Exception.class, (e, ctx) -> siteOf(ctx).failed(e, ctx));
            config.routes.error(404, ctx -> {
                // No route matched (the guard, a before-handler, is always in the list): the site's own 404 page.
                if (ctx.endpoints().list().stream().noneMatch(e -> e.method.isHttpMethod())) {
                    siteOf(ctx).notFound(ctx);
                }
            });
        });
    }

    /** Opens every listener; throws (with nothing left listening) when one cannot be opened. */
    public WebServer start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause(); // Jetty wraps the JDK's BindException ("Address already in use")
            }
            throw new StationException("cannot open the web server on " + addresses() + ": " + cause.getMessage()
                    + " (is another station using that port? set [api] listen or [console] listen in station.toml)", e);
        }
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof NetworkConnector n) {
                String name = c.getName();
                Site site = sites.get(name);
                byPort.put(n.getLocalPort(), site);
                bound.put(name, new InetSocketAddress(site.address().getAddress(), n.getLocalPort()));
            }
        }
        return this;
    }

    private String addresses() {
        return sites.values().stream().map(s -> s.name() + " " + s.address()).toList().toString();
    }

    private Site siteOf(Context ctx) {
        Site site = byPort.get(ctx.req().getLocalPort());
        if (site == null) {
            throw new IllegalStateException("request on an unknown listener, port " + ctx.req().getLocalPort());
        }
        return site;
    }

    /** The address {@code site} listens on, with the port it bound (when the config asked for port 0). */
    public InetSocketAddress address(String site) {
        InetSocketAddress a = bound.get(site);
        if (a == null) {
            throw new IllegalStateException("the web server is not started or has no site " + site);
        }
        return a;
    }

    /** Stops the server gracefully: requests in flight finish. Safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
        }
    }
}
