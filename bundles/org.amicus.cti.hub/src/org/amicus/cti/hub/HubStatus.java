package org.amicus.cti.hub;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a hub serves this desktop now, for a status line: in hub mode it is an OSGi service beside the registry and
 * the actions. A desktop knows within 3 s that the hub is gone (it hears the leading hub's heartbeat every second),
 * refuses actions meanwhile with the same words, and is served again by itself once a hub (the standby, say) is back.
 */
public interface HubStatus {

    /** Empty while a hub serves this desktop; else why not, in words for the user, e.g. "The hub is unavailable". */
    Optional<String> problem();

    /** The same in the words of {@code locale}'s language, for the user to read. */
    Optional<String> problem(Locale locale);

    /** Who the hub knows this desktop's user as, once it has said. */
    Optional<Identity> identity();

    default boolean available() {
        return problem().isEmpty();
    }

    /** Told of every change, on a NATS client thread: hand UI work to the UI thread. */
    void addListener(HubStatusListener listener);

    void removeListener(HubStatusListener listener);
}
