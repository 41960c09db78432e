package org.macm.template;

import java.util.Objects;

/**
 * A message as one reader sees it.
 *
 * @param language     the language it was rendered in
 * @param title        the form's title, or a title saying the form is unknown
 * @param body         the text, lines separated by {@code \n}, no trailing line break
 * @param untranslated some text in it is shown as written in another language (free text)
 * @param raw          the fields are shown as received because this station's catalog has no
 *                     such form or version, or they do not fit it; the console should say so
 */
public record RenderedMessage(Language language, String title, String body, boolean untranslated, boolean raw) {
    public RenderedMessage {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** Title, a blank line, body: the text a console or a printout shows. */
    public String text() {
        return title + "\n\n" + body;
    }
}
