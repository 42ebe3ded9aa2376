package org.amicus.cti;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The PBX's live channels, built from its events and set right from {@code CoreShowChannels} after every login and
 * after any loss of events. Available as an OSGi service.
 */
public interface ChannelRegistry {

    /** The channels now. Cheap to call often: the snapshot is made once per change. */
    ChannelSnapshot snapshot();

    /**
     * Why the registry cannot check itself against the PBX, e.g. because the AMI user may not run
     * {@code CoreShowChannels}; empty when it can. The registry then follows events alone.
     */
    Optional<String> resyncProblem();

    /** {@link #resyncProblem()} in the language of {@code locale}, as far as this registry words it. */
    default Optional<String> resyncProblem(Locale locale) {
        return resyncProblem();
    }

    /**
     * Completes with the channels once the registry has next checked them against the PBX: after the next login, or
     * after events were lost. Asked before connecting, it tells when the channels of the new connection are complete.
     * Completes exceptionally if that check cannot be done, e.g. with an
     * {@link org.amicus.ami.AmiPermissionException} when the AMI user may not run {@code CoreShowChannels}.
     */
    CompletableFuture<ChannelSnapshot> nextResync();

    void addListener(ChannelListener listener);

    void removeListener(ChannelListener listener);
}
