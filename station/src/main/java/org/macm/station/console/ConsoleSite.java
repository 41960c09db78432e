package org.macm.station.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.macm.core.log.EntryCodec;
import org.macm.station.config.ConsoleConfig;
import org.macm.station.officer.Officer;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.officer.WrongPasswordException;
import org.macm.station.web.Site;
import org.macm.store.LogStore;
import org.macm.template.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duty-officer console, one {@link Site} of the station's web server. Every request
 * passes {@link #guard} first: apart from the login page and its stylesheet, nothing is
 * served without a live session (deny by default, unknown paths too), and a form or htmx
 * request that changes anything must carry the session's CSRF token. Every answer carries a
 * strict Content-Security-Policy (no inline script, no framing) so that text from the peer,
 * escaped by the templates, could not run even if it slipped through.
 */
public final class ConsoleSite implements Site {
    static final String SESSION_COOKIE = "macm_session";
    static final String LOGIN_COOKIE = "macm_login";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; media-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSite.class);
    private static final String REQUEST = "macm.console.request";
    /** What {@link ConsoleSessions#secret()} makes: 256 bits, URL-safe base64. */
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ConsoleConfig config;
    private final String station;
    private final OfficerRegistry officers;
    private final ConsoleSessions sessions;
    private final LoginThrottle throttle;
    private final Views views;
    private final Map<Language, Map<String, String>> texts;
    private final ConsoleEvents events;
    private final ConsoleAlarms alarms;
    private final Supplier<Optional<LogStore.Failure>> storeFailure;
    private final List<ConsoleRoute> pages;
    private final Optional<SslContextFactory.Server> tls;

    public ConsoleSite(ConsoleConfig config, String station, OfficerRegistry officers, ConsoleSessions sessions,
            LoginThrottle throttle, Views views, Map<Language, Map<String, String>> texts, ConsoleEvents events,
            ConsoleAlarms alarms, Supplier<Optional<LogStore.Failure>> storeFailure, List<ConsoleRoute> pages,
            Optional<SslContextFactory.Server> tls) {
        this.config = config;
        this.station = station;
        this.officers = officers;
        this.sessions = sessions;
        this.throttle = throttle;
        this.views = views;
        this.texts = texts;
        this.events = events;
        this.alarms = alarms;
        this.storeFailure = storeFailure;
        this.pages = List.copyOf(pages);
        this.tls = tls;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public InetSocketAddress address() {
        return config.listen();
    }

    @Override
    public Optional<SslContextFactory.Server> tls() {
        return tls;
    }

    /** The routes every console has (login, logout, assets, events, alarms) and then the pages'. */
    public List<ConsoleRoute> routes() {
        List<ConsoleRoute> all = new ArrayList<>(List.of(
                ConsoleRoute.get("/events", Role.DUTY, this::stream),
                ConsoleRoute.get("/alarms", Role.DUTY, r -> r.html("alarms.jte", Map.of("chrome", r.chrome("", "common.title")))),
                ConsoleRoute.post("/alarms/{id}/dismiss", Role.DUTY, this::dismiss)));
        all.addAll(pages);
        return List.copyOf(all);
    }

    @Override
    public void install(RoutesConfig config) {
        config.get("/login", this::loginPage);
        config.post("/login", this::login);
        config.post("/logout", this::logout);
        config.get("/assets/{name}", ctx -> {
            if (!Assets.serve(ctx.pathParam("name"), ctx)) {
                notFound(ctx);
            }
        });
        for (ConsoleRoute route : routes()) {
            config.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(), ctx -> {
                ConsoleRequest r = ctx.attribute(REQUEST);
                if (r == null) {
                    throw new IllegalStateException("console route ran without the guard");
                }
                if (r.officer().role().compareTo(route.role()) < 0) {
                    throw ConsoleRefusal.status(403, "common.error.forbidden", r.chrome("", "common.title").role());
                }
                route.handler().handle(r);
            });
        }
    }

    @Override
    public void guard(Context ctx) {
        headers(ctx);
        String path = ctx.path();
        boolean login = path.equals("/login");
        if (login || (path.startsWith("/assets/") && Assets.isPublic(path.substring("/assets/".length())))) {
            return;
        }
        String id = ctx.cookie(SESSION_COOKIE);
        boolean stream = path.equals("/events");
        Optional<ConsoleSession> session = stream ? sessions.peek(id) : sessions.use(id);
        if (session.isEmpty()) {
            // After logging in again the officer comes back to the page they asked for (a form's
            // POST cannot be replayed: the page it came from keeps its draft in the browser).
            String next = returnTo(ctx, stream).map(p -> "next=" + URLEncoder.encode(p, StandardCharsets.UTF_8)).orElse("");
            String to = "/login" + (id != null ? "?expired" + (next.isEmpty() ? "" : "&" + next)
                    : next.isEmpty() ? "" : "?" + next);
            if (ctx.header("HX-Request") != null || stream) {
                ctx.header("HX-Redirect", to);
                throw ConsoleRefusal.status(401, "common.login.title");
            }
            throw ConsoleRefusal.redirect(to);
        }
        ConsoleSession s = session.get();
        // An account disabled (or removed) while logged in loses its session at its next request.
        Optional<Officer> now = officers.find(s.officer().name()).filter(Officer::enabled);
        if (now.isEmpty()) {
            sessions.end(s.id());
            LOG.warn("console: session of officer '{}' ended: the account is disabled or gone", s.officer().name());
            throw ConsoleRefusal.redirect("/login?expired");
        }
        if (path.equals("/logout") || !reads(ctx)) {
            String sent = Optional.ofNullable(ctx.formParam("csrf")).orElse(ctx.header(CSRF_HEADER));
            if (!same(sent, s.csrf())) {
                LOG.warn("console: {} {} by officer '{}' refused: missing or wrong CSRF token", ctx.method(), path,
                        s.officer().name());
                throw ConsoleRefusal.status(403, "common.error.csrf");
            }
        }
        if (path.startsWith("/api/")) {
            throw ConsoleRefusal.status(404, "common.error.notFound"); // the API lives on its own listener
        }
        ctx.attribute(REQUEST, new ConsoleRequest(ctx, s, text(s.officer()), this));
    }

    @Override
    public void failed(Exception e, Context ctx) {
        if (e instanceof ConsoleRefusal r) {
            r.location().ifPresentOrElse(to -> {
                ctx.status(303);
                ctx.header("Location", to);
                ctx.result("");
            }, () -> error(ctx, r.status(), r.textKey(), r.args()));
            return;
        }
        Optional<LogStore.Failure> store = storeFailure.get();
        if (store.isPresent()) {
            LOG.warn("console request {} {} failed while the store is failing: {}", ctx.method(), ctx.path(),
                    e.getMessage());
            error(ctx, 503, "common.error.store", EntryCodec.formatTime(store.get().since()), store.get().message());
            return;
        }
        LOG.error("console request {} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "common.error.internal");
    }

    @Override
    public void notFound(Context ctx) {
        error(ctx, 404, "common.error.notFound");
    }

    Views views() {
        return views;
    }

    ConsoleSessions sessions() {
        return sessions;
    }

    Chrome chrome(ConsoleSession s, UiText t, String active, String title) {
        return new Chrome(t, station, s.officer(), s.csrf(), active, title, alarms.active(), events.lastId());
    }

    /** The texts an officer reads: their own language, else the station's, in their zone. */
    UiText text(Officer officer) {
        Language l = officer.language().orElse(config.language());
        return UiText.of(l, config.zoneFor(l), texts);
    }

    private UiText stationText() {
        return UiText.of(config.language(), config.zoneFor(config.language()), texts);
    }

    private void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    private void error(Context ctx, int status, String key, Object... args) {
        String id = ctx.cookie(SESSION_COOKIE);
        Optional<ConsoleSession> s = sessions.peek(id);
        UiText t = s.map(x -> text(x.officer())).orElseGet(this::stationText);
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(views.render("error.jte", Map.of("t", t, "station", station, "message", t.format(key, args),
                "loggedIn", s.isPresent())));
    }

    private void loginPage(Context ctx) {
        // The browser's ticket is kept when it has one: a second GET of this page (another tab,
        // or the favicon request that the guard sends here) must not make the open form stale.
        String ticket = Optional.ofNullable(ctx.cookie(LOGIN_COOKIE)).filter(t -> TICKET.matcher(t).matches())
                .orElseGet(sessions::secret);
        ctx.cookie(cookie(LOGIN_COOKIE, ticket, "/login", -1));
        UiText t = stationText();
        String notice = "";
        if (ctx.queryParam("expired") != null) {
            notice = t.format("common.login.expired", sessions.idleTimeout().toMinutes());
        } else if (ctx.queryParam("bye") != null) {
            notice = t.get("common.login.loggedOut");
        }
        renderLogin(ctx, 200, t, ticket, notice, "", safeNext(ctx.queryParam("next")));
    }

    private void renderLogin(Context ctx, int status, UiText t, String csrf, String notice, String error, String next) {
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(views.render("login.jte", Map.of("t", t, "station", station, "csrf", csrf, "notice", notice,
                "error", error, "next", next)));
    }

    private void login(Context ctx) {
        String ticket = ctx.cookie(LOGIN_COOKIE);
        String csrf = ctx.formParam("csrf");
        if (ticket == null || !same(csrf, ticket)) {
            LOG.warn("console: login from {} refused: missing or wrong CSRF token", ctx.ip());
            throw ConsoleRefusal.status(403, "common.error.csrf");
        }
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String next = safeNext(ctx.formParam("next"));
        UiText t = stationText();
        Optional<Instant> locked = throttle.lockedOut(name, ctx.ip());
        if (locked.isPresent()) {
            renderLogin(ctx, 429, t, ticket, "", t.format("common.login.locked", t.local(locked.get())), next);
            return;
        }
        Officer officer;
        String typed = Optional.ofNullable(ctx.formParam("password")).orElse("");
        // No account has a longer password; such a guess is simply wrong (and not hashed at length).
        char[] chars = (typed.length() > Password.MAX_LENGTH ? "" : typed).toCharArray();
        try (Password password = Password.of(chars)) {
            officer = officers.authenticate(name, password);
        } catch (WrongPasswordException e) {
            throttle.failed(name, ctx.ip());
            LOG.info("console: failed login for account '{}' from {}", name.length() > 40 ? name.substring(0, 40) : name,
                    ctx.ip());
            renderLogin(ctx, 401, t, ticket, "", t.get("common.login.wrong"), next);
            return;
        }
        throttle.succeeded(name);
        // A new id at every login: an id planted in the browser before login is worth nothing.
        sessions.end(ctx.cookie(SESSION_COOKIE));
        ConsoleSession s = sessions.open(officer);
        ctx.cookie(cookie(LOGIN_COOKIE, "", "/login", 0));
        ctx.cookie(cookie(SESSION_COOKIE, s.id(), "/", -1));
        LOG.info("console: officer '{}' ({}) logged in from {}", officer.name(), officer.role().word(), ctx.ip());
        throw ConsoleRefusal.redirect(next);
    }

    private void logout(Context ctx) {
        ConsoleRequest r = ctx.attribute(REQUEST);
        sessions.end(r.session().id());
        ctx.cookie(cookie(SESSION_COOKIE, "", "/", 0));
        LOG.info("console: officer '{}' logged out", r.officer().name());
        throw ConsoleRefusal.redirect("/login?bye");
    }

    private void stream(ConsoleRequest r) {
        long last = 0;
        String header = r.ctx().header("Last-Event-ID");
        String query = r.ctx().queryParam("since");
        String from = header != null ? header : query;
        if (from != null) {
            try {
                last = Long.parseLong(from.strip());
            } catch (NumberFormatException e) {
                last = 0;
            }
        }
        long since = last;
        new io.javalin.http.sse.SseHandler(0, client -> events.serve(client, since)).handle(r.ctx());
    }

    private void dismiss(ConsoleRequest r) {
        long id;
        try {
            id = Long.parseLong(r.ctx().pathParam("id"));
        } catch (NumberFormatException e) {
            throw ConsoleRefusal.status(404, "common.error.notFound");
        }
        alarms.dismiss(id);
        LOG.info("console: officer '{}' dismissed alarm {}", r.officer().name(), id);
        if (r.ctx().header("HX-Request") != null) {
            // The banner is replaced at once, without waiting for the event stream (which may be down).
            r.html("alarms.jte", Map.of("chrome", r.chrome("", "common.title")));
            return;
        }
        r.redirect("/");
    }

    private Cookie cookie(String name, String value, String path, int maxAge) {
        return new Cookie(name, value, path, maxAge, tls.isPresent(), true, null, SameSite.STRICT);
    }

    /** Only a path on this console: "/x", never "//host" or "http:…" (no open redirect). */
    private static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    /** GET and HEAD change nothing, so they need no CSRF token; every other method does. */
    private static boolean reads(Context ctx) {
        String m = ctx.method().name();
        return m.equals("GET") || m.equals("HEAD");
    }

    /**
     * The page to come back to after logging in again: the page itself for a GET, the page that
     * asked for a fragment for htmx (its {@code HX-Current-URL}); none for the traffic page
     * (where login leads anyway), the event stream or a form's POST.
     */
    private static Optional<String> returnTo(Context ctx, boolean stream) {
        String page = null;
        if (ctx.header("HX-Request") != null) {
            try {
                java.net.URI current = java.net.URI.create(Optional.ofNullable(ctx.header("HX-Current-URL")).orElse(""));
                page = current.getRawPath() == null || current.getRawPath().isEmpty() ? null
                        : current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
            } catch (IllegalArgumentException e) {
                page = null;
            }
        } else if (reads(ctx) && !stream) {
            page = pathAndQuery(ctx);
        }
        return Optional.ofNullable(page).filter(p -> !p.equals("/"));
    }

    private static String pathAndQuery(Context ctx) {
        return ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    }

    private static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
