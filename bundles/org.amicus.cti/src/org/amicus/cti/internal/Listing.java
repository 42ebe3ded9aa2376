package org.amicus.cti.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.CtiException;
import org.asteriskjava.manager.action.ManagerAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry's check against the PBX: sends the listing (its answer arrives as events, in order with all others) and
 * keeps who waits for it. Those who ask before a listing is sent wait for the next one sent, then for it to be
 * complete or abandoned. When the PBX does not list, the registry follows its events alone: the problem is kept
 * for {@code resyncProblem()} and those who waited are failed with it. The state is the lock for the waiters.
 *
 * @param <S> the registry's snapshot
 */
final class Listing<S> {

    private static final Logger LOG = LoggerFactory.getLogger(Listing.class);

    private final String name;
    private final ListedState state;
    private final Duration timeout;
    private final Executor notices;
    private final AtomicInteger count = new AtomicInteger();
    private final List<CompletableFuture<S>> forListing = new ArrayList<>();
    private final List<CompletableFuture<S>> forNextListing = new ArrayList<>();
    /** Why the last listing failed, as the PBX or the connection said it; null after one that did not. */
    private volatile String failed;

    /**
     * @param name what is listed, in the ActionIDs and the problem's words ("parked calls")
     * @param notices where those who waited for a listing that failed are told
     */
    Listing(String name, ListedState state, Duration timeout, Executor notices) {
        this.name = name;
        this.state = state;
        this.timeout = timeout;
        this.notices = notices;
    }

    /** Who waits for the next listing; the caller holds the state's lock. */
    CompletableFuture<S> next() {
        CompletableFuture<S> next = new CompletableFuture<>();
        forNextListing.add(next);
        return next;
    }

    /** The listing sent is complete: who waited for it, to be told. The caller holds the state's lock. */
    List<CompletableFuture<S>> takeListed() {
        List<CompletableFuture<S>> listed = List.copyOf(forListing);
        forListing.clear();
        return listed;
    }

    Optional<String> problem() {
        return problem(Locale.ROOT);
    }

    Optional<String> problem(Locale locale) {
        String detail = failed;
        return Optional.ofNullable(detail == null ? null
                : CtiException.of("cannotList." + name.replace(' ', '-'), detail).message(locale));
    }

    void send(AmiConnection connection, ManagerAction listing) {
        String actionId = "amicus-" + name.replace(' ', '-') + "-" + count.incrementAndGet();
        synchronized (state) {
            state.expectListing(actionId);
            forListing.addAll(forNextListing);
            forNextListing.clear();
        }
        listing.setActionId(actionId);
        connection.sendList(listing, timeout).whenComplete((events, failure) -> {
            if (failure == null) {
                failed = null;
                return;
            }
            failed = String.valueOf(failure.getMessage());
            LOG.warn(problem().orElseThrow());
            List<CompletableFuture<S>> abandoned = List.of();
            synchronized (state) {
                if (state.abandonListing(actionId)) {
                    abandoned = takeListed();
                }
            }
            List<CompletableFuture<S>> waiting = abandoned;
            notices.execute(() -> waiting.forEach(future -> future.completeExceptionally(failure)));
        });
    }
}
