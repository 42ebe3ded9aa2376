package org.amicus.cti.ui.parts;

import java.util.concurrent.CompletionException;

/**
 * What to tell an agent about a failure: its message in the agent's language where it has one, never a stack trace or a
 * wrapper's name.
 */
public final class Failures {

    private Failures() {
    }

    public static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getLocalizedMessage() : cause.getClass().getSimpleName();
    }
}
