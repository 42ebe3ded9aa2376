package org.amicus.cti.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.amicus.cti.CtiException;

/** Agent actions refuse bad input before anything is sent, and say so the way they say everything: in the future. */
final class Attempts {

    private Attempts() {
    }

    /** Turns a refusal found before anything is sent into a failed future, as the caller expects. */
    static <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> action) {
        try {
            return action.get();
        } catch (CtiException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new CtiException(e.getMessage()));
        }
    }
}
