package org.amicus.cti;

import java.util.Objects;

/**
 * A caller id or connected line: number and name, each empty when the PBX does not know it.
 *
 * @param number e.g. "105"
 * @param name   e.g. "Customer"
 */
public record Party(String number, String name) {

    public static final Party UNKNOWN = new Party("", "");

    /** From AMI values, where "&lt;unknown&gt;" means not known. */
    public static Party ofAmi(String number, String name) {
        return new Party(known(number), known(name));
    }

    private static String known(String value) {
        return value == null || value.equals("<unknown>") ? "" : value;
    }

    /** As a record's own; written out for the same reason as {@link Channel#equals}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Party that && Objects.equals(number, that.number) && Objects.equals(name, that.name);
    }

    /** For a person, e.g. {@code "Customer" <105>}, or just the number or name when only one is known. */
    public String describe() {
        if (name.isEmpty() || name.equals(number)) {
            return number;
        }
        return number.isEmpty() ? name : "\"" + name + "\" <" + number + ">";
    }
}
