package org.amicus.cti;

import java.util.List;

/**
 * Told of every change to the queues, in the order the PBX reported them: programmatically through
 * {@link QueueRegistry#addListener}, or as an OSGi service (whiteboard). Called on the AMI dispatch thread: return
 * quickly.
 */
@FunctionalInterface
public interface QueueListener {

    /** The changes one PBX event (or one resync) made, never empty. */
    void queuesChanged(List<QueueChange> changes);
}
