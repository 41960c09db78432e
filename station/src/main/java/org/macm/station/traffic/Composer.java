package org.macm.station.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.macm.core.MacmException;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.station.StationException;
import org.macm.station.watch.WatchService;
import org.macm.template.Catalog;
import org.macm.template.Form;
import org.macm.template.TemplateValidationException;

/**
 * Turns what an officer asked to send into a message and its precedence, in one of three ways:
 * the encounter notice drafted for an alert, an agreed form with its fields, or free text in a
 * stated language. The precedence is the officer's if given, else the default of the way:
 * the form's own, IMMEDIATE for a draft (an encounter in progress), ROUTINE for free text.
 * Nothing is written here; the caller hands the result to the station.
 */
public final class Composer {
    private final Catalog catalog;
    private final Optional<WatchService> watch;

    public Composer(Catalog catalog, Optional<WatchService> watch) {
        this.catalog = catalog;
        this.watch = watch;
    }

    /** A composed message and the precedence it goes out with. */
    public record Composed(MessageContent content, Precedence precedence) {
    }

    /** The encounter notice drafted for alert {@code alertId} of the running watch. */
    public Composed draft(String alertId, Optional<Precedence> precedence) {
        WatchService w = watch.orElseThrow(() -> new ComposeException(
                "this station runs no encounter watch ([watch] in station.toml), so it has no drafts"));
        MessageContent content;
        try {
            content = w.notice(alertId);
        } catch (StationException e) {
            throw new ComposeException(e.getMessage(), true, e);
        }
        return new Composed(content, precedence.orElse(Precedence.IMMEDIATE));
    }

    /** Form {@code templateId} (its latest version) filled with {@code fields}, validated by the catalog. */
    public Composed template(String templateId, ObjectNode fields, Optional<Precedence> precedence) {
        Form form = catalog.latest(templateId).orElseThrow(() -> new ComposeException("no form '" + templateId
                + "' in the catalog; see 'macm template list'"));
        MessageContent content;
        try {
            content = catalog.message(templateId, fields);
        } catch (TemplateValidationException e) {
            throw new ComposeException(e.getMessage(), false, e);
        }
        return new Composed(content, precedence.orElse(form.precedence()));
    }

    /** Free text as written, in language {@code lang} (a tag such as en or zh-Hans); shown untranslated. */
    public Composed freeText(String text, String lang, Optional<Precedence> precedence) {
        MessageContent content;
        try {
            content = new MessageContent.FreeText(lang, text);
        } catch (MacmException e) {
            throw new ComposeException(e.getMessage(), false, e);
        }
        return new Composed(content, precedence.orElse(Precedence.ROUTINE));
    }
}
