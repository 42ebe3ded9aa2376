package org.amicus.ami;

import java.util.Locale;
import java.util.function.Function;

/**
 * A value typed into a form (a profile's port, an agent's device) that cannot be used, with the reason in the
 * reader's language: {@link #getMessage()} stays English, for logs and scripts; {@link #getLocalizedMessage()}
 * follows the workstation's locale; {@link #message(Locale)} any other.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Function<Locale, String> words;

    /** @param words the reason in a language; English for {@link Locale#ROOT} */
    public InvalidInputException(Function<Locale, String> words) {
        super(words.apply(Locale.ROOT));
        this.words = words;
    }

    /** The reason in the language of {@code locale}, English where that has no words for it. */
    public String message(Locale locale) {
        return words == null ? getMessage() : words.apply(locale);
    }

    /** The reason in the workstation's language. */
    @Override
    public String getLocalizedMessage() {
        return message(Locale.getDefault());
    }
}
