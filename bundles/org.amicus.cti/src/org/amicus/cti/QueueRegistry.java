package org.amicus.cti;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The PBX's queues, their waiting callers and their members, built from its events and set right from
 * {@code QueueStatus} after every login and after any loss of events. The AMI user needs read permission "agent" for
 * the events. Available as an OSGi service.
 */
public interface QueueRegistry {

    /** The queues now. Cheap to call often: the snapshot is made once per change. */
    QueueSnapshot snapshot();

    /** Why the registry cannot check itself against the PBX; empty when it can. It then follows events alone. */
    Optional<String> resyncProblem();

    /** {@link #resyncProblem()} in the language of {@code locale}, as far as this registry words it. */
    default Optional<String> resyncProblem(Locale locale) {
        return resyncProblem();
    }

    /**
     * Completes with the queues once the registry has next checked them against the PBX: after the next login, or after
     * events were lost. Completes exceptionally if that check cannot be done.
     */
    CompletableFuture<QueueSnapshot> nextResync();

    void addListener(QueueListener listener);

    void removeListener(QueueListener listener);
}
