package org.amicus.cti;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Presence of colleagues (busy lamp field): every phone with a hint on the PBX, kept live from its
 * {@code ExtensionStatus}, {@code DeviceStateChange} and {@code PresenceStatus} events and set right from
 * {@code ExtensionStateList} after every login and after any loss of events. Available as an OSGi service.
 */
public interface ColleagueRegistry {

    /** The colleagues now, by extension. */
    List<Colleague> colleagues();

    /** The colleague of that extension, in any context, if the PBX has a hint for it. */
    Optional<Colleague> colleague(String extension);

    /**
     * Why the registry cannot list the hints, e.g. because the AMI user may not run {@code ExtensionStateList};
     * empty when it can. The registry then follows events alone.
     */
    Optional<String> resyncProblem();

    /** {@link #resyncProblem()} in the language of {@code locale}, as far as this registry words it. */
    default Optional<String> resyncProblem(Locale locale) {
        return resyncProblem();
    }

    /**
     * Completes with the colleagues once the registry has next listed them from the PBX: after the next login, or
     * after events were lost. Completes exceptionally if that listing cannot be done, e.g. with an
     * {@link org.amicus.ami.AmiPermissionException}.
     */
    CompletableFuture<List<Colleague>> nextResync();

    void addListener(ColleagueListener listener);

    void removeListener(ColleagueListener listener);
}
