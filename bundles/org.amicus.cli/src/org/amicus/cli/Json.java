package org.amicus.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object, written on one line. Values are strings, numbers, booleans, {@code null} or nested objects. The
 * text is pure ASCII (everything else is escaped), so it reads the same whatever the terminal's encoding.
 */
final class Json {

    private final Map<String, Object> members = new LinkedHashMap<>();

    /** Adds a member; a value of another type than those above is written as its string. */
    Json put(String name, Object value) {
        members.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (text.length() > 1) {
                text.append(',');
            }
            quote(name, text);
            text.append(':');
            if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Json) {
                text.append(value);
            } else {
                quote(value.toString(), text);
            }
        });
        return text.append('}').toString();
    }

    /** Appends the string as a JSON string literal. */
    static void quote(String value, StringBuilder to) {
        to.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> to.append("\\\"");
                case '\\' -> to.append("\\\\");
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                case '\t' -> to.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        to.append(String.format("\\u%04x", (int) c)); // a pair's two halves each, as JSON wants
                    } else {
                        to.append(c);
                    }
                }
            }
        }
        to.append('"');
    }
}
