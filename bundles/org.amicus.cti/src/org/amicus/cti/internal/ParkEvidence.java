package org.amicus.cti.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.cti.ParkOutcome;
import org.amicus.cti.ParkOutcome.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The outcome of parking a channel from the PBX's {@code ParkedCall} event about it, completed on a thread of its
 * own, never on the dispatch thread; or {@link Result#TIMEOUT} if none comes within the limit.
 */
@Component(service = { AmiEventListener.class, ParkEvidence.class })
public class ParkEvidence implements AmiEventListener {

    private final Map<String, CompletableFuture<ParkOutcome>> waiting = new ConcurrentHashMap<>();
    private final ExecutorService handOff = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("amicus-cti-parking").daemon().factory());

    /**
     * Awaits the report that a channel is parked; call before parking it, as the report may come before the
     * response. The limit counts from {@link #started}.
     */
    CompletableFuture<ParkOutcome> expect(String parkeeId) {
        CompletableFuture<ParkOutcome> outcome = new CompletableFuture<>();
        waiting.put(parkeeId, outcome);
        outcome.whenComplete((done, failure) -> waiting.remove(parkeeId, outcome));
        return outcome;
    }

    /** The PBX accepted the park: its report must come within the limit. */
    void started(String parkeeId, String parkee, Duration limit) {
        CompletableFuture<ParkOutcome> outcome = waiting.get(parkeeId);
        if (outcome != null) {
            CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS, handOff)
                    .execute(() -> outcome.complete(new ParkOutcome(Result.TIMEOUT, parkee, "",
                            "the PBX reported nothing of the park within " + limit.toSeconds() + " s")));
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        if (!event.name().equals("ParkedCall") || waiting.isEmpty()) {
            return;
        }
        CompletableFuture<ParkOutcome> outcome = waiting.get(event.get("ParkeeUniqueid").orElse(""));
        if (outcome != null) {
            ParkOutcome parked = new ParkOutcome(Result.PARKED, event.get("ParkeeChannel").orElse(""),
                    event.get("ParkingSpace").orElse(""), "");
            handOff.execute(() -> outcome.complete(parked));
        }
    }

    @Deactivate
    void deactivate() {
        handOff.shutdown();
    }
}
