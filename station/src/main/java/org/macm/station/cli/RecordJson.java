package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.macm.station.StationException;

/**
 * Writes decoded records as JSON, field by field in declaration order: an absent optional
 * is left out (never written as a sentinel number), enums by name, nested records as
 * objects, instants in ISO-8601. Accessors are looked up once per record type, so writing a
 * million messages costs no reflection beyond a method-handle call per field.
 */
final class RecordJson {
    private final Map<Class<?>, Component[]> components = new ConcurrentHashMap<>();

    private record Component(String name, MethodHandle accessor) {
    }

    public void write(JsonGenerator g, Record r) throws IOException {
        g.writeStartObject();
        writeFields(g, r);
        g.writeEndObject();
    }

    /** Writes the fields of {@code r} into the object being written. */
    public void writeFields(JsonGenerator g, Record r) throws IOException {
        for (Component c : components(r.getClass())) {
            Object value;
            try {
                value = c.accessor().invoke(r);
            } catch (Throwable t) {
                throw new StationException("cannot read field " + c.name() + " of " + r.getClass().getSimpleName(), t);
            }
            writeField(g, c.name(), value);
        }
    }

    private void writeField(JsonGenerator g, String name, Object value) throws IOException {
        switch (value) {
            case null -> {
                // Records here never hold null; nothing to write.
            }
            case Optional<?> o -> {
                if (o.isPresent()) {
                    writeField(g, name, o.get());
                }
            }
            case OptionalDouble d -> {
                if (d.isPresent()) {
                    g.writeNumberField(name, d.getAsDouble());
                }
            }
            case OptionalInt i -> {
                if (i.isPresent()) {
                    g.writeNumberField(name, i.getAsInt());
                }
            }
            case OptionalLong l -> {
                if (l.isPresent()) {
                    g.writeNumberField(name, l.getAsLong());
                }
            }
            default -> {
                g.writeFieldName(name);
                writeValue(g, value);
            }
        }
    }

    private void writeValue(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case Boolean b -> g.writeBoolean(b);
            case String s -> g.writeString(s);
            case Enum<?> e -> g.writeString(e.name());
            case Instant t -> g.writeString(t.toString());
            case Record r -> write(g, r);
            default -> g.writeString(value.toString());
        }
    }

    private Component[] components(Class<?> type) {
        return components.computeIfAbsent(type, t -> {
            RecordComponent[] rc = t.getRecordComponents();
            Component[] out = new Component[rc.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (int i = 0; i < rc.length; i++) {
                try {
                    out[i] = new Component(rc[i].getName(), lookup.unreflect(rc[i].getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new StationException("cannot read records of type " + t.getName(), e);
                }
            }
            return out;
        });
    }
}
