package org.waypoint.notification.alert.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudEvent read as plain data: id, type, time and its {@code data} as nested maps and lists,
 * so rules can be configuration ("data.newStatus is RED") rather than code per event type.
 * Paths are dot-separated ({@code data.line.holder}); {@code a|b} takes the first present.
 */
public record EventFacts(String id, String type, Instant time, Map<String, Object> data) {

    public EventFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        data = data == null ? Map.of() : data;
    }

    /** The value at a path as text, or null when absent or not a scalar. */
    public String text(String path) {
        if (path == null) {
            return null;
        }
        for (String alternative : path.split("\\|")) {
            Object value = value(alternative.trim());
            if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                return String.valueOf(value);
            }
        }
        return null;
    }

    /** The scalar values at a path: one for a scalar, each element for a list, none when absent. */
    public List<String> values(String path) {
        Object value = value(path);
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Objects::nonNull).map(String::valueOf).forEach(values::add);
        } else if (value != null && !(value instanceof Map)) {
            values.add(String.valueOf(value));
        }
        return values;
    }

    /**
     * The people at a path: an object {@code {name, username, email}} or a list of them.
     *
     * @throws InvalidEventException when something else is there
     */
    public List<PersonRef> people(String path) {
        Object value = value(path);
        List<PersonRef> people = new ArrayList<>();
        if (value == null) {
            return people;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> person)) {
                throw new InvalidEventException(path + " should name people as {name, username, email}, found: " + item);
            }
            people.add(new PersonRef(string(person.get("name")), string(person.get("username")), string(person.get("email"))));
        }
        return people;
    }

    /** The raw value at a path: {@code id}, {@code type}, {@code time} or {@code data.<...>}. */
    public Object value(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        switch (path) {
            case "id": return id;
            case "type": return type;
            case "time": return time == null ? null : time.toString();
            default: break;
        }
        if (!path.startsWith("data.")) {
            return null;
        }
        Object current = data;
        for (String part : path.substring("data.".length()).split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
