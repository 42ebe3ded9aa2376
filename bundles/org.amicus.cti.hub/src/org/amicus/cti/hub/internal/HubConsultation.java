package org.amicus.cti.hub.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.Consultation;
import org.amicus.cti.hub.ConsultationStart;

/**
 * A consultation the hub holds for this user. Its end, when the target ends it (busy, no answer, hung up), is asked
 * of the hub again and again, each request held by the hub at most {@link ConsultationStart#OUTCOME_POLL}; it ends
 * exceptionally when the hub cannot be asked.
 */
final class HubConsultation implements Consultation {

    /** Asks the hub one of the consultation's operations; completes with its outcome, {@code null} for none yet. */
    interface Asker {
        CompletableFuture<AttendedTransferOutcome> ask(String operation);
    }

    private final Asker hub;
    private final ConsultationStart start;
    private final CompletableFuture<AttendedTransferOutcome> outcome = new CompletableFuture<>();

    HubConsultation(Asker hub, ConsultationStart start) {
        this.hub = hub;
        this.start = start;
        awaitOutcome();
    }

    @Override
    public String transferee() {
        return start.transferee();
    }

    @Override
    public String target() {
        return start.target();
    }

    @Override
    public CompletableFuture<AttendedTransferOutcome> complete() {
        return hub.ask("completeTransfer");
    }

    @Override
    public CompletableFuture<AttendedTransferOutcome> cancel() {
        return hub.ask("cancelTransfer");
    }

    @Override
    public CompletableFuture<AttendedTransferOutcome> outcome() {
        return outcome.copy();
    }

    private void awaitOutcome() {
        hub.ask("transferOutcome").whenComplete((ended, failure) -> {
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else if (ended == null) {
                awaitOutcome(); // the consultation goes on
            } else {
                outcome.complete(ended);
            }
        });
    }
}
