package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.Writer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
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
 * objects (one of a sealed set of records names itself first, {@code "record": "Circle"}),
 * lists as arrays, instants in ISO-8601. Each record type is looked at once: every component gets
 * an accessor adapted to its exact type (so an {@code int} is read as an {@code int}, not
 * boxed) and its name pre-encoded, because {@code macm ais decode} writes a million
 * messages in a few seconds and the per-field cost is most of it.
 */
final class RecordJson {
    private static final SerializableString RECORD = new SerializedString("record");
    /** Marks a record type that is written without a name (looked up once per type, like its components). */
    private static final SerializableString NO_NAME = new SerializedString("");

    private final Map<Class<?>, Component[]> components = new ConcurrentHashMap<>();
    private final Map<Class<?>, SerializableString> recordNames = new ConcurrentHashMap<>();

    /** How a component's value is read and written; decided once from its declared type. */
    private enum Kind { INT, LONG, DOUBLE, BOOLEAN, STRING, OPTIONAL_INT, OPTIONAL_LONG, OPTIONAL_DOUBLE, OBJECT }

    /** A component: its name, pre-encoded, and its accessor adapted to {@code (Record) -> type}. */
    private record Component(String name, SerializableString key, Kind kind, MethodHandle accessor) {
    }

    /**
     * A generator for a decode command's output: objects one after another, separated by a
     * line end; one object a line when {@code oneLine}, else indented. Closing it leaves
     * {@code out} open (the command's own output).
     */
    static JsonGenerator objects(Writer out, boolean oneLine) throws IOException {
        JsonGenerator g = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build().createGenerator(out);
        g.setRootValueSeparator(new SerializedString("\n"));
        if (!oneLine) {
            g.useDefaultPrettyPrinter();
        }
        return g;
    }

    public void write(JsonGenerator g, Record r) throws IOException {
        g.writeStartObject();
        writeFields(g, r, null);
        g.writeEndObject();
    }

    /** Writes the fields of {@code r} into the object being written. */
    public void writeFields(JsonGenerator g, Record r) throws IOException {
        writeFields(g, r, null);
    }

    /** Writes the fields of {@code r} except the one named {@code omit} (none when null). */
    public void writeFields(JsonGenerator g, Record r, String omit) throws IOException {
        for (Component c : components(r.getClass())) {
            if (c.name().equals(omit)) {
                continue;
            }
            try {
                writeField(g, c, r);
            } catch (IOException e) {
                throw e;
            } catch (Throwable t) {
                throw new StationException("cannot read field " + c.name() + " of " + r.getClass().getSimpleName(), t);
            }
        }
    }

    private void writeField(JsonGenerator g, Component c, Record r) throws Throwable {
        MethodHandle a = c.accessor();
        switch (c.kind()) {
            case INT -> {
                g.writeFieldName(c.key());
                g.writeNumber((int) a.invokeExact(r));
            }
            case LONG -> {
                g.writeFieldName(c.key());
                g.writeNumber((long) a.invokeExact(r));
            }
            case DOUBLE -> {
                g.writeFieldName(c.key());
                g.writeNumber((double) a.invokeExact(r));
            }
            case BOOLEAN -> {
                g.writeFieldName(c.key());
                g.writeBoolean((boolean) a.invokeExact(r));
            }
            case STRING -> {
                String s = (String) a.invokeExact(r);
                if (s != null) {
                    g.writeFieldName(c.key());
                    g.writeString(s);
                }
            }
            case OPTIONAL_INT -> {
                OptionalInt i = (OptionalInt) a.invokeExact(r);
                if (i.isPresent()) {
                    g.writeFieldName(c.key());
                    g.writeNumber(i.getAsInt());
                }
            }
            case OPTIONAL_LONG -> {
                OptionalLong l = (OptionalLong) a.invokeExact(r);
                if (l.isPresent()) {
                    g.writeFieldName(c.key());
                    g.writeNumber(l.getAsLong());
                }
            }
            case OPTIONAL_DOUBLE -> {
                OptionalDouble d = (OptionalDouble) a.invokeExact(r);
                if (d.isPresent()) {
                    g.writeFieldName(c.key());
                    g.writeNumber(d.getAsDouble());
                }
            }
            case OBJECT -> writeObjectField(g, c.key(), (Object) a.invokeExact(r));
        }
    }

    private void writeObjectField(JsonGenerator g, SerializableString key, Object value) throws IOException {
        switch (value) {
            case null -> {
                // Records here never hold null; nothing to write.
            }
            case Optional<?> o -> {
                if (o.isPresent()) {
                    writeObjectField(g, key, o.get());
                }
            }
            case OptionalDouble d -> {
                if (d.isPresent()) {
                    g.writeFieldName(key);
                    g.writeNumber(d.getAsDouble());
                }
            }
            case OptionalInt i -> {
                if (i.isPresent()) {
                    g.writeFieldName(key);
                    g.writeNumber(i.getAsInt());
                }
            }
            case OptionalLong l -> {
                if (l.isPresent()) {
                    g.writeFieldName(key);
                    g.writeNumber(l.getAsLong());
                }
            }
            default -> {
                g.writeFieldName(key);
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
            case Record r -> {
                g.writeStartObject();
                SerializableString name = recordNames.computeIfAbsent(r.getClass(), RecordJson::recordName);
                if (!name.getValue().isEmpty()) {
                    // which of a closed set of shapes this is (an area notice's circle or polygon, which
                    // application a binary message holds) is not told by its fields alone
                    g.writeFieldName(RECORD);
                    g.writeString(name);
                }
                writeFields(g, r, null);
                g.writeEndObject();
            }
            case List<?> list -> {
                g.writeStartArray();
                for (Object element : list) {
                    writeValue(g, element);
                }
                g.writeEndArray();
            }
            default -> g.writeString(value.toString());
        }
    }

    /** The name a record of {@code type} is written with: its simple name if it is one of a sealed interface's records. */
    private static SerializableString recordName(Class<?> type) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.isSealed()) {
                return new SerializedString(type.getSimpleName());
            }
        }
        return NO_NAME;
    }

        private Component[] components(Class<?> type) {
        return components.computeIfAbsent(type, t -> {
            RecordComponent[] rc = t.getRecordComponents();
            Component[] out = new Component[rc.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (int i = 0; i < rc.length; i++) {
                Class<?> declared = rc[i].getType();
                Kind kind = kindOf(declared);
                Class<?> read = kind == Kind.OBJECT ? Object.class : declared;
                try {
                    MethodHandle accessor = lookup.unreflect(rc[i].getAccessor())
                            .asType(MethodType.methodType(read, Record.class));
                    out[i] = new Component(rc[i].getName(), new SerializedString(rc[i].getName()), kind, accessor);
                } catch (IllegalAccessException e) {
                    throw new StationException("cannot read records of type " + t.getName(), e);
                }
            }
            return out;
        });
    }

    private static Kind kindOf(Class<?> type) {
        if (type == int.class) {
            return Kind.INT;
        } else if (type == long.class) {
            return Kind.LONG;
        } else if (type == double.class) {
            return Kind.DOUBLE;
        } else if (type == boolean.class) {
            return Kind.BOOLEAN;
        } else if (type == String.class) {
            return Kind.STRING;
        } else if (type == OptionalInt.class) {
            return Kind.OPTIONAL_INT;
        } else if (type == OptionalLong.class) {
            return Kind.OPTIONAL_LONG;
        } else if (type == OptionalDouble.class) {
            return Kind.OPTIONAL_DOUBLE;
        }
        return Kind.OBJECT;
    }
}
