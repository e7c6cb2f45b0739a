package dev.gatehouse.local.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP headers: names matched without regard to case, kept as first written, values in order. */
public final class Headers {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(String name, List<String> values) {
    }

    public Headers add(String name, String value) {
        entries.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Entry(name, new ArrayList<>())).values().add(value);
        return this;
    }

    /** Replaces every value of the header. */
    public Headers set(String name, String value) {
        entries.remove(name.toLowerCase(Locale.ROOT));
        return add(name, value);
    }

    public Headers remove(String name) {
        entries.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** The first value, or null. */
    public String first(String name) {
        Entry entry = entries.get(name.toLowerCase(Locale.ROOT));
        return entry == null ? null : entry.values().get(0);
    }

    /** The last value, or null (API Gateway's single-value view keeps the last). */
    public String last(String name) {
        Entry entry = entries.get(name.toLowerCase(Locale.ROOT));
        return entry == null ? null : entry.values().get(entry.values().size() - 1);
    }

    public List<String> all(String name) {
        Entry entry = entries.get(name.toLowerCase(Locale.ROOT));
        return entry == null ? List.of() : Collections.unmodifiableList(entry.values());
    }

    public boolean contains(String name) {
        return entries.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Header names as first written, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        entries.values().forEach(e -> names.add(e.name()));
        return names;
    }

    /** Name as first written to all values. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        entries.values().forEach(e -> map.put(e.name(), List.copyOf(e.values())));
        return map;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
