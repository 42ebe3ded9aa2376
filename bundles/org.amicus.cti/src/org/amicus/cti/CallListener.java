package org.amicus.cti;

/**
 * Told when a channel starts ringing (a phone being rung, {@link Channel#isRinging()}; not the calling side of a call,
 * which waits in Ring), is answered, or ends: enough for a CRM screen pop. Register an implementation
 * as an OSGi service (whiteboard). {@code mine} is true for channels of the agent's own device; on such a ringing
 * channel, {@link Channel#connectedLine()} is who is calling. Called on the AMI dispatch thread: return quickly.
 */
public interface CallListener {

    default void ringing(Channel channel, boolean mine) {
        // nothing by default
    }

    default void answered(Channel channel, boolean mine) {
        // nothing by default
    }

    default void ended(Channel channel, boolean mine) {
        // nothing by default
    }
}
