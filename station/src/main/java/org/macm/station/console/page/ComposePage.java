package org.macm.station.console.page;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.console.AuditTrail;
import org.macm.station.console.ConsoleRequest;
import org.macm.station.console.ConsoleRoute;
import org.macm.station.console.UiText;
import org.macm.station.console.page.ComposeInputs.Choice;
import org.macm.station.console.page.ComposeInputs.Input;
import org.macm.station.identity.Identity;
import org.macm.station.officer.Role;
import org.macm.station.traffic.ComposeException;
import org.macm.station.traffic.Composer;
import org.macm.template.Catalog;
import org.macm.template.FieldError;
import org.macm.template.FieldSpec;
import org.macm.template.Form;
import org.macm.template.Language;
import org.macm.template.RenderedMessage;
import org.macm.template.TemplateValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Compose page: an officer writes free text or fills one of the agreed forms, sees the
 * message as each side of the link will read it, and sends it. Composing goes through the
 * same {@link Composer} as {@code POST /api/v1/messages} and {@code macm send}, so a form is
 * checked by the catalog exactly as {@code macm template validate} checks it, and the message
 * is written with {@link Station#write} as the API writes it. {@code /compose?alert=ID} opens
 * the encounter notice the watch drafted for an alert, ready to check and send. The account
 * that sent a message is recorded in the console's {@link AuditTrail}.
 */
public final class ComposePage {
    /** Set after a send so that compose.js forgets the draft it kept for an expired session. */
    static final String SENT_COOKIE = "macm_compose_sent";
    private static final Logger LOG = LoggerFactory.getLogger(ComposePage.class);

    private final Station station;
    private final Catalog catalog;
    private final Composer composer;
    private final AuditTrail audit;

    public ComposePage(Station station, Catalog catalog, Composer composer, AuditTrail audit) {
        this.station = station;
        this.catalog = catalog;
        this.composer = composer;
        this.audit = audit;
    }

    public List<ConsoleRoute> routes() {
        return List.of(
                ConsoleRoute.get("/compose", Role.DUTY, this::page),
                ConsoleRoute.post("/compose/preview", Role.DUTY, this::preview),
                ConsoleRoute.post("/compose/send", Role.DUTY, this::send));
    }

    /** What the officer has chosen and typed so far. */
    record Draft(String peer, String precedence, String template, String text, String lang, String alert,
            Map<String, String> values) {
    }

    /** What composing the draft gave: the message, or errors by field name ({@code ""} for the whole message). */
    record Outcome(Optional<Composer.Composed> message, Map<String, List<String>> errors) {
    }

    private void page(ConsoleRequest r) {
        String template = Optional.ofNullable(r.ctx().queryParam("template")).orElse("").strip();
        String alert = Optional.ofNullable(r.ctx().queryParam("alert")).orElse("").strip();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<String, String> values = Map.of();
        String precedence = "";
        if (!alert.isEmpty()) {
            try {
                Composer.Composed notice = composer.draft(alert, Optional.empty());
                MessageContent.Template content = (MessageContent.Template) notice.content();
                template = content.id();
                precedence = notice.precedence().name();
                Form form = catalog.find(content.id(), content.version()).orElseThrow();
                values = ComposeValues.inputs(form, content.fields());
            } catch (ComposeException e) {
                errors.put("", List.of(r.text().format("compose.error.alert", alert, e.getMessage())));
                alert = "";
            }
        }
        if (!template.isEmpty() && catalog.latest(template).isEmpty()) {
            errors.put("", List.of(r.text().format("compose.error.noForm", template)));
            template = "";
        }
        Draft d = new Draft(onlyPeer(), precedence, template, "", "", alert, values);
        // A kept draft comes back on a plain /compose (or on its own form); a draft for an alert is the watch's.
        String restore = !alert.isEmpty() ? "" : r.ctx().queryParam("template") == null ? "fresh" : "restore:" + template;
        r.page("compose.jte", r.chrome("compose", "compose.title"), Map.of("view",
                view(r.text(), d, errors, List.of(), restore)));
    }

    private void preview(ConsoleRequest r) {
        Draft d = draft(r);
        Outcome o = compose(r.text(), d);
        List<Preview> previews = o.message().map(m -> previews(m.content())).orElse(List.of());
        ComposeView view = view(r.text(), d, o.errors(), previews, "keep");
        if (r.ctx().header("HX-Request") != null) {
            r.html("compose-body.jte", Map.of("view", view));
        } else {
            r.page("compose.jte", r.chrome("compose", "compose.title"), Map.of("view", view));
        }
    }

    private void send(ConsoleRequest r) {
        Draft d = draft(r);
        Outcome o = compose(r.text(), d);
        if (o.message().isEmpty()) {
            r.ctx().status(422);
            r.page("compose.jte", r.chrome("compose", "compose.title"), Map.of("view",
                    view(r.text(), d, o.errors(), List.of(), "keep")));
            return;
        }
        Composer.Composed m = o.message().get();
        StationId to = StationId.of(d.peer());
        SignedEntry e = station.write(to, new Body.Message(m.precedence(), m.content()));
        LOG.atInfo().addKeyValue("officer", r.officer().name()).addKeyValue("peer", to).addKeyValue("seq", e.seq())
                .addKeyValue("precedence", m.precedence()).log("console: message sent");
        audit.sent(r.officer(), station.id() + "/" + e.seq());
        r.ctx().cookie(new Cookie(SENT_COOKIE, "1", "/compose", -1, r.ctx().req().isSecure(), false, null,
                SameSite.STRICT));
        r.redirect("/messages/" + station.id() + "/" + e.seq());
    }

    private Draft draft(ConsoleRequest r) {
        Map<String, String> values = new LinkedHashMap<>();
        r.ctx().formParamMap().forEach((k, v) -> {
            if (k.startsWith(ComposeInputs.PREFIX) && !v.isEmpty()) {
                values.put(k, v.get(0));
            }
        });
        return new Draft(r.form("peer").strip(), r.form("precedence").strip(), r.form("template").strip(),
                r.form("text"), r.form("lang").strip(), r.form("alert").strip(), values);
    }

    /** Composes the draft as the API would; every problem is kept for the field it concerns. */
    private Outcome compose(UiText t, Draft d) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (peers().stream().noneMatch(p -> p.toString().equals(d.peer()))) {
            errors.computeIfAbsent("peer", k -> new ArrayList<>()).add(t.get("compose.error.peer"));
        }
        Optional<Precedence> precedence = Optional.empty();
        if (!d.precedence().isEmpty()) {
            try {
                precedence = Optional.of(Precedence.valueOf(d.precedence()));
            } catch (IllegalArgumentException e) {
                errors.computeIfAbsent("precedence", k -> new ArrayList<>()).add(t.get("compose.error.precedence"));
            }
        }
        Optional<Composer.Composed> message = Optional.empty();
        try {
            if (d.template().isEmpty()) {
                message = Optional.of(composer.freeText(d.text().replace("\r\n", "\n"), d.lang(), precedence));
            } else {
                Optional<Form> form = catalog.latest(d.template());
                if (form.isEmpty()) {
                    errors.computeIfAbsent("", k -> new ArrayList<>()).add(t.format("compose.error.noForm", d.template()));
                } else {
                    ObjectNode fields = ComposeValues.fields(form.get(), d.values());
                    message = Optional.of(composer.template(d.template(), fields, precedence));
                }
            }
        } catch (ComposeException e) {
            if (e.getCause() instanceof TemplateValidationException v) {
                Form form = catalog.latest(d.template()).orElseThrow();
                for (FieldError fe : v.errors()) {
                    String name = fe.path().split("[.\\[]", 2)[0];
                    String field = form.field(name).isPresent() ? name : ""; // shown above the form otherwise
                    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(t.format("compose.error.field",
                            fe.message()));
                }
            } else {
                errors.computeIfAbsent(d.template().isEmpty() ? "text" : "", k -> new ArrayList<>())
                        .add(t.format("compose.error.field", e.getMessage()));
            }
        }
        return errors.isEmpty() ? new Outcome(message, Map.of()) : new Outcome(Optional.empty(), errors);
    }

    /** The message as each language of the link reads it: Japanese, Chinese, and English where the catalog has it. */
    private List<Preview> previews(MessageContent content) {
        List<Preview> out = new ArrayList<>();
        for (Language l : List.of(Language.JA, Language.ZH_HANS, Language.EN)) {
            RenderedMessage m = catalog.render(content, l);
            out.add(new Preview(l.tag(), m.title(), m.body(), m.untranslated()));
        }
        return out;
    }

    /** One language's rendering of the message being composed. */
    public record Preview(String lang, String title, String body, boolean untranslated) {
    }

    /** Everything compose.jte shows; {@code restore} tells compose.js whether to bring back a kept draft. */
    public record ComposeView(UiText t, List<Choice> peers, String peer, List<Choice> precedences, String precedence,
            List<Choice> templates, String template, String formTitle, List<FieldView> fields, String text,
            Input lang, String alert, List<String> errors, Map<String, List<String>> fieldErrors,
            List<Preview> previews, String restore) {
        public List<String> errorsOf(String field) {
            return fieldErrors.getOrDefault(field, List.of());
        }

        public boolean free() {
            return template.isEmpty();
        }
    }

    /** One form field: its label in the officer's language, its inputs, and what the catalog said about it. */
    public record FieldView(String name, String label, boolean required, List<ComposeInputs.Group> groups,
            List<String> errors) {
    }

    private ComposeView view(UiText t, Draft d, Map<String, List<String>> errors, List<Preview> previews,
            String restore) {
        ComposeInputs inputs = new ComposeInputs(catalog.vocabulary(), t);
        Optional<Form> form = d.template().isEmpty() ? Optional.empty() : catalog.latest(d.template());
        List<FieldView> fields = new ArrayList<>();
        form.ifPresent(f -> {
            for (FieldSpec spec : f.fields()) {
                fields.add(new FieldView(spec.name(), spec.label().in(t.language()), spec.required(),
                        inputs.groups(spec.name(), spec.type(), d.values()), errors.getOrDefault(spec.name(), List.of())));
            }
        });
        String precedence = !d.precedence().isEmpty() ? d.precedence()
                : form.map(f -> f.precedence().name()).orElse(Precedence.ROUTINE.name());
        List<Choice> precedences = new ArrayList<>();
        for (Precedence p : Precedence.values()) {
            precedences.add(new Choice(p.name(), t.get("compose.precedence." + p.name())));
        }
        List<Choice> templates = new ArrayList<>();
        templates.add(new Choice("", t.get("compose.freeText")));
        catalog.forms().stream().map(Form::id).distinct().forEach(id -> templates.add(new Choice(id,
                catalog.latest(id).orElseThrow().title().in(t.language()) + " (" + id + ")")));
        return new ComposeView(t, peers().stream().map(p -> new Choice(p.toString(), p.toString())).toList(),
                d.peer(), precedences, precedence, templates, d.template(),
                form.map(f -> f.title().in(t.language()) + " · " + f.key()).orElse(""), fields, d.text(),
                inputs.languageSelect("lang", t.get("compose.language"), Map.of("lang", d.lang()), t.language()),
                d.alert(), errors.getOrDefault("", List.of()), errors, previews, restore);
    }

    private List<StationId> peers() {
        return station.peers().all().stream().map(Identity::station).toList();
    }

    /** The peer to preselect: the only one, when the station has one. */
    private String onlyPeer() {
        List<StationId> all = peers();
        return all.size() == 1 ? all.get(0).toString() : "";
    }
}
