package org.amicus.cti;

import java.util.Optional;

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

    void addListener(ChannelListener listener);

    void removeListener(ChannelListener listener);
}
