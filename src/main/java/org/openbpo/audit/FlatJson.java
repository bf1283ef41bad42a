package org.openbpo.audit;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.UUID;

/**
 * The JSON text of a flat map (text, whole-number and true/false values), written directly, as
 * most records' before and after are ({@code {"state": "open"}}); character for character what
 * Jackson writes for the same map, at a fraction of its cost per call. Anything else is left to
 * Jackson.
 */
final class FlatJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FlatJson() {
    }

    /** The map's JSON text, or null when a key or value is not one this writes. */
    static @Nullable String write(Map<?, ?> map) {
        StringBuilder json = new StringBuilder(16 + 32 * map.size()).append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                return null;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            quoted(json, key).append(':');
            switch (entry.getValue()) {
                case null -> json.append("null");
                case String text -> quoted(json, text);
                case UUID id -> json.append('"').append(id).append('"');
                case Boolean flag -> json.append(flag.booleanValue());
                case Integer number -> json.append(number.intValue());
                case Long number -> json.append(number.longValue());
                default -> {
                    return null;
                }
            }
        }
        return json.append('}').toString();
    }

    /** A JSON string as Jackson escapes it: quote and backslash, and control characters (short forms where JSON has them). */
    private static StringBuilder quoted(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
