package org.amicus.cti.hub;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.amicus.cti.CtiException;

/**
 * Why a desktop cannot connect to the hub, e.g. "The hub refused the user alice or its password": worded in the
 * user's language by {@link #getLocalizedMessage()} or {@link #message(Locale)}; its {@link #getMessage()} stays
 * English, for logs.
 */
public final class HubConnectException extends IOException {

    private static final long serialVersionUID = 1L;

    private final CtiException words;

    HubConnectException(CtiException words, Throwable cause) {
        super(words.getMessage(), cause);
        this.words = words;
    }

    /** The key of its words in org.amicus.cti's messages, e.g. {@code hubRefusedLogin} or {@code hubUnreachable}. */
    public Optional<String> key() {
        return words.key();
    }

    public String message(Locale locale) {
        return words.message(locale);
    }

    @Override
    public String getLocalizedMessage() {
        return words.getLocalizedMessage();
    }
}
