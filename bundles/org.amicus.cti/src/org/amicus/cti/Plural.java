package org.amicus.cti;

/**
 * Picks the plural form of a message for a count, for every bundle that words counts: "one|other" (English, German)
 * or "one|few|many" (Russian and other Slavic languages); a message with one form has it for every count.
 */
public final class Plural {

    private Plural() {
    }

    /** The form of {@code forms} for {@code n}, e.g. "{0} вызова" of "{0} вызов|{0} вызова|{0} вызовов" for 2. */
    public static String form(String forms, long n) {
        String[] form = forms.split("\\|");
        int index = switch (form.length) {
            case 1 -> 0;
            case 2 -> n == 1 ? 0 : 1;
            default -> n % 10 == 1 && n % 100 != 11 ? 0
                    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;
        };
        return form[index];
    }
}
