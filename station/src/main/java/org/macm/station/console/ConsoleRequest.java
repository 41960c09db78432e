package org.macm.station.console;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.macm.station.officer.Officer;

/**
 * One request of a logged-in officer, as a page handler sees it: the Javalin context, the
 * session, the officer's texts, and {@link #page} to answer with a template inside the
 * console's frame.
 */
public final class ConsoleRequest {
    private final Context ctx;
    private final ConsoleSession session;
    private final UiText text;
    private final ConsoleSite site;

    ConsoleRequest(Context ctx, ConsoleSession session, UiText text, ConsoleSite site) {
        this.ctx = ctx;
        this.session = session;
        this.text = text;
        this.site = site;
    }

    public Context ctx() {
        return ctx;
    }

    public ConsoleSession session() {
        return session;
    }

    public Officer officer() {
        return session.officer();
    }

    public UiText text() {
        return text;
    }

    /** The frame for a page: {@code active} is its menu entry ({@code traffic}, {@code map}…), {@code titleKey} a UiText key. */
    public Chrome chrome(String active, String titleKey) {
        return site.chrome(session, text, active, text.get(titleKey));
    }

    /** Answers with {@code template} (200, HTML); {@code params} are its parameters besides {@code chrome}. */
    public void page(String template, Chrome chrome, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("chrome", chrome);
        html(template, all);
    }

    /** Answers with a template that is not a whole page (an htmx fragment), with exactly {@code params}. */
    public void html(String template, Map<String, Object> params) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(site.views().render(template, params));
    }

    /** Sends the browser on to {@code path} (303: a form's answer is a GET of the next page). */
    public void redirect(String path) {
        ctx.status(303);
        ctx.header("Location", path);
        ctx.result("");
    }

    /** The form field {@code name}, or empty text. */
    public String form(String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }
}
