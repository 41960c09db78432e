package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A field value, parsed and checked against its type. Code that fills a form (the encounter
 * watch, the console) builds these and calls {@link #toJson()} to put them into the signed
 * {@code fields} object, so the JSON shapes documented in {@code docs/TEMPLATES.md} are
 * produced in one place. Each value is declared beside its type
 * ({@link PositionType.Position}, {@link DurationType.Span}, {@link AreaType.Circle}, ...).
 */
public interface FieldValue {

    /** The value as it goes into the signed {@code fields} object. */
    JsonNode toJson();
}
