package org.amicus.ami.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.regex.Pattern;

import org.asteriskjava.manager.action.ManagerAction;

/**
 * Checks values before they become AMI header values. A control character, above all CR or LF, would end the header
 * and let the rest of the value inject headers or whole actions of its own.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** The value, if it is not blank and holds no control character; otherwise an error naming the field. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return singleLine(field, value);
    }

    /** The value (which may be empty), if it holds no control character; otherwise an error naming the field. */
    public static String singleLine(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(
                        field + " must not contain control characters (found " + String.format("U+%04X", (int) c)
                                + " at position " + i + ")");
            }
        }
        return value;
    }

    /**
     * Checks every value an asterisk-java action would send: each string property, and the keys and values of each
     * map property (channel variables), since asterisk-java writes them as headers unchecked.
     */
    public static void checkAction(ManagerAction action) {
        for (Method getter : action.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String field = action.getAction() + " " + getter.getName().substring(3);
            Object value = valueOf(getter, action);
            if (value instanceof String text) {
                singleLine(field, text);
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, entry) -> {
                    singleLine(field, String.valueOf(key));
                    singleLine(field + " " + key, String.valueOf(entry));
                });
            }
        }
    }

    private static Object valueOf(Method getter, ManagerAction action) {
        try {
            return getter.invoke(action);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + getter.getName() + " of " + action.getAction(), e);
        }
    }

    /** The value, if it is a single line that matches the shape; otherwise an error with an example. */
    public static String shaped(String field, String value, Pattern shape, String example) {
        required(field, value);
        if (!shape.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " \"" + value + "\" is not valid: expected something like "
                    + example);
        }
        return value;
    }
}
