package org.amicus.cti;

import java.util.concurrent.CompletableFuture;

/**
 * An attended transfer under way: the other party of my call is on hold while my phone talks to (or rings) the
 * target. It ends in exactly one {@link #outcome()}, whoever ends it: me through {@link #complete()} or
 * {@link #cancel()}, my phone hanging up, or the target being busy, not answering or hanging up.
 */
public interface Consultation {

    /** The channel of the party on hold, e.g. the customer's {@code PJSIP/trunk-00000012}. */
    String transferee();

    /** Whom I consult, e.g. {@code 106@amicus}. */
    String target();

    /**
     * Hands the held party over to the target by hanging up my side of the consultation; completes with the
     * {@link #outcome()}, at most {@link CtiActions#TRANSFER_LIMIT} after the PBX accepted the request.
     */
    CompletableFuture<AttendedTransferOutcome> complete();

    /**
     * Ends the consultation and takes me back to the held party; completes with the {@link #outcome()}, at most
     * {@link CtiActions#TRANSFER_LIMIT} after the PBX accepted the request.
     */
    CompletableFuture<AttendedTransferOutcome> cancel();

    /** How the consultation ended, as the PBX showed it; not complete while it goes on. */
    CompletableFuture<AttendedTransferOutcome> outcome();
}
