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
import org.amicus.cti.TransferOutcome;
import org.amicus.cti.TransferOutcome.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The outcome of a transfer from the PBX's {@code BlindTransfer} event about my channel, completed on a thread of its
 * own, never on the dispatch thread; or {@link Result#TIMEOUT} if none comes within the limit.
 */
@Component(service = { AmiEventListener.class, TransferEvidence.class })
public class TransferEvidence implements AmiEventListener {

    private final Map<String, CompletableFuture<TransferOutcome>> waiting = new ConcurrentHashMap<>();
    private final ExecutorService handOff = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("amicus-cti-transfers").daemon().factory());

    /**
     * Awaits the report of a transfer by my channel; call before sending it, as the report may come before the
     * response. The limit counts from {@link #started}.
     */
    CompletableFuture<TransferOutcome> expect(String transfererId) {
        CompletableFuture<TransferOutcome> outcome = new CompletableFuture<>();
        waiting.put(transfererId, outcome);
        outcome.whenComplete((done, failure) -> waiting.remove(transfererId, outcome));
        return outcome;
    }

    /** The PBX accepted the transfer: its report must come within the limit. */
    void started(String transfererId, String destination, Duration limit) {
        CompletableFuture<TransferOutcome> outcome = waiting.get(transfererId);
        if (outcome != null) {
            CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS, handOff)
                    .execute(() -> outcome.complete(new TransferOutcome(Result.TIMEOUT, "", destination,
                            "the PBX reported nothing of the transfer within " + limit.toSeconds() + " s")));
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        if (!event.name().equals("BlindTransfer") || waiting.isEmpty()) {
            return;
        }
        CompletableFuture<TransferOutcome> outcome = waiting.get(event.get("TransfererUniqueid").orElse(""));
        if (outcome == null) {
            return;
        }
        String result = event.get("Result").orElse("");
        TransferOutcome reported = new TransferOutcome(
                result.equalsIgnoreCase("Success") ? Result.TRANSFERRED : Result.FAILED,
                event.get("TransfereeChannel").orElse(""),
                event.get("Extension").orElse("") + "@" + event.get("Context").orElse(""),
                result.equalsIgnoreCase("Success") ? "" : result);
        handOff.execute(() -> outcome.complete(reported));
    }

    @Deactivate
    void deactivate() {
        handOff.shutdown();
    }
}
