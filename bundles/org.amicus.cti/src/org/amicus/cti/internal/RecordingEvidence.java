package org.amicus.cti.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.cti.CtiException;
import org.amicus.cti.RecordingState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The recording state of each channel from the PBX's {@code MixMonitorStart}, {@code MixMonitorStop} and
 * {@code MixMonitorMute} events, and the requests awaiting one: completed on a thread of their own, never on the
 * dispatch thread, or failed if no event comes within the limit.
 */
@Component(service = { AmiEventListener.class, RecordingEvidence.class })
public class RecordingEvidence implements AmiEventListener {

    private record Waiter(Predicate<RecordingState> awaited, CompletableFuture<RecordingState> outcome) {
    }

    private final Map<String, RecordingState> states = new ConcurrentHashMap<>();
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final ExecutorService handOff = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("amicus-cti-recordings").daemon().factory());

    /** What the PBX last reported of a channel's recording: not recorded if nothing. */
    RecordingState state(String channelId, String channel) {
        return states.getOrDefault(channelId, new RecordingState(channelId, channel, false, false));
    }

    Optional<RecordingState> reported(String channelId) {
        return Optional.ofNullable(states.get(channelId));
    }

    /**
     * Sends a request about a channel's recording and completes once the PBX reports the state awaited. The waiter is
     * set before sending, as the event may come before the response.
     */
    CompletableFuture<RecordingState> confirm(String channelId, Predicate<RecordingState> awaited,
            Supplier<CompletableFuture<?>> request, Duration limit, String what) {
        CompletableFuture<RecordingState> outcome = new CompletableFuture<>();
        if (waiting.putIfAbsent(channelId, new Waiter(awaited, outcome)) != null) {
            return CompletableFuture.failedFuture(CtiException.of("recordingUnderWay"));
        }
        outcome.whenComplete((done, failure) -> waiting.remove(channelId));
        request.get().whenComplete((response, failure) -> {
            if (failure != null) {
                handOff.execute(() -> outcome.completeExceptionally(
                        failure instanceof CompletionException wrapped ? wrapped.getCause() : failure));
            } else {
                CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS, handOff)
                        .execute(() -> outcome.completeExceptionally(CtiException.of(
                                "recordingNotShown", what, limit.toSeconds())));
            }
        });
        return outcome;
    }

    @Override
    public void onEvent(AmiEvent event) {
        String channelId = event.get("Uniqueid").orElse("");
        RecordingState before = state(channelId, event.get("Channel").orElse(""));
        RecordingState now = switch (event.name()) {
            case "MixMonitorStart" -> new RecordingState(channelId, before.channel(), true, false);
            case "MixMonitorStop" -> new RecordingState(channelId, before.channel(), false, false);
            case "MixMonitorMute" -> new RecordingState(channelId, before.channel(), true,
                    event.get("State").filter(state -> state.matches("(?i)1|yes|true|on")).isPresent());
            case "Hangup" -> {
                states.remove(channelId);
                yield null;
            }
            default -> null;
        };
        if (now == null) {
            return;
        }
        states.put(channelId, now);
        Waiter waiter = waiting.get(channelId);
        if (waiter != null && waiter.awaited().test(now)) {
            handOff.execute(() -> waiter.outcome().complete(now));
        }
    }

    @Deactivate
    void deactivate() {
        handOff.shutdown();
    }
}
