package org.amicus.cti.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.amicus.cti.CtiException;
import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;

/**
 * Awaits the PBX's evidence of a queue action: for each queue it acts on, a change of the member that shows it done
 * (e.g. a {@code QueueMemberPause} with the reason). Listens to the registry from before the action is sent until
 * every queue has shown it, or the limit has passed.
 */
final class QueueEvidence implements QueueListener {

    private final QueueRegistry registry;
    private final String device;
    private final Predicate<QueueChange> proof;
    private final Map<String, QueueMember> shown = new LinkedHashMap<>();
    private final Set<String> queues;
    private final CompletableFuture<List<QueueMember>> done = new CompletableFuture<>();
    private final Executor handOff;

    private QueueEvidence(QueueRegistry registry, String device, Set<String> queues, Predicate<QueueChange> proof,
            Executor handOff) {
        this.registry = registry;
        this.handOff = handOff;
        this.device = device;
        this.queues = queues;
        this.proof = proof;
    }

    /**
     * Starts listening for the evidence, to be given within the limit; completes with the members as shown, one per
     * queue in the given order, or fails with a {@link CtiException} saying what the PBX did not show. It completes on
     * the hand-off executor, never on the dispatch thread that delivers the evidence, which a caller's continuation
     * must not hold up.
     */
    static QueueEvidence await(QueueRegistry registry, String device, Set<String> queues, Predicate<QueueChange> proof,
            String what, Duration limit, Executor handOff) {
        QueueEvidence evidence = new QueueEvidence(registry, device, queues, proof, handOff);
        registry.addListener(evidence);
        evidence.done.whenComplete((members, failure) -> registry.removeListener(evidence));
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS, handOff).execute(() -> evidence.done
                .completeExceptionally(CtiException.of("queueNotShown", what, limit.toSeconds(),
                        evidence.missing())));
        return evidence;
    }

    CompletableFuture<List<QueueMember>> members() {
        return done;
    }

    /** The action was not sent, or was refused: nothing to wait for. */
    void fail(Throwable failure) {
        done.completeExceptionally(failure);
    }

    @Override
    public synchronized void queuesChanged(List<QueueChange> changes) {
        for (QueueChange change : changes) {
            if (change.member() != null && change.member().device().equals(device) && queues.contains(change.queue())
                    && proof.test(change)) {
                shown.put(change.queue(), change.member());
            }
        }
        if (shown.keySet().containsAll(queues)) {
            List<QueueMember> members = new ArrayList<>();
            queues.forEach(queue -> members.add(shown.get(queue)));
            List<QueueMember> shownDone = List.copyOf(members);
            handOff.execute(() -> done.complete(shownDone));
        }
    }

    private synchronized List<String> missing() {
        return queues.stream().filter(queue -> !shown.containsKey(queue)).toList();
    }
}
