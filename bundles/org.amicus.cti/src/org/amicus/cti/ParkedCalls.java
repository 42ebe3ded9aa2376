package org.amicus.cti;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The calls parked in the PBX's parking lots, from its {@code ParkedCall}, {@code UnParkedCall},
 * {@code ParkedCallGiveUp} and {@code ParkedCallTimeOut} events, and set right from its {@code ParkedCalls} listing
 * after every login and after any loss of events. The AMI user needs read permission "call" for the events. Available
 * as an OSGi service.
 */
public interface ParkedCalls {

    /** The parked calls now, by space. */
    List<ParkedCall> parked();

    /** The call parked in a space, if any. */
    Optional<ParkedCall> inSpace(String space);

    /**
     * Completes with the parked calls once they have next been checked against the PBX: after the next login, or after
     * events were lost. Completes exceptionally if that check cannot be done.
     */
    CompletableFuture<List<ParkedCall>> nextResync();

    void addListener(ParkedCallListener listener);

    void removeListener(ParkedCallListener listener);
}
