package org.amicus.cti.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Turns "my phone answered" into the outcome of the action run on it, from what the PBX shows of that action: a
 * {@code Pickup}, a {@code ChanSpyStart}, an {@code UnParkedCall}, a {@code PLAYBACKSTATUS}, or my channel hanging up
 * without any. Events are matched by the originate's channel id. They may come before the originate's outcome is
 * known, so while an action awaits its evidence the latest events about channels are kept (a bounded number).
 */
@Component(service = { AmiEventListener.class, ActionEvidence.class })
public class ActionEvidence implements AmiEventListener {

    /** How many channels' events are kept while actions await their evidence. */
    private static final int KEPT_CHANNELS = 256;

    /** What an action counts as its evidence. */
    interface Proof {
        /**
         * The outcome this event about my channel proves, or empty if it proves nothing.
         *
         * @param answered my phone's answer, the outcome when the action is proven
         */
        Optional<OriginateOutcome> judge(AmiEvent event, OriginateOutcome answered);
    }

    private final Map<String, List<AmiEvent>> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<AmiEvent>> eldest) {
            return size() > KEPT_CHANNELS;
        }
    };
    private final Map<String, Waiter> waiters = new LinkedHashMap<>();
    /** Where outcomes complete: what callers chain on them runs there. */
    private final ExecutorService handOff = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("amicus-cti-callbacks").daemon().factory());
    /** Actions sent whose evidence is not in yet. */
    private int pending;

    /**
     * Sends an originate and completes with the outcome of its action: my phone's outcome if it did not answer;
     * otherwise what the proof makes of the PBX's events, or {@link Result#TIMEOUT} if none proves anything within
     * the limit.
     */
    CompletableFuture<OriginateOutcome> confirm(Supplier<CompletableFuture<OriginateOutcome>> originate, Proof proof,
            Duration limit) {
        synchronized (this) {
            pending++;
        }
        CompletableFuture<OriginateOutcome> answered;
        try {
            answered = originate.get();
        } catch (RuntimeException refused) {
            settled(null);
            throw refused;
        }
        CompletableFuture<OriginateOutcome> outcome = new CompletableFuture<>();
        answered.whenComplete((mine, failure) -> {
            if (failure != null) {
                settled(null);
                outcome.completeExceptionally(failure);
            } else if (mine.result() != Result.ANSWERED) {
                settled(null);
                outcome.complete(mine);
            } else {
                await(new Waiter(mine, proof, outcome), limit);
            }
        });
        return outcome;
    }

    private void await(Waiter waiter, Duration limit) {
        String channelId = waiter.answered.channelId();
        synchronized (this) {
            for (AmiEvent event : recent.getOrDefault(channelId, List.of())) {
                if (proven(waiter, event)) {
                    settled(channelId);
                    return;
                }
            }
            waiters.put(channelId, waiter);
        }
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS, handOff).execute(() -> {
            synchronized (this) {
                if (waiters.remove(channelId, waiter)) {
                    settled(channelId);
                    waiter.outcome.complete(new OriginateOutcome(Result.TIMEOUT, channelId, null,
                            "the PBX showed nothing of the action within " + limit.toSeconds() + " s"));
                }
            }
        });
    }

    @Override
    public void onEvent(AmiEvent event) {
        String channelId = subject(event);
        if (channelId == null) {
            return;
        }
        synchronized (this) {
            if (pending == 0) {
                return;
            }
            Waiter waiter = waiters.get(channelId);
            if (waiter == null) {
                recent.computeIfAbsent(channelId, id -> new ArrayList<>()).add(event);
            } else if (proven(waiter, event)) {
                waiters.remove(channelId);
                settled(channelId);
            }
        }
    }

    /** The channel an event tells about, if it is one that may prove an action. */
    private static String subject(AmiEvent event) {
        return switch (event.name()) {
            case "Pickup", "Hangup" -> event.get("Uniqueid").orElse(null);
            case "ChanSpyStart" -> event.get("SpyerUniqueid").orElse(null);
            case "UnParkedCall" -> event.get("RetrieverUniqueid").orElse(null);
            case "VarSet" -> event.get("Variable").filter("PLAYBACKSTATUS"::equals)
                    .flatMap(variable -> event.get("Uniqueid")).orElse(null);
            default -> null;
        };
    }

    /**
     * Whether the event proves the waiter's action; if so, its outcome completes on a thread of its own, never on the
     * dispatch thread that delivers events, which a caller's continuation must not hold up.
     */
    private boolean proven(Waiter waiter, AmiEvent event) {
        Optional<OriginateOutcome> proven = waiter.proof.judge(event, waiter.answered);
        proven.ifPresent(outcome -> handOff.execute(() -> waiter.outcome.complete(outcome)));
        return proven.isPresent();
    }

    @Deactivate
    void deactivate() {
        handOff.shutdown();
    }

    /** One action fewer awaits its evidence; its channel's events are no longer needed. */
    private synchronized void settled(String channelId) {
        pending--;
        if (channelId != null) {
            recent.remove(channelId);
        }
        if (pending == 0) {
            recent.clear();
        }
    }

    private record Waiter(OriginateOutcome answered, Proof proof, CompletableFuture<OriginateOutcome> outcome) {
    }
}
