package org.amicus.cti;

import java.util.List;

/**
 * Told whenever the parked calls change, in the order the PBX reported it: programmatically through
 * {@link ParkedCalls#addListener}, or as an OSGi service (whiteboard). Called on a thread of the service's own, never
 * on the AMI dispatch thread, one call at a time.
 */
@FunctionalInterface
public interface ParkedCallListener {

    /** @param parked the parked calls now, by space */
    void parkedCallsChanged(List<ParkedCall> parked);
}
