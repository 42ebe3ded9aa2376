package org.amicus.cti.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Who waits for a registry's next check against the PBX: those who ask before a listing is sent wait for the next one
 * sent, then for that listing to be complete (or abandoned). Not thread safe: the registry guards it with its lock.
 *
 * @param <S> the registry's snapshot
 */
final class ResyncWaiters<S> {

    private final List<CompletableFuture<S>> forListing = new ArrayList<>();
    private final List<CompletableFuture<S>> forNextListing = new ArrayList<>();

    CompletableFuture<S> next() {
        CompletableFuture<S> next = new CompletableFuture<>();
        forNextListing.add(next);
        return next;
    }

    /** A listing is sent: who waited for the next one waits for it. */
    void listingSent() {
        forListing.addAll(forNextListing);
        forNextListing.clear();
    }

    /** The listing sent is complete or abandoned: who waited for it, to be told. */
    List<CompletableFuture<S>> takeListed() {
        List<CompletableFuture<S>> listed = List.copyOf(forListing);
        forListing.clear();
        return listed;
    }
}
