package org.amicus.cti;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * An agent action that cannot be done, with a message to show the agent, e.g. "… is no longer ringing". One made
 * {@link #of(String, Object...) of a key} is worded in the agent's language by {@link #getLocalizedMessage()} (the
 * workstation's locale) or {@link #message(Locale)}; its {@link #getMessage()} stays English, for logs.
 */
public class CtiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] arguments;

    /** A failure in words given as they are, in no particular language. */
    public CtiException(String message) {
        super(message);
        this.key = null;
        this.arguments = new Object[0];
    }

    private CtiException(String key, Object[] arguments) {
        super(Words.of(Locale.ROOT, key, arguments));
        this.key = key;
        this.arguments = arguments.clone();
    }

    /**
     * A failure worded by the key of its message in this bundle's {@code OSGI-INF/l10n/bundle*.properties}, e.g.
     * {@code CtiException.of("noLongerRinging", "PJSIP/104-0000001c")}.
     *
     * @throws MissingResourceException if there is no such key
     */
    public static CtiException of(String key, Object... arguments) {
        return new CtiException(key, arguments);
    }

    /** The key of its message, if it was made of one. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The arguments of its message, in the order of its {@code {0}}, {@code {1}}… */
    public List<Object> arguments() {
        return arguments == null ? List.of() : List.of(arguments);
    }

    /** Its message in the language of {@code locale}, English where that has no words for it. */
    public String message(Locale locale) {
        return key == null || arguments == null ? getMessage() : Words.of(locale, key, arguments);
    }

    /** Its message in the workstation's language. */
    @Override
    public String getLocalizedMessage() {
        return message(Locale.getDefault());
    }
}
