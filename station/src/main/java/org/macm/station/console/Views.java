package org.macm.station.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The console's HTML templates ({@code station/src/main/jte}), compiled to Java at build time
 * by the jte Maven plugin: a template that does not type-check fails the build, and every
 * {@code ${…}} is escaped for where it stands (text, attribute), so that text from the peer
 * is shown, never run.
 */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "org.macm.station.console.view");

    /** Renders {@code template} (a path under src/main/jte, e.g. {@code traffic.jte}) with its parameters. */
    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }
}
