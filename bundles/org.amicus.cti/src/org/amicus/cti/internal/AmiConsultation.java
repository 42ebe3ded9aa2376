package org.amicus.cti.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.Consultation;
import org.amicus.cti.CtiActions;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;

/** A consultation my channel holds: completed by hanging it up, cancelled with {@code CancelAtxfer}. */
final class AmiConsultation implements Consultation {

    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);

    private final AmiConnection connection;
    private final ConsultationEvidence evidence;
    private final ConsultationTrack track;
    private final String transferer;

    AmiConsultation(AmiConnection connection, ConsultationEvidence evidence, ConsultationTrack track,
            String transferer) {
        this.connection = connection;
        this.evidence = evidence;
        this.track = track;
        this.transferer = transferer;
    }

    @Override
    public String transferee() {
        return track.transferee;
    }

    @Override
    public String target() {
        return track.target;
    }

    @Override
    public CompletableFuture<AttendedTransferOutcome> complete() {
        return request(new HangupAction(transferer));
    }

    @Override
    public CompletableFuture<AttendedTransferOutcome> cancel() {
        track.cancelRequested();
        return request(new CancelAtxferAction(transferer));
    }

    @Override
    public CompletableFuture<AttendedTransferOutcome> outcome() {
        return track.outcome.copy();
    }

    /** Sends the request unless the consultation has ended; a refusal because it just ended gives that outcome. */
    private CompletableFuture<AttendedTransferOutcome> request(ManagerAction action) {
        if (track.outcome.isDone()) {
            return outcome();
        }
        return connection.send(action, ACTION_TIMEOUT)
                .thenCompose(accepted -> {
                    evidence.requested(track, CtiActions.TRANSFER_LIMIT);
                    return outcome();
                })
                .exceptionallyCompose(failure -> track.outcome.isDone() ? outcome()
                        : CompletableFuture.failedFuture(failure));
    }
}
