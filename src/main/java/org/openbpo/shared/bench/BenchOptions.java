package org.openbpo.shared.bench;

import java.util.Map;

/** Options given on the command line as {@code --set key=value}; each benchmark names its own. */
public record BenchOptions(Map<String, String> values) {

    public BenchOptions {
        values = Map.copyOf(values);
    }

    public int integer(String key, int fallback) {
        String value = values.get(key);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
