package org.amicus.cti;

import java.util.List;

/**
 * Told of every change to the live channels, in the order the PBX reported them: programmatically through
 * {@link ChannelRegistry#addListener}, or as an OSGi service (whiteboard). Called on the AMI dispatch thread: return
 * quickly.
 */
@FunctionalInterface
public interface ChannelListener {

    /** The changes one PBX event (or one resync) made, never empty. */
    void channelsChanged(List<ChannelChange> changes);
}
