package org.amicus.ami.internal;

import java.util.regex.Pattern;

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
